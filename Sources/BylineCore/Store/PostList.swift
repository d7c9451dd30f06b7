/// A store's posts, newest first, by post number: an array of them, except in a store decoded only as
/// far as its first screen (`PostStore.firstPlaceholder`). There every post past the decoded ones
/// reads as `Post.placeholder` and takes no memory: filling 10,000 placeholders took 0.7 ms of a
/// 12 ms first screen, 100,000 took 5.5 ms and 12 MB.
public struct PostList: RandomAccessCollection, Equatable, Sendable {
    /// The decoded posts: all of them, or a store's head.
    @usableFromInline let stored: [Post]
    @usableFromInline let total: Int

    /// All of `posts`.
    @inlinable public init(_ posts: [Post]) {
        stored = posts
        total = posts.count
    }

    /// `head` followed by placeholders up to `count` posts.
    public init(head: [Post], count: Int) {
        precondition(count >= head.count, "a head is part of its store")
        stored = head
        total = count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { total }

    @inlinable public subscript(number: Int) -> Post {
        if number < stored.count { return stored[number] }
        precondition(number < total, "post number out of range")
        return Post.placeholder
    }

    /// Whether `other` is this very list (the same storage, not merely equal posts).
    func isSameStorage(as other: PostList) -> Bool {
        total == other.total && stored.withUnsafeBufferPointer { mine in
            other.stored.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress && mine.count == theirs.count }
        }
    }

    public static func == (lhs: PostList, rhs: PostList) -> Bool {
        lhs.total == rhs.total && (lhs.stored.count == rhs.stored.count ? lhs.stored == rhs.stored : lhs.elementsEqual(rhs))
    }
}
