/// A set of ASCII words looked up straight from a line's bytes. The highlighter asks about every
/// identifier in a block, so it must not build a `String` or hash one per question: words are bucketed
/// by length and first letter, and a bucket holds a handful of words compared byte by byte.
struct WordSet: Sendable {
    /// Longer words are never keywords in any language we know; longer identifiers skip the lookup.
    static let maxLength = 31
    private static let bucketCount = (maxLength + 1) * 128

    /// All words, lower-cased when case-insensitive, grouped by bucket.
    private let storage: [UInt8]
    /// Where each bucket's words start in `storage`; bucket `b` ends where `b + 1` starts.
    private let bucketStarts: [Int32]
    private let caseInsensitive: Bool
    let isEmpty: Bool

    init(_ words: [String], caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
        guard !words.isEmpty else {
            // Most languages have no string prefixes or no types; skip the bucket table for them.
            (storage, bucketStarts, isEmpty) = ([], [], true)
            return
        }
        // Placed bucket by bucket as a counting sort places them, each bucket's words in the order
        // given: 4,096 buckets as arrays of their own, made and freed for every set, were a quarter
        // of the first highlighted post's parse (0.5 ms for one language's tables, in a fresh process).
        var kept: [(bucket: Int, bytes: [UInt8])] = []
        var seen = Set<[UInt8]>()
        for word in words {
            let bytes = word.utf8.map { caseInsensitive ? Self.lowercased($0) : $0 }
            precondition(!bytes.isEmpty && bytes.count <= Self.maxLength && bytes.allSatisfy { $0 < 0x80 },
                         "highlighter words are short ASCII: \(word)")
            guard seen.insert(bytes).inserted else { continue }
            kept.append((Self.bucket(length: bytes.count, first: bytes[0]), bytes))
        }
        var starts = [Int32](repeating: 0, count: Self.bucketCount + 1)
        for word in kept { starts[word.bucket + 1] += Int32(word.bytes.count) }
        for bucket in 0..<Self.bucketCount { starts[bucket + 1] += starts[bucket] }
        var storage = [UInt8](repeating: 0, count: Int(starts[Self.bucketCount]))
        var next = starts
        for word in kept {
            let at = Int(next[word.bucket])
            storage.replaceSubrange(at..<at + word.bytes.count, with: word.bytes)
            next[word.bucket] += Int32(word.bytes.count)
        }
        self.storage = storage
        self.bucketStarts = starts
        self.isEmpty = kept.isEmpty
    }

    /// Whether `bytes[start..<end]` is one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let length = end - start
        guard length > 0, length <= Self.maxLength, !isEmpty else { return false }
        var first = bytes[start]
        guard first < 0x80 else { return false }
        if caseInsensitive { first = Self.lowercased(first) }
        let bucket = Self.bucket(length: length, first: first)
        var word = Int(bucketStarts[bucket])
        let bucketEnd = Int(bucketStarts[bucket + 1])
        while word < bucketEnd {
            var offset = 1 // the first byte picked the bucket
            while offset < length {
                let byte = caseInsensitive ? Self.lowercased(bytes[start + offset]) : bytes[start + offset]
                if byte != storage[word + offset] { break }
                offset += 1
            }
            if offset == length { return true }
            word += length
        }
        return false
    }

    private static func bucket(length: Int, first: UInt8) -> Int { length << 7 | Int(first & 0x7F) }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
