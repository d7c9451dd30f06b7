import BylineCore

/// One language's lexical shape as plain data: its words, comments, strings and numbers. The highlighter
/// has a single scanner that reads these tables, so adding a language is adding one value (see
/// `Languages*.swift`), never new scanning code. Only what a reader's eye needs is described; this is a
/// highlighter, not a parser, and a wrong guess costs a colour, never text.
package struct LanguageDefinition: Sendable {
    /// Names a fence's info string may use, lower case; the first is the canonical one.
    package let names: [String]
    /// Reserved words, styled `.keyword`. Matched as whole words only (`format` is not `for`).
    package let keywords: [String]
    /// Built-in types and functions, styled `.type`.
    package let types: [String]
    /// SQL and Dockerfile words match in any case (`SELECT`, `select`).
    package let caseInsensitiveWords: Bool
    /// Languages whose types are conventionally capitalised (Swift, Rust, Java) style every word that
    /// starts with an ASCII capital as `.type`, so user types get colour without being listed.
    package let capitalizedWordsAreTypes: Bool
    /// Extra characters that may start a word and continue it (`$` in JavaScript).
    package let identifierStarts: String
    /// Extra characters that continue a word once started (`-` in shell, so `do-thing` is not `do`;
    /// `?` and `!` in Ruby method names).
    package let identifierCharacters: String
    /// Line comment openers: `//`, `#`, `--`. A comment runs to the end of the line.
    package let lineComments: [String]
    /// Shell and YAML only start a comment at a word boundary (`a#b` is a word, `a #b` a comment).
    package let lineCommentsNeedSpaceBefore: Bool
    /// The block comment, if the language has one; it may span lines.
    package let blockComment: BlockComment?
    /// String forms, tried in order of longest opener first so `"""` wins over `"`.
    package let strings: [StringSyntax]
    /// Words that may prefix a string and belong to it (`f"..."`, `b"..."`), matched in any case.
    package let stringPrefixes: [String]
    /// Raw strings closed by a quote and as many `#` as opened them (Rust `r#"…"#`, Swift `#"…"#`).
    package let hashStrings: HashStrings?
    /// A quote only opens a string where a word does not run into it, so YAML's `Don't panic` and a
    /// shell's `it's` stay plain text.
    package let stringsNeedWordBoundary: Bool
    /// JSON: a string followed by `:` is an object key, styled `.keyword` to set keys apart from values.
    package let stringKeys: Bool
    /// How numbers are written; nil for languages without numbers worth colouring.
    package let numbers: NumberSyntax?
    /// Prefix characters that mark a name: shell `$VAR`, decorators `@name`, Swift `#if`.
    package let sigils: [Sigil]
    /// YAML, TOML and Makefile keys before their separator at the start of a line.
    package let keys: KeySyntax?
    /// TOML and INI `[section]` headers at the start of a line, styled `.keyword`.
    package let sectionHeaders: Bool
    /// Whole-line styles by prefix, first match wins (diff). A language with line styles does no other
    /// scanning: a diff's lines are whatever language the patch touched.
    package let lineStyles: [LineStyle]

    /// The same tables as bytes, so scanning never converts strings. Built the first time the
    /// language colours code, not in `init`: a post with only Go in it does not pay, at start-up, for
    /// compiling the other languages. Copies of a definition share them.
    var compiled: CompiledLanguage { compiledOnce.value { CompiledLanguage(self) } }
    private let compiledOnce = CompiledOnce()

    /// Every argument but `names` has a default meaning "the language has no such thing", so a
    /// definition lists only what it has.
    package init(
        names: [String],
        keywords: [String] = [],
        types: [String] = [],
        caseInsensitiveWords: Bool = false,
        capitalizedWordsAreTypes: Bool = false,
        identifierStarts: String = "",
        identifierCharacters: String = "",
        lineComments: [String] = [],
        lineCommentsNeedSpaceBefore: Bool = false,
        blockComment: BlockComment? = nil,
        strings: [StringSyntax] = [],
        stringPrefixes: [String] = [],
        hashStrings: HashStrings? = nil,
        stringsNeedWordBoundary: Bool = false,
        stringKeys: Bool = false,
        numbers: NumberSyntax? = NumberSyntax(),
        sigils: [Sigil] = [],
        keys: KeySyntax? = nil,
        sectionHeaders: Bool = false,
        lineStyles: [LineStyle] = []
    ) {
        self.names = names.map { $0.lowercased() }
        self.keywords = keywords
        self.types = types
        self.caseInsensitiveWords = caseInsensitiveWords
        self.capitalizedWordsAreTypes = capitalizedWordsAreTypes
        self.identifierStarts = identifierStarts
        self.identifierCharacters = identifierCharacters
        self.lineComments = lineComments
        self.lineCommentsNeedSpaceBefore = lineCommentsNeedSpaceBefore
        self.blockComment = blockComment
        // Longest opener first: `"""` must be tried before `"`, `'''` before `'`.
        self.strings = strings.enumerated()
            .sorted { ($0.element.open.utf8.count, -$0.offset) > ($1.element.open.utf8.count, -$1.offset) }
            .map(\.element)
        self.stringPrefixes = stringPrefixes
        self.hashStrings = hashStrings
        self.stringsNeedWordBoundary = stringsNeedWordBoundary
        self.stringKeys = stringKeys
        self.numbers = numbers
        self.sigils = sigils
        self.keys = keys
        self.sectionHeaders = sectionHeaders
        self.lineStyles = lineStyles
    }
}
