#if canImport(Glibc)
import Glibc
#endif

/// A field's normalized words each once, in the order they first occur: what the index is fed.
///
/// The index keeps neither positions nor counts (`detail=column`): a field holds a word or it does
/// not. So a word's second and later occurrences add nothing to it, yet FTS5 tokenizes and hashes each
/// one (three times, with the one- and two-letter prefix indexes) on the thread that inserts, the
/// build's slower stage; a post's body repeats most of its words (about 60% in the generated corpus
/// of `bench/corpus.py`). Dropping them here, beside the normalizing on the other core, gives the
/// same index for less of the inserting thread's time.
enum DistinctWords {
    /// `normalized` (`SearchText.normalized`: words between single spaces) with every word after its
    /// first occurrence left out, one space between the words kept.
    static func of(_ normalized: [UInt8]) -> String {
        normalized.withUnsafeBufferPointer { text in
            // Open addressing over each word's first occurrence (start, length), by an FNV-1a hash, kept
            // at most half full: doubled as distinct words come, from a size that holds a usual post's
            // without growing (a quarter of its bytes, at most 32,768 slots), not sized by the text at
            // once (a 2 MB body would have wanted 32 MB of table).
            var capacity = 256
            while capacity < min(text.count / 4, 1 << 15) { capacity <<= 1 }
            var table = Table(capacity: capacity)
            var output = [UInt8]()
            output.reserveCapacity(text.count)
            NormalizedWords.forEach(in: text) { word in
                if table.insert(word.lowerBound, word.count, in: text) {
                    if !output.isEmpty { output.append(0x20) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[word]))
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The words seen, by their place in the text.
    private struct Table {
        var starts: [Int32]
        var lengths: [Int32]
        var count = 0

        init(capacity: Int) {
            starts = [Int32](repeating: -1, count: capacity)
            lengths = [Int32](repeating: 0, count: capacity)
        }

        static func hash(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in start..<(start + length) { hash = (hash ^ UInt64(text[index])) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash)
        }

        /// Records the word at `start` unless an equal one is recorded; true when it was not.
        mutating func insert(_ start: Int, _ length: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
            let mask = starts.count - 1
            var slot = Self.hash(text, start, length) & mask
            while starts[slot] >= 0 {
                let other = Int(starts[slot])
                if Int(lengths[slot]) == length, memcmp(text.baseAddress! + other, text.baseAddress! + start, length) == 0 {
                    return false
                }
                slot = (slot + 1) & mask
            }
            starts[slot] = Int32(start)
            lengths[slot] = Int32(length)
            count += 1
            if count * 2 > starts.count { grow(text) }
            return true
        }

        private mutating func grow(_ text: UnsafeBufferPointer<UInt8>) {
            var bigger = Table(capacity: starts.count * 2)
            for slot in starts.indices where starts[slot] >= 0 {
                _ = bigger.insert(Int(starts[slot]), Int(lengths[slot]), in: text)
            }
            self = bigger
        }
    }
}
