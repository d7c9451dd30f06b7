extension SearchText {
    /// Whether `word` (one of `normalized`'s words) is a single ideograph: search makes each Han,
    /// Hiragana or Katakana character a word of its own and never continues a word after one, so such
    /// a word is exactly one scalar. The index adds a word for each two of them side by side
    /// (`IdeographPairs` in BylineIndex), and asks it for a term of two.
    package static func isIdeographWord(_ word: some StringProtocol) -> Bool {
        var scalars = word.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return false }
        return isIdeographic(first)
    }

    /// The same for a word's UTF-8 bytes (as the index's build reads the normalized text).
    package static func isIdeographWord(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every ideograph is three bytes (U+3040 to U+FFFF) or four (U+20000 to U+3FFFF) in UTF-8.
        guard utf8.count == 3 || utf8.count == 4, utf8[0] >= 0xE3 else { return false }
        var value = UInt32(utf8[0]) & (utf8.count == 4 ? 0x07 : 0x0F)
        for index in 1..<utf8.count {
            guard utf8[index] & 0xC0 == 0x80 else { return false }
            value = value << 6 | UInt32(utf8[index] & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return isIdeographic(scalar)
    }
}
