import BylineCore

// Data and query languages, and diffs: JSON, YAML, TOML, INI, SQL, diff.

extension LanguageDefinition {
    /// JSON, with JSONC's comments: a string before `:` is a key, styled `.keyword`.
    package static let json = LanguageDefinition(
        names: ["json", "jsonc", "json5", "geojson"],
        keywords: ["true", "false", "null"],
        lineComments: cComments.line,
        blockComment: cComments.block,
        strings: [StringSyntax("\"")],
        stringKeys: true,
        numbers: NumberSyntax(radixPrefixes: false, separators: false)
    )

    /// YAML: the key before `: ` is `.keyword`, list dashes included; `#` comments need a space before;
    /// quotes open strings only at a word boundary so `Don't panic` stays plain.
    package static let yaml = LanguageDefinition(
        names: ["yaml", "yml"],
        keywords: ["true", "false", "null"], // YAML 1.2: `no` and `on` are words again
        caseInsensitiveWords: true,
        identifierCharacters: "-.:", // so dates, times and versions read as one number
        lineComments: ["#"],
        lineCommentsNeedSpaceBefore: true,
        strings: [StringSyntax("\""), StringSyntax("'", escape: nil)],
        stringsNeedWordBoundary: true,
        numbers: NumberSyntax(suffixes: true),
        sigils: [Sigil("&", .type), Sigil("*", .type)], // anchors and aliases
        keys: KeySyntax(separator: ":", needsSpaceAfter: true, skipsListMarkers: true, forbidden: "\"'{}[],#")
    )

    /// TOML: `[table]` headers and the keys before `=` are `.keyword`; all four string forms.
    package static let toml = LanguageDefinition(
        names: ["toml"],
        keywords: ["true", "false", "inf", "nan"],
        identifierCharacters: "-:", // so `1979-05-27T07:32:00Z` reads as one value
        lineComments: ["#"],
        strings: [
            StringSyntax("\"\"\"", multiline: true), StringSyntax("'''", escape: nil, multiline: true),
            StringSyntax("\""), StringSyntax("'", escape: nil),
        ],
        stringsNeedWordBoundary: true,
        numbers: NumberSyntax(suffixes: true),
        keys: KeySyntax(separator: "=", forbidden: "\"'[]{}#"),
        sectionHeaders: true
    )

    /// INI and its relatives (`.editorconfig`, `.gitconfig`): sections, keys before `=`, `;` and `#`.
    package static let ini = LanguageDefinition(
        names: ["ini", "cfg", "dosini", "editorconfig", "gitconfig", "properties"],
        keywords: ["true", "false", "yes", "no", "on", "off"],
        caseInsensitiveWords: true,
        identifierCharacters: "-.",
        lineComments: [";", "#"],
        lineCommentsNeedSpaceBefore: true,
        strings: [StringSyntax("\"")],
        stringsNeedWordBoundary: true,
        keys: KeySyntax(separator: "=", forbidden: "\"[];#"),
        sectionHeaders: true
    )

    /// SQL in its common dialects: words in any case, `--` comments, `''` doubling for quotes (read as
    /// two adjacent strings, which look like one), and Postgres `$$` bodies spanning lines.
    package static let sql = LanguageDefinition(
        names: ["sql", "mysql", "postgresql", "postgres", "psql", "plpgsql", "pgsql", "sqlite", "tsql"],
        keywords: [
            "add", "all", "alter", "and", "as", "asc", "begin", "between", "by", "cascade", "case", "check",
            "column", "commit", "conflict", "constraint", "create", "cross", "database", "declare", "default",
            "delete", "desc", "distinct", "do", "drop", "else", "end", "exists", "false", "foreign", "from",
            "full", "function", "grant", "group", "having", "if", "in", "index", "inner", "insert", "into",
            "is", "join", "key", "language", "lateral", "left", "like", "limit", "materialized", "natural",
            "not", "nothing", "null", "offset", "on", "or", "order", "outer", "over", "partition", "primary",
            "procedure", "recursive", "references", "replace", "return", "returning", "returns", "revoke",
            "right", "rollback", "schema", "select", "set", "table", "temp", "temporary", "then", "transaction",
            "trigger", "true", "truncate", "union", "unique", "update", "using", "values", "view", "when",
            "where", "window", "with",
        ],
        types: [
            "bigint", "bigserial", "blob", "bool", "boolean", "bytea", "char", "date", "decimal", "double",
            "float", "int", "integer", "interval", "json", "jsonb", "numeric", "precision", "real", "serial",
            "smallint", "text", "time", "timestamp", "timestamptz", "uuid", "varchar", "avg", "coalesce",
            "count", "max", "min", "now", "sum",
        ],
        caseInsensitiveWords: true,
        lineComments: ["--"],
        blockComment: cComments.block,
        strings: [
            StringSyntax("'", escape: nil, multiline: true), StringSyntax("\"", escape: nil),
            StringSyntax("`", escape: nil), StringSyntax("$$", escape: nil, multiline: true),
        ],
        numbers: NumberSyntax(separators: false)
    )

    /// Unified diffs: whole lines by their first characters. File and hunk headers come first so
    /// `+++` and `---` are not read as an added and a removed line.
    package static let diff = LanguageDefinition(
        names: ["diff", "patch", "udiff"],
        numbers: nil,
        lineStyles: [
            LineStyle("diff ", .diffMeta), LineStyle("index ", .diffMeta), LineStyle("+++", .diffMeta),
            LineStyle("---", .diffMeta), LineStyle("@@", .diffMeta), LineStyle("new file mode", .diffMeta),
            LineStyle("deleted file mode", .diffMeta), LineStyle("similarity index", .diffMeta),
            LineStyle("rename from", .diffMeta), LineStyle("rename to", .diffMeta),
            LineStyle("Binary files", .diffMeta), LineStyle("\\ No newline", .diffMeta),
            LineStyle("+", .diffAdded), LineStyle("-", .diffRemoved),
        ]
    )
}
