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

    /// False only when some term cannot occur in the words of `text`: a term's ASCII word must
    /// then stand in the text itself, in any case. Folding maps ASCII letters to ASCII letters one
    /// for one, and a word's letters come from adjacent characters, so an ASCII word in the folded
    /// text is the same letters side by side in the text, save for the two characters whose
    /// lower case is ASCII (`asciiLowercasingScalars`); a text holding either is not ruled out.
    static func mayContainAll(_ terms: [SearchTerm], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = terms.flatMap(\.words).filter { word in word.utf8.allSatisfy { $0 < 0x80 } }
        guard !words.isEmpty else { return true }
        for scalar in asciiLowercasingScalars where scalar.withUnsafeBufferPointer({ TextSearch.contains(text, $0) }) { return true }
        let lowered = [UInt8](unsafeUninitializedCapacity: text.count) { buffer, initialized in
            for index in 0..<text.count {
                let byte = text[index]
                buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            initialized = text.count
        }
        return words.allSatisfy { word in TextSearch.contains(lowered, Array(word.utf8)) }
    }

    /// The UTF-8 of every non-ASCII character whose lower case holds ASCII: U+0130 (İ, to `i` and a
    /// combining dot) and U+212A (the Kelvin sign, to `k`). `SearchTextTests` checks the list against
    /// every scalar the running Unicode tables know.
    static let asciiLowercasingScalars: [[UInt8]] = [[0xC4, 0xB0], [0xE2, 0x84, 0xAA]]

    /// The first index at or after `index` that begins a character (or the end).
    static func characterEnd(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        var end = index
        while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
