import BylineCore

extension LanguageDefinition {
    /// Every language the highlighter knows, looked up by `CodeHighlighter.definition(for:)`. To add
    /// one, write its definition beside its family in `Languages+*.swift` and list it here.
    package static let builtIn: [LanguageDefinition] = [
        go, rust, swift, c, cpp, java, kotlin,
        javascript, typescript, python, ruby, lua, shell,
        json, yaml, toml, ini, sql, diff,
        dockerfile, makefile, nginx,
    ]

    // Pieces most C-like languages share.

    /// `//` and `/* */`, not nesting.
    static let cComments = (line: ["//"], block: BlockComment("/*", "*/"))
    /// `"…"` with backslash escapes, on one line, and `'x'` character literals.
    static let cStrings: [StringSyntax] = [StringSyntax("\""), .character()]
    /// Numbers whose letters after the digits are type suffixes: `10UL`, `1.5f`, `10u8`.
    static let suffixedNumbers = NumberSyntax(suffixes: true)
    /// Where commands and paths are words (`/usr/local/bin`, `./configure`), so a keyword inside a path
    /// stays plain.
    static let pathCharacters = "./~"
    /// The names and special parameters after a shell-like `$`: `$HOME`, `${HOME}`, `$1`, `$@`, `$?`.
    static let shellVariable = Sigil("$", .type, brackets: ["{}"], specialNames: "@#?$!*-0123456789")
}
