import BylineCore

// Scripting languages: JavaScript and TypeScript, Python, Ruby, Lua and the shell.

extension LanguageDefinition {
    /// JavaScript: template literals in backticks span lines; `$` is a letter; capitalised names are
    /// classes and constructors (`Promise`, `Map`).
    package static let javascript = LanguageDefinition(
        names: ["javascript", "js", "jsx", "mjs", "cjs"],
        keywords: javascriptKeywords,
        types: javascriptGlobals,
        capitalizedWordsAreTypes: true,
        identifierStarts: "$",
        lineComments: cComments.line,
        blockComment: cComments.block,
        strings: javascriptStrings,
        numbers: suffixedNumbers, // `10n` is a BigInt
        sigils: [Sigil("@", .type)]
    )

    /// TypeScript: JavaScript plus its type-level keywords and primitive types.
    package static let typescript = LanguageDefinition(
        names: ["typescript", "ts", "tsx", "mts", "cts"],
        keywords: javascriptKeywords + [
            "abstract", "asserts", "declare", "enum", "implements", "infer", "interface", "is", "keyof",
            "namespace", "override", "private", "protected", "public", "readonly", "satisfies", "type",
            "unique",
        ],
        types: javascriptGlobals + [
            "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown",
        ],
        capitalizedWordsAreTypes: true,
        identifierStarts: "$",
        lineComments: cComments.line,
        blockComment: cComments.block,
        strings: javascriptStrings,
        numbers: suffixedNumbers,
        sigils: [Sigil("@", .type)]
    )

    /// Python: `"""` and `'''` strings span lines (docstrings); `f`, `r`, `b` and their mixes prefix
    /// strings; `@decorator`.
    package static let python = LanguageDefinition(
        names: ["python", "py", "python3", "py3"],
        keywords: [
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "case", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "match", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield",
        ],
        types: [
            "bool", "bytes", "dict", "float", "frozenset", "int", "list", "object", "set", "str", "tuple",
            "type", "abs", "all", "any", "enumerate", "filter", "isinstance", "iter", "len", "map", "max",
            "min", "next", "open", "print", "range", "repr", "reversed", "sorted", "sum", "super", "zip",
            "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError", "OSError",
            "AttributeError", "NotImplementedError", "StopIteration",
        ],
        lineComments: ["#"],
        strings: [
            StringSyntax("\"\"\"", multiline: true), StringSyntax("'''", multiline: true),
            StringSyntax("\""), StringSyntax("'"),
        ],
        stringPrefixes: ["r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt"],
        numbers: suffixedNumbers, // `3j` is imaginary
        sigils: [Sigil("@", .type)]
    )

    /// Ruby: method names may end in `?` or `!`; `@ivar`; capitalised names are classes and constants.
    package static let ruby = LanguageDefinition(
        names: ["ruby", "rb"],
        keywords: [
            "BEGIN", "END", "alias", "and", "begin", "break", "case", "class", "def", "defined?", "do", "else",
            "elsif", "end", "ensure", "false", "for", "if", "in", "module", "next", "nil", "not", "or", "redo",
            "rescue", "retry", "return", "self", "super", "then", "true", "undef", "unless", "until", "when",
            "while", "yield", "require", "require_relative", "attr_accessor", "attr_reader", "attr_writer",
            "include", "extend", "private", "protected", "public", "raise", "lambda", "proc",
        ],
        capitalizedWordsAreTypes: true,
        identifierCharacters: "?!",
        lineComments: ["#"],
        strings: [StringSyntax("\""), StringSyntax("'"), StringSyntax("`")],
        sigils: [Sigil("@", .type)]
    )

    /// Lua: `--[[ ]]` block comments, `[[ ]]` long strings spanning lines.
    package static let lua = LanguageDefinition(
        names: ["lua"],
        keywords: [
            "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
            "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
        ],
        types: [
            "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "print", "require",
            "select", "setmetatable", "tonumber", "tostring", "type", "unpack", "io", "math", "os", "string",
            "table", "coroutine",
        ],
        lineComments: ["--"],
        blockComment: BlockComment("--[[", "]]"),
        strings: [StringSyntax("\""), StringSyntax("'"), StringSyntax("[[", "]]", escape: nil, multiline: true)]
    )

    /// Shell and terminal sessions: `$VAR`, `${VAR}` and `$1` are `.type`; `#` starts a comment only
    /// after a space; `-` joins words so `do-thing` is not `do`, and paths are words so the `local` in
    /// `~/.local/bin` is not a keyword. Quotes end with their line: a session's
    /// output is prose, and one apostrophe there must not colour the rest of the block.
    package static let shell = LanguageDefinition(
        names: ["sh", "bash", "zsh", "shell", "console", "shellsession", "ksh"],
        keywords: [
            "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done",
            "in", "function", "time", "return", "exit", "break", "continue", "local", "export", "readonly",
            "declare", "typeset", "unset", "shift", "source", "alias", "eval", "exec", "set", "trap",
        ],
        identifierStarts: pathCharacters,
        identifierCharacters: "-",
        lineComments: ["#"],
        lineCommentsNeedSpaceBefore: true,
        strings: [StringSyntax("\""), StringSyntax("'", escape: nil)],
        stringsNeedWordBoundary: true,
        numbers: NumberSyntax(radixPrefixes: false, separators: false, exponents: false),
        sigils: [shellVariable]
    )

    private static let javascriptKeywords = [
        "as", "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
        "default", "delete", "do", "else", "export", "extends", "false", "finally", "for", "from",
        "function", "get", "if", "import", "in", "instanceof", "let", "new", "null", "of", "return", "set",
        "static", "super", "switch", "this", "throw", "true", "try", "typeof", "undefined", "var", "void",
        "while", "with", "yield",
    ]

    private static let javascriptGlobals = [
        "console", "document", "window", "globalThis", "require", "module", "exports", "process",
    ]

    private static let javascriptStrings = [
        StringSyntax("\""), StringSyntax("'"), StringSyntax("`", multiline: true),
    ]
}
