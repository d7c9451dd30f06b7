import BylineCore

// The small value types a `LanguageDefinition` is made of. Delimiters are ASCII: every language we
// colour spells its punctuation in ASCII, and that is what lets the scanner cut the UTF-8 bytes of a
// line without ever landing inside a multi-byte character.

extension LanguageDefinition {
    /// A comment between two delimiters that may span lines.
    package struct BlockComment: Sendable {
        package let open: String
        package let close: String
        /// Swift, Rust and Kotlin nest block comments, so `/* /* */ */` is one comment there.
        package let nests: Bool

        package init(_ open: String, _ close: String, nests: Bool = false) {
            self.open = open
            self.close = close
            self.nests = nests
        }
    }

    /// One way to write a string: its delimiters, its escape character and whether it may span lines.
    package struct StringSyntax: Sendable {
        package let open: String
        package let close: String
        /// The character that makes the next one literal (`\"`), or nil for raw strings (Go backticks).
        package let escape: Character?
        /// Whether an unclosed string carries on to the next line (Python `"""`, JS template literals)
        /// or ends with its line, so one stray quote cannot colour the rest of the block.
        package let multiline: Bool
        /// A character literal (`'a'`, `'\n'`): one character or one escape and the close, nothing
        /// more. This keeps Rust's lifetime `'a` from opening a string.
        package let isCharacter: Bool

        package init(_ open: String, _ close: String? = nil, escape: Character? = "\\", multiline: Bool = false) {
            self.open = open
            self.close = close ?? open
            self.escape = escape
            self.multiline = multiline
            self.isCharacter = false
        }

        /// A character literal between `quote`s, with `\` escapes.
        package static func character(_ quote: String = "'") -> StringSyntax {
            StringSyntax(quote: quote)
        }

        private init(quote: String) {
            open = quote
            close = quote
            escape = "\\"
            multiline = false
            isCharacter = true
        }
    }

    /// Raw strings closed by a quote and the same number of `#` that opened them, which may span lines.
    /// Escapes do not apply inside: `\"` cannot end `r#"…"#` anyway.
    package struct HashStrings: Sendable {
        /// Words that open one before the `#`s or quote (Rust `r`, `br`, `cr`).
        package var prefixes: [String] = []
        /// Swift opens one with `#`s alone (`#"…"#`), no prefix word.
        package var bare = false
    }

    /// How a language writes numbers. Numbers only start where a word could (`x1` is a name).
    package struct NumberSyntax: Sendable {
        /// `0x1F`, `0b1010`, `0o17`.
        package var radixPrefixes = true
        /// `1_000_000`.
        package var separators = true
        /// `3.14`; a dot not followed by a digit (`1..5`, `x.0.y`) ends the number.
        package var floats = true
        /// `6.02e23`, `1E-9`.
        package var exponents = true
        /// The rest of the word after the digits belongs to the number: `10u32`, `1.5f`, `100n`, `3j`,
        /// and in YAML and TOML, whose words take `-` and `:`, a date like `2024-04-09T10:00:00Z`.
        package var suffixes = false
    }

    /// A character that marks the name after it: shell `$HOME`, `${HOME}`, `$1`; decorators `@main`.
    package struct Sigil: Sendable {
        package let prefix: Character
        package let style: TextStyle
        /// Pairs that may enclose the name, written as two characters: `"{}"` for `${HOME}`.
        package let brackets: [String]
        /// Single characters that are names on their own after the prefix: `$@`, `$?`, `$1`.
        package let specialNames: String

        package init(_ prefix: Character, _ style: TextStyle, brackets: [String] = [], specialNames: String = "") {
            self.prefix = prefix
            self.style = style
            self.brackets = brackets
            self.specialNames = specialNames
        }
    }

    /// A key at the start of a line, up to its separator: YAML `name:`, TOML `name =`, make `target:`.
    package struct KeySyntax: Sendable {
        package var separator: Character
        /// YAML needs a space or the line end after `:`, so `http://x` is not a key.
        package var needsSpaceAfter = false
        /// Makefile recipes are indented and never define targets; YAML and TOML keys may be indented.
        package var allowsIndent = true
        /// YAML list items (`- name: x`) carry keys after the dash.
        package var skipsListMarkers = false
        /// Characters a key cannot contain; finding one means the line has no key (a quote, a `#`).
        package var forbidden = ""
    }

    /// A style for every line that starts with `prefix` (diff's `+`, `-` and `@@`).
    package struct LineStyle: Sendable {
        package let prefix: String
        package let style: TextStyle

        package init(_ prefix: String, _ style: TextStyle) {
            self.prefix = prefix
            self.style = style
        }
    }
}
