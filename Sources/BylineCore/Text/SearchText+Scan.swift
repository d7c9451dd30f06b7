extension SearchText {
    /// Whether every term occurs in the words of `text` (well-formed UTF-8): what
    /// `terms.allSatisfy { $0.occurs(in: normalized(text)) }` answers, for a fraction of the work.
    ///
    /// Search without an index reads every body for each keystroke, and folding a whole body into
    /// search's form was most of that. So first a cheap test rules out a body that cannot hold the
    /// words (`mayContainAll`), and then the body is folded a piece at a time, stopping as soon as
    /// every term has appeared: a common word is usually found in the first kilobyte.
    ///
    /// `cancelled` is asked between pieces: a search superseded by the next key stops inside a long body
    /// too (false then), instead of folding the rest of an 8.7 MB post while the next search runs.
    package static func containsAll(_ terms: [SearchTerm], inWordsOf text: UnsafeBufferPointer<UInt8>,
                                   cancelled: () -> Bool = { false }) -> Bool {
        guard !terms.isEmpty else { return true }
        guard mayContainAll(terms, text) else { return false }
        var needles = terms.map(\.needle)
        let folder = WordFolder(expected: text.count)
        // Output bytes already searched for every needle still missing.
        var searched = 0
        var position = 0
        var piece = 1024
        while position < text.count {
            if cancelled() { return false }
            let end = characterEnd(text, min(position + piece, text.count))
            folder.fold(text, position..<end)
            position = end
            let output = folder.output
            needles.removeAll { needle in
                // A needle that straddles the last piece's end starts at most its length before it.
                let from = max(0, searched - needle.count + 1)
                return needle.withUnsafeBufferPointer { TextSearch.contains(UnsafeBufferPointer(rebasing: output[from...]), $0) }
            }
            if needles.isEmpty { return true }
            searched = output.count
            piece *= 2
        }
        return false
    }

    /// False only when some term cannot occur in the words of `text`: a term's ASCII word must then
    /// stand in the text's ASCII skeleton, which is the text with ASCII letters lower-cased, each Latin
    /// letter that folds to an ASCII one (`LatinFolding`) written as that letter, combining diacritics
    /// left out, and every other byte kept. Folding maps exactly those characters to ASCII letters one
    /// for one (`SearchScanTests` checks that no other character's folding holds ASCII), and a word's
    /// letters come from adjacent characters, so an ASCII word of the folded text is a run of the
    /// skeleton.
    static func mayContainAll(_ terms: [SearchTerm], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = terms.flatMap(\.words).filter { word in word.utf8.allSatisfy { $0 < 0x80 } }
        guard !words.isEmpty else { return true }
        // Most bodies hold no character that folds to ASCII: their skeleton is the text lower-cased,
        // made in one loop without a branch per byte (the compiler's to vectorise), as is the test for
        // the lead bytes of what folds (U+00C0 to U+036F: C3 to CD; U+1E00 to U+1EFF: E1). The two
        // signs that fold from E2 (Kelvin, Angstrom) keep a text in, as the rarity they are; E2 also
        // leads dashes and quotes, so they are looked for only in a text that has an E2.
        // One accumulator (two, and the loop was no longer vectorised): bit 0 for a byte that leads
        // what folds, bit 1 for an E2.
        var leads: UInt8 = 0
        let lowered = [UInt8](unsafeUninitializedCapacity: text.count) { buffer, initialized in
            for index in 0..<text.count {
                let byte = text[index]
                buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                leads |= (byte &- 0xC3 < 11 ? 1 : 0) | (byte == 0xE1 ? 1 : 0) | (byte == 0xE2 ? 2 : 0)
            }
            initialized = text.count
        }
        let folds = leads & 1
        if leads & 2 != 0, foldingSigns.contains(where: { sign in sign.withUnsafeBufferPointer { TextSearch.contains(text, $0) } }) {
            return true
        }
        if folds == 0 { return words.allSatisfy { word in TextSearch.contains(lowered, Array(word.utf8)) } }
        let skeleton = [UInt8](unsafeUninitializedCapacity: text.count) { buffer, written in
            var out = 0
            var index = 0
            while index < text.count {
                let byte = text[index]
                if byte < 0x80 {
                    buffer[out] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    out += 1
                    index += 1
                    continue
                }
                // Only two- and three-byte characters fold (U+00C0 to U+036F, U+1E00 to U+1EFF, U+212A, U+212B).
                let length = byte >= 0xE0 && byte < 0xF0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 1
                if length > 1, index + length <= text.count {
                    var value = UInt32(byte) & (length == 3 ? 0x0F : 0x1F)
                    for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
                    if let base = LatinFolding.base(of: value) {
                        buffer[out] = base
                        out += 1
                        index += length
                        continue
                    }
                    if LatinFolding.isDroppedMark(value) {
                        index += length
                        continue
                    }
                }
                buffer[out] = byte
                out += 1
                index += 1
            }
            written = out
        }
        return words.allSatisfy { word in TextSearch.contains(skeleton, Array(word.utf8)) }
    }

    /// The UTF-8 of U+212A (KELVIN SIGN) and U+212B (ANGSTROM SIGN), which fold to `k` and `a`.
    static let foldingSigns: [[UInt8]] = [[0xE2, 0x84, 0xAA], [0xE2, 0x84, 0xAB]]

    /// The first index at or after `index` that begins a character (or the end).
    static func characterEnd(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        var end = index
        while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
