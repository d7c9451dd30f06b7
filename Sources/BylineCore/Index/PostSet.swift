/// A set of post numbers (positions in the store's newest-first order) as a bitset.
///
/// Tag filtering and faceted counts are intersections and population counts over these: at 100,000
/// posts a set is 1,563 words, so a toggle that recounts 60 tags touches under 100,000 words.
package struct PostSet: Hashable, Sendable, Sequence {
    private(set) var words: [UInt64]
    /// How many posts the set ranges over (the store's size).
    package let capacity: Int

    package init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    /// Every post of the store.
    package static func all(_ capacity: Int) -> PostSet {
        var set = PostSet(capacity: capacity)
        for index in set.words.indices { set.words[index] = ~0 }
        if capacity % 64 != 0, !set.words.isEmpty { set.words[set.words.count - 1] = (1 << UInt64(capacity % 64)) - 1 }
        return set
    }

    package init<S: Sequence>(capacity: Int, members: S) where S.Element == Int {
        self.init(capacity: capacity)
        for member in members { insert(member) }
    }

    package mutating func insert(_ member: Int) {
        precondition(member >= 0 && member < capacity, "post \(member) outside 0..<\(capacity)")
        words[member >> 6] |= 1 << UInt64(member & 63)
    }

    package mutating func remove(_ member: Int) {
        precondition(member >= 0 && member < capacity, "post \(member) outside 0..<\(capacity)")
        words[member >> 6] &= ~(1 << UInt64(member & 63))
    }

    /// Puts `member` in the set or takes it out: a mark set or cleared.
    package mutating func assign(_ present: Bool, _ member: Int) {
        if present { insert(member) } else { remove(member) }
    }

    package func contains(_ member: Int) -> Bool {
        guard member >= 0, member < capacity else { return false }
        return words[member >> 6] & (1 << UInt64(member & 63)) != 0
    }

    package var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    package var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    package func intersection(_ other: PostSet) -> PostSet { combine(other, &) }
    package func union(_ other: PostSet) -> PostSet { combine(other, |) }
    package func subtracting(_ other: PostSet) -> PostSet { combine(other) { $0 & ~$1 } }

    /// `intersection(other).count` without building the intersection.
    package func intersectionCount(_ other: PostSet) -> Int {
        precondition(words.count == other.words.count, "sets of different stores")
        // Unchecked: a toggle counts every tag this way, 1,563 words each at 100,000 posts.
        return words.withUnsafeBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                var total = 0
                for index in 0..<mine.count { total &+= (mine[index] & theirs[index]).nonzeroBitCount }
                return total
            }
        }
    }

    /// `intersectionCount(other)` and `intersectionCount(other.subtracting(marked))` in one pass over
    /// the words: a tag's posts among the results, and how many of those are not `marked` (unread).
    /// The tag pane counts every tag this way on each toggle, so the unread count costs no second pass.
    package func intersectionCounts(_ other: PostSet, outside marked: PostSet) -> (all: Int, unmarked: Int) {
        precondition(words.count == other.words.count && words.count == marked.words.count, "sets of different stores")
        return words.withUnsafeBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                marked.words.withUnsafeBufferPointer { marks in
                    var all = 0, unmarked = 0
                    for index in 0..<mine.count {
                        let both = mine[index] & theirs[index]
                        all &+= both.nonzeroBitCount
                        unmarked &+= (both & ~marks[index]).nonzeroBitCount
                    }
                    return (all, unmarked)
                }
            }
        }
    }

    private func combine(_ other: PostSet, _ operation: (UInt64, UInt64) -> UInt64) -> PostSet {
        precondition(capacity == other.capacity, "sets of different stores")
        var result = self
        for index in words.indices { result.words[index] = operation(words[index], other.words[index]) }
        return result
    }

    /// Members in increasing order, which is newest first.
    package func makeIterator() -> Iterator { Iterator(words: words) }

    /// A lower bound that is exact: `Array(set)` then allocates once.
    package var underestimatedCount: Int { count }

    /// Walks the set bits word by word. A concrete iterator, not `AnyIterator`: `Array(set)` of
    /// 45,000 members at 100,000 posts costs a tenth of a millisecond instead of over two.
    package struct Iterator: IteratorProtocol {
        let words: [UInt64]
        var wordIndex = 0
        var current: UInt64

        init(words: [UInt64]) {
            self.words = words
            current = words.first ?? 0
        }

        package mutating func next() -> Int? {
            while current == 0 {
                wordIndex += 1
                guard wordIndex < words.count else { return nil }
                current = words[wordIndex]
            }
            let bit = current.trailingZeroBitCount
            current &= current - 1
            return wordIndex * 64 + bit
        }
    }
}
