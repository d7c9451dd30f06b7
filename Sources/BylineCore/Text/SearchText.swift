/// What search sees of a text: its words, folded to lower case and without Latin diacritics
/// (`LatinFolding`: `Segurança` is `seguranca`), one space between them.
///
/// The search box finds posts in which every typed word *begins* a word of the title, summary, tags or
/// body (`latenc` finds "latency", `p99` finds "p99", `tency` finds nothing). One definition serves the
/// plain scan and the persistent full-text index (which is fed this very form), so both give the same
/// answers by construction and a test can hold them to it.
///
/// A word is a run of letters, digits and combining marks; everything else separates words (markdown
/// punctuation, emoji, symbols). Han, Hiragana and Katakana characters are one word each, because those
/// scripts put no spaces between words: `中文` is searched as the two words `中 文` side by side.
package enum SearchText {
    /// The words of `text`, lower-cased, as UTF-8 bytes: `" word word word "` (a space before and after
    /// every word), so a typed word `w` begins a word exactly where `" w"` occurs.
    package static func normalized(_ text: some StringProtocol) -> [UInt8] {
        if let folded = text.utf8.withContiguousStorageIfAvailable(normalized) { return folded }
        return Array(text.utf8).withUnsafeBufferPointer(normalized)
    }

    /// The same for well-formed UTF-8 bytes (a post's body as `PostLoader.bodyBytes` reads it).
    package static func normalized(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let folder = WordFolder(expected: utf8.count)
        folder.fold(utf8, 0..<utf8.count)
        return folder.finished()
    }

    /// The same as a string (for tests and the index, which stores text).
    package static func normalizedString(_ text: some StringProtocol) -> String {
        String(decoding: normalized(text), as: UTF8.self)
    }

    /// One typed word as the words search sees in it (`go-lang` → `go`, `lang`; `中文` → `中`, `文`);
    /// empty when it holds no letter or digit.
    package static func words(of typed: some StringProtocol) -> [String] {
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
package struct SearchTerm: Hashable, Sendable {
    /// Lower-case words; never empty.
    package let words: [String]

    /// Nil when the typed word holds no letter or digit (it then asks nothing).
    package init?(typed: some StringProtocol) {
        let words = SearchText.words(of: typed)
        guard !words.isEmpty else { return nil }
        self.words = words
    }

    /// The bytes to find in a normalized text: a space, then the words with one space between.
    package var needle: [UInt8] { Array((" " + words.joined(separator: " ")).utf8) }

    /// Whether the term occurs in a text already normalized by `SearchText.normalized`.
    package func occurs(in normalized: [UInt8]) -> Bool {
        TextSearch.contains(normalized, needle)
    }
}
