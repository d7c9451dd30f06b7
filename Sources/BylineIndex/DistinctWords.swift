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
            // Open addressing over each word's first occurrence (start, length), by an FNV-1a hash; a
            // text of n bytes holds at most n/2 words, so the table is at most half full.
            var capacity = 64
            while capacity < text.count { capacity <<= 1 }
            var slots = [Int32](repeating: -1, count: capacity)
            var lengths = [Int32](repeating: 0, count: capacity)
            var output = [UInt8]()
            output.reserveCapacity(text.count)
            var start = 0
            while start < text.count {
                while start < text.count, text[start] == 0x20 { start += 1 }
                var end = start
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                while end < text.count, text[end] != 0x20 {
                    hash = (hash ^ UInt64(text[end])) &* 0x100_0000_01b3
                    end += 1
                }
                guard end > start else { break }
                var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                var seen = false
                while slots[slot] >= 0 {
                    let other = Int(slots[slot]), length = Int(lengths[slot])
                    if length == end - start, memcmp(text.baseAddress! + other, text.baseAddress! + start, length) == 0 {
                        seen = true
                        break
                    }
                    slot = (slot + 1) & (capacity - 1)
                }
                if !seen {
                    slots[slot] = Int32(start)
                    lengths[slot] = Int32(end - start)
                    if !output.isEmpty { output.append(0x20) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
                }
                start = end
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
