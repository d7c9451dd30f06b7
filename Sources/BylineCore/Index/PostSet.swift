/// A set of post numbers (positions in the store's newest-first order) as a bitset.
///
/// Tag filtering and faceted counts are intersections and population counts over these: at 100,000
/// posts a set is 1,563 words, so a toggle that recounts 60 tags touches under 100,000 words.
///
/// A set of a mapped store (`MappedStore`) reads its words where they lie in the mapped file, shared
/// by every reader of the blog; it copies them into an array of its own only when it is changed.
package struct PostSet: Hashable, Sendable, Sequence {
    private var storage: PostSetWords
    /// How many posts the set ranges over (the store's size).
    package let capacity: Int

    package init(capacity: Int) {
        self.capacity = capacity
        storage = .array([UInt64](repeating: 0, count: Self.wordCount(capacity)))
    }

    /// The set whose words are `words` in a mapped file: `words.count` must be `wordCount(capacity)`,
    /// and no bit past `capacity` set (the store file's reader checks both).
    init(capacity: Int, mapped words: MappedWords) {
        precondition(words.count == Self.wordCount(capacity), "one word per 64 posts")
        self.capacity = capacity
        storage = .mapped(words)
    }

    /// Words a set of `capacity` posts has.
    static func wordCount(_ capacity: Int) -> Int { (capacity + 63) / 64 }

    /// Every post of the store.
    package static func all(_ capacity: Int) -> PostSet {
        var set = PostSet(capacity: capacity)
        set.withMutableWords { words in
            for index in words.indices { words[index] = ~0 }
            if capacity % 64 != 0, !words.isEmpty { words[words.count - 1] = (1 << UInt64(capacity % 64)) - 1 }
        }
        return set
    }

    /// The words are set in an array of their own, then held: `insert` member by member would take the
    /// words out of the storage and put them back for each one (the tag pane builds the results' set,
    /// 10,000 members at 10,000 posts, on every toggle).
    package init<S: Sequence>(capacity: Int, members: S) where S.Element == Int {
        self.capacity = capacity
        var words = [UInt64](repeating: 0, count: Self.wordCount(capacity))
        for member in members {
            precondition(member >= 0 && member < capacity, "post \(member) outside 0..<\(capacity)")
            words[member >> 6] |= 1 << UInt64(member & 63)
        }
        storage = .array(words)
    }

    /// The words, wherever they are held.
    func withWords<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        switch storage {
        case let .array(words): return try words.withUnsafeBufferPointer(body)
        case let .mapped(words): return try body(words.buffer)
        }
    }

    /// The words to change, copied out of a mapped file first (copy on write).
    private mutating func withMutableWords<R>(_ body: (inout UnsafeMutableBufferPointer<UInt64>) -> R) -> R {
        var words: [UInt64]
        switch storage {
        case let .array(held): words = held
        case let .mapped(mapped): words = Array(mapped.buffer)
        }
        // Held by `words` alone while it is changed, so that the array is not copied again.
        storage = .array([])
        defer { storage = .array(words) }
        return words.withUnsafeMutableBufferPointer { body(&$0) }
    }

    /// Whether the words are read from a mapped file (for tests).
    var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }

    package mutating func insert(_ member: Int) {
        precondition(member >= 0 && member < capacity, "post \(member) outside 0..<\(capacity)")
        withMutableWords { $0[member >> 6] |= 1 << UInt64(member & 63) }
    }

    package mutating func remove(_ member: Int) {
        precondition(member >= 0 && member < capacity, "post \(member) outside 0..<\(capacity)")
        withMutableWords { $0[member >> 6] &= ~(1 << UInt64(member & 63)) }
    }

    /// Puts `member` in the set or takes it out: a mark set or cleared.
    package mutating func assign(_ present: Bool, _ member: Int) {
        if present { insert(member) } else { remove(member) }
    }

    package func contains(_ member: Int) -> Bool {
        guard member >= 0, member < capacity else { return false }
        return withWords { $0[member >> 6] & (1 << UInt64(member & 63)) != 0 }
    }

    package var count: Int { withWords { $0.reduce(0) { $0 + $1.nonzeroBitCount } } }
    package var isEmpty: Bool { withWords { $0.allSatisfy { $0 == 0 } } }

    package func intersection(_ other: PostSet) -> PostSet { combine(other, &) }
    package func union(_ other: PostSet) -> PostSet { combine(other, |) }
    package func subtracting(_ other: PostSet) -> PostSet { combine(other) { $0 & ~$1 } }

    /// `intersection(other).count` without building the intersection.
    package func intersectionCount(_ other: PostSet) -> Int {
        // Unchecked: a toggle counts every tag this way, 1,563 words each at 100,000 posts.
        withWords { mine in
            other.withWords { theirs in
                precondition(mine.count == theirs.count, "sets of different stores")
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
        withWords { mine in
            other.withWords { theirs in
                marked.withWords { marks in
                    precondition(mine.count == theirs.count && mine.count == marks.count, "sets of different stores")
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
        var result = PostSet(capacity: capacity)
        withWords { mine in
            other.withWords { theirs in
                result.withMutableWords { out in
                    for index in out.indices { out[index] = operation(mine[index], theirs[index]) }
                }
            }
        }
        return result
    }

    package static func == (a: PostSet, b: PostSet) -> Bool {
        a.capacity == b.capacity && a.withWords { mine in b.withWords { theirs in mine.elementsEqual(theirs) } }
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(capacity)
        withWords { words in for word in words { hasher.combine(word) } }
    }

    /// Members in increasing order, which is newest first.
    package func makeIterator() -> Iterator { Iterator(storage: storage) }

    /// A lower bound that is exact: `Array(set)` then allocates once.
    package var underestimatedCount: Int { count }

    /// Walks the set bits word by word. A concrete iterator, not `AnyIterator`: `Array(set)` of
    /// 45,000 members at 100,000 posts costs a tenth of a millisecond instead of over two.
    package struct Iterator: IteratorProtocol {
        /// A set's own words, or none when they are mapped.
        private let array: [UInt64]
        /// Mapped words (with their file kept mapped by `file`).
        private let mapped: UnsafeBufferPointer<UInt64>?
        private let file: MappedFile?
        private let wordCount: Int
        var wordIndex = 0
        var current: UInt64

        fileprivate init(storage: PostSetWords) {
            switch storage {
            case let .array(held):
                array = held
                mapped = nil
                file = nil
                wordCount = held.count
            case let .mapped(words):
                array = []
                mapped = words.buffer
                file = words.file
                wordCount = words.count
            }
            current = 0
            if wordCount > 0 { current = word(0) }
        }

        private func word(_ index: Int) -> UInt64 { mapped?[index] ?? array[index] }

        package mutating func next() -> Int? {
            while current == 0 {
                wordIndex += 1
                guard wordIndex < wordCount else { return nil }
                current = word(wordIndex)
            }
            let bit = current.trailingZeroBitCount
            current &= current - 1
            return wordIndex * 64 + bit
        }
    }
}

/// Where a set's words are: an array of its own, or a run of 8-byte aligned words in a mapped file.
private enum PostSetWords: Sendable {
    case array([UInt64])
    case mapped(MappedWords)
}

/// Words in a mapped file, with the file they are in (which stays mapped while they are read).
struct MappedWords: @unchecked Sendable {
    let file: MappedFile
    /// Byte offset of the first word; a multiple of 8.
    let offset: Int
    let count: Int

    init(file: MappedFile, offset: Int, count: Int) {
        precondition(offset % 8 == 0 && offset >= 0 && offset + count * 8 <= file.count, "aligned words inside the file")
        self.file = file
        self.offset = offset
        self.count = count
    }

    var buffer: UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: (file.base + offset).assumingMemoryBound(to: UInt64.self), count: count)
    }
}
