import BylineCore

/// One language's lexical shape as plain data: its words, comments, strings and numbers. The highlighter
/// has a single scanner that reads these tables, so adding a language is adding one value (see
/// `Languages*.swift`), never new scanning code. Only what a reader's eye needs is described; this is a
/// highlighter, not a parser, and a wrong guess costs a colour, never text. Every field but `names`
/// defaults to "the language has no such thing", so a definition lists only what it has.
package struct LanguageDefinition: Sendable {
    /// Names a fence's info string may use, lower case; the first is the canonical one.
    package var names: [String]
    /// Reserved words, styled `.keyword`. Matched as whole words only (`format` is not `for`).
    package var keywords: [String] = []
    /// Built-in types and functions, styled `.type`.
    package var types: [String] = []
    /// SQL and Dockerfile words match in any case (`SELECT`, `select`).
    package var caseInsensitiveWords = false
    /// Languages whose types are conventionally capitalised (Swift, Rust, Java) style every word that
    /// starts with an ASCII capital as `.type`, so user types get colour without being listed.
    package var capitalizedWordsAreTypes = false
    /// Extra characters that may start a word and continue it (`$` in JavaScript).
    package var identifierStarts = ""
    /// Extra characters that continue a word once started (`-` in shell, so `do-thing` is not `do`;
    /// `?` and `!` in Ruby method names).
    package var identifierCharacters = ""
    /// Line comment openers: `//`, `#`, `--`. A comment runs to the end of the line.
    package var lineComments: [String] = []
    /// Shell and YAML only start a comment at a word boundary (`a#b` is a word, `a #b` a comment).
    package var lineCommentsNeedSpaceBefore = false
    /// The block comment, if the language has one; it may span lines.
    package var blockComment: BlockComment?
    /// String forms; they are tried in order of longest opener first, so `"""` wins over `"`.
    package var strings: [StringSyntax] = []
    /// Words that may prefix a string and belong to it (`f"..."`, `b"..."`), matched in any case.
    package var stringPrefixes: [String] = []
    /// Raw strings closed by a quote and as many `#` as opened them (Rust `r#"…"#`, Swift `#"…"#`).
    package var hashStrings: HashStrings?
    /// A quote only opens a string where a word does not run into it, so YAML's `Don't panic` and a
    /// shell's `it's` stay plain text.
    package var stringsNeedWordBoundary = false
    /// JSON: a string followed by `:` is an object key, styled `.keyword` to set keys apart from values.
    package var stringKeys = false
    /// How numbers are written; nil for languages without numbers worth colouring.
    package var numbers: NumberSyntax? = NumberSyntax()
    /// Prefix characters that mark a name: shell `$VAR`, decorators `@name`, Swift `#if`.
    package var sigils: [Sigil] = []
    /// YAML, TOML and Makefile keys before their separator at the start of a line.
    package var keys: KeySyntax?
    /// TOML and INI `[section]` headers at the start of a line, styled `.keyword`.
    package var sectionHeaders = false
    /// Whole-line styles by prefix, first match wins (diff). A language with line styles does no other
    /// scanning: a diff's lines are whatever language the patch touched.
    package var lineStyles: [LineStyle] = []

    /// The same tables as bytes, so scanning never converts strings. Built the first time the
    /// language colours code, not in `init`: a post with only Go in it does not pay, at start-up, for
    /// compiling the other languages. Copies of a definition share them.
    var compiled: CompiledLanguage { compiledOnce.value { CompiledLanguage(self) } }
    private let compiledOnce = CompiledOnce()
}
