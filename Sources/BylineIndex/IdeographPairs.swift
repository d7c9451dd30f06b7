import BylineCore

/// The extra words the index holds for ideographs side by side, so that a term of two of them (`终端`)
/// is answered by the index alone and a longer one (`终端机`) asks for far fewer candidates.
///
/// Search sees each Han, Hiragana or Katakana character as a word of its own (`SearchText`), so `终端`
/// is the words `终` and `端`, to be found side by side in one field; and the index keeps no positions
/// (`detail=column`). So for each two words side by side in a field's normalized text that are both a
/// single ideograph, the index is also fed the two joined, with no space (`终端`): exactly where the
/// scan's needle ` 终 端` occurs in that field (it checks each field on its own, and the body as one).
/// No normalized word can be such a pair, nor begin with one: an ideograph is always a word of its own
/// and no word continues after it. A prefix query `"终"*` also meets the pairs that begin with `终`,
/// but only in fields that hold the word `终` itself, so its answer is unchanged.
enum IdeographPairs {
    /// `normalized` (`SearchText.normalized`: words between single spaces) with its pairs appended, each
    /// between single spaces as the words are (duplicates are left to `DistinctWords`); the text itself
    /// when it has none.
    static func adding(to normalized: [UInt8]) -> [UInt8] {
        normalized.withUnsafeBufferPointer { text in
            var pairs: [UInt8] = []
            // The previous word, when it was a single ideograph.
            var previous: Range<Int>? = nil
            NormalizedWords.forEach(in: text) { range in
                let word = UnsafeBufferPointer(rebasing: text[range])
                if SearchText.isIdeographWord(word) {
                    if let previous {
                        if pairs.isEmpty { pairs.append(0x20) }
                        pairs.append(contentsOf: UnsafeBufferPointer(rebasing: text[previous]))
                        pairs.append(contentsOf: word)
                        pairs.append(0x20)
                    }
                    previous = range
                } else {
                    previous = nil
                }
            }
            guard !pairs.isEmpty else { return normalized }
            return normalized + pairs
        }
    }

    /// The pair word of two single-ideograph words.
    static func pair(_ first: String, _ second: String) -> String { first + second }
}
