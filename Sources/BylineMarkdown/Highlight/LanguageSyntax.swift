import BylineCore

// The small value types a `LanguageDefinition` is made of. Delimiters are ASCII: every language we
// colour spells its punctuation in ASCII, and that is what lets the scanner cut the UTF-8 bytes of a
// line without ever landing inside a multi-byte character.

extension LanguageDefinition {
    /// A comment between two delimiters that may span lines.
    public struct BlockComment: Sendable {
        public let open: String
        public let close: String
        /// Swift, Rust and Kotlin nest block comments, so `/* /* */ */` is one comment there.
        public let nests: Bool

        public init(_ open: String, _ close: String, nests: Bool = false) {
            self.open = open
            self.close = close
            self.nests = nests
        }
    }

    /// One way to write a string: its delimiters, its escape character and whether it may span lines.
    public struct StringSyntax: Sendable {
        public let open: String
        public let close: String
        /// The character that makes the next one literal (`\"`), or nil for raw strings (Go backticks).
        public let escape: Character?
        /// Whether an unclosed string carries on to the next line (Python `"""`, JS template literals)
        /// or ends with its line, so one stray quote cannot colour the rest of the block.
        public let multiline: Bool
        /// A character literal (`'a'`, `'\n'`): one character or one escape and the close, nothing
        /// more. This keeps Rust's lifetime `'a` from opening a string.
        public let isCharacter: Bool

        public init(_ open: String, _ close: String? = nil, escape: Character? = "\\", multiline: Bool = false) {
            self.open = open
            self.close = close ?? open
            self.escape = escape
            self.multiline = multiline
            self.isCharacter = false
        }

        /// A character literal between `quote`s, with `\` escapes.
        public static func character(_ quote: String = "'") -> StringSyntax {
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
    public struct HashStrings: Sendable {
        /// Words that open one before the `#`s or quote (Rust `r`, `br`, `cr`).
        public let prefixes: [String]
        /// Swift opens one with `#`s alone (`#"…"#`), no prefix word.
        public let bare: Bool

        public init(prefixes: [String] = [], bare: Bool = false) {
            self.prefixes = prefixes
            self.bare = bare
        }
    }

    /// How a language writes numbers. Numbers only start where a word could (`x1` is a name).
    public struct NumberSyntax: Sendable {
        /// `0x1F`, `0b1010`, `0o17`.
        public let radixPrefixes: Bool
        /// `1_000_000`.
        public let separators: Bool
        /// `3.14`; a dot not followed by a digit (`1..5`, `x.0.y`) ends the number.
        public let floats: Bool
        /// `6.02e23`, `1E-9`.
        public let exponents: Bool
        /// The rest of the word after the digits belongs to the number: `10u32`, `1.5f`, `100n`, `3j`,
        /// and in YAML and TOML, whose words take `-` and `:`, a date like `2024-04-09T10:00:00Z`.
        public let suffixes: Bool

        public init(
            radixPrefixes: Bool = true, separators: Bool = true, floats: Bool = true,
            exponents: Bool = true, suffixes: Bool = false
        ) {
            self.radixPrefixes = radixPrefixes
            self.separators = separators
            self.floats = floats
            self.exponents = exponents
            self.suffixes = suffixes
        }
    }

    /// A character that marks the name after it: shell `$HOME`, `${HOME}`, `$1`; decorators `@main`.
    public struct Sigil: Sendable {
        public let prefix: Character
        public let style: TextStyle
        /// Pairs that may enclose the name, written as two characters: `"{}"` for `${HOME}`.
        public let brackets: [String]
        /// Single characters that are names on their own after the prefix: `$@`, `$?`, `$1`.
        public let specialNames: String

        public init(_ prefix: Character, _ style: TextStyle, brackets: [String] = [], specialNames: String = "") {
            self.prefix = prefix
            self.style = style
            self.brackets = brackets
            self.specialNames = specialNames
        }
    }

    /// A key at the start of a line, up to its separator: YAML `name:`, TOML `name =`, make `target:`.
    public struct KeySyntax: Sendable {
        public let separator: Character
        /// YAML needs a space or the line end after `:`, so `http://x` is not a key.
        public let needsSpaceAfter: Bool
        /// Makefile recipes are indented and never define targets; YAML and TOML keys may be indented.
        public let allowsIndent: Bool
        /// YAML list items (`- name: x`) carry keys after the dash.
        public let skipsListMarkers: Bool
        /// Characters a key cannot contain; finding one means the line has no key (a quote, a `#`).
        public let forbidden: String

        public init(
            separator: Character, needsSpaceAfter: Bool = false, allowsIndent: Bool = true,
            skipsListMarkers: Bool = false, forbidden: String = ""
        ) {
            self.separator = separator
            self.needsSpaceAfter = needsSpaceAfter
            self.allowsIndent = allowsIndent
            self.skipsListMarkers = skipsListMarkers
            self.forbidden = forbidden
        }
    }

    /// A style for every line that starts with `prefix` (diff's `+`, `-` and `@@`).
    public struct LineStyle: Sendable {
        public let prefix: String
        public let style: TextStyle

        public init(_ prefix: String, _ style: TextStyle) {
            self.prefix = prefix
            self.style = style
        }
    }
}
