/// What search sees of a text: its words, folded to lower case, one space between them.
///
/// The search box finds posts in which every typed word *begins* a word of the title, summary, tags or
/// body (`latenc` finds "latency", `p99` finds "p99", `tency` finds nothing). One definition serves the
/// plain scan and the persistent full-text index (which is fed this very form), so both give the same
/// answers by construction and a test can hold them to it.
///
/// A word is a run of letters, digits and combining marks; everything else separates words (markdown
/// punctuation, emoji, symbols). Han, Hiragana and Katakana characters are one word each, because those
/// scripts put no spaces between words: `中文` is searched as the two words `中 文` side by side.
public enum SearchText {
    /// The words of `text`, lower-cased, as UTF-8 bytes: `" word word word "` (a space before and after
    /// every word), so a typed word `w` begins a word exactly where `" w"` occurs.
    public static func normalized(_ text: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = [0x20]
        out.reserveCapacity(text.utf8.count + 2)
        var inWord = false
        func endWord() {
            if inWord { out.append(0x20); inWord = false }
        }
        var utf8 = text.utf8.makeIterator()
        var pending: UInt8? = nil
        while let byte = pending ?? utf8.next() {
            pending = nil
            if byte < 0x80 {
                // The common case, a byte at a time: letters folded, digits kept, the rest separates.
                if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                    out.append(byte); inWord = true
                } else if byte >= 0x41 && byte <= 0x5A {
                    out.append(byte | 0x20); inWord = true
                } else {
                    endWord()
                }
                continue
            }
            // A multi-byte character: decode its scalar by hand (no String per character) and classify it.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            var bytes: (UInt8, UInt8, UInt8, UInt8) = (byte, 0, 0, 0)
            var count = 1
            while count < length, let next = utf8.next() {
                guard next & 0xC0 == 0x80 else { pending = next; break }
                value = value << 6 | UInt32(next & 0x3F)
                switch count {
                case 1: bytes.1 = next
                case 2: bytes.2 = next
                default: bytes.3 = next
                }
                count += 1
            }
            // Cleaned text holds no broken sequences; any that comes anyway separates words.
            guard count == length, let scalar = Unicode.Scalar(value) else { endWord(); continue }
            switch kind(of: scalar) {
            case .separator:
                endWord()
            case .letter:
                if scalar.properties.changesWhenLowercased {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    withUnsafeBytes(of: bytes) { out.append(contentsOf: $0.prefix(length)) }
                }
                inWord = true
            case .ideograph:
                endWord()
                out.append(bytes.0); out.append(bytes.1); out.append(bytes.2)
                if length == 4 { out.append(bytes.3) }
                out.append(0x20)
            }
        }
        endWord()
        return out
    }

    /// The same as a string (for tests and the index, which stores text).
    public static func normalizedString(_ text: some StringProtocol) -> String {
        String(decoding: normalized(text), as: UTF8.self)
    }

    /// One typed word as the words search sees in it (`go-lang` → `go`, `lang`; `中文` → `中`, `文`);
    /// empty when it holds no letter or digit.
    public static func words(of typed: some StringProtocol) -> [String] {
        normalizedString(typed).split(separator: " ").map(String.init)
    }

    enum Kind { case separator, letter, ideograph }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        if isIdeographic(scalar) { return .ideograph }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return .letter
        default:
            return .separator
        }
    }

    /// Han, Hiragana and Katakana (with their extensions and compatibility blocks).
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFF66...0xFF9D, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}

/// One typed word of a search, as search sees it: the words it holds, which must stand side by side in
/// a field, the last one possibly unfinished (a prefix).
public struct SearchTerm: Hashable, Sendable {
    /// Lower-case words; never empty.
    public let words: [String]

    /// Nil when the typed word holds no letter or digit (it then asks nothing).
    public init?(typed: some StringProtocol) {
        let words = SearchText.words(of: typed)
        guard !words.isEmpty else { return nil }
        self.words = words
    }

    /// The bytes to find in a normalized text: a space, then the words with one space between.
    public var needle: [UInt8] { Array((" " + words.joined(separator: " ")).utf8) }

    /// Whether the term occurs in a text already normalized by `SearchText.normalized`.
    public func occurs(in normalized: [UInt8]) -> Bool {
        TextSearch.contains(normalized, needle)
    }
}
