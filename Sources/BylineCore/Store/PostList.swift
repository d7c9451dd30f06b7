/// A store's posts, newest first: the posts as a load made them, or a mapped store file's records
/// (`MappedPosts`), each post made from its record when it is asked for.
///
/// Why the second form: a cached start shows a screen of posts out of perhaps 100,000. Making every
/// post's four strings and tag list before the first frame was 500,000 allocations and 85 MB at
/// 100,000 posts; the store file's records are read where the kernel mapped them, one copy in the page
/// cache for every reader of the blog (issue 20). A list row, a preview or a search field asks for a
/// post and gets it made.
package struct PostList: RandomAccessCollection, Equatable, Sendable {
    private enum Storage: Sendable {
        case posts([Post])
        /// A store file's records, read where they lie (`MappedStore`).
        case mapped(MappedPosts)
    }

    private let storage: Storage
    package let count: Int

    init(_ posts: [Post]) {
        storage = .posts(posts)
        count = posts.count
    }

    init(_ mapped: MappedPosts) {
        storage = .mapped(mapped)
        count = mapped.count
    }

    /// The store file's posts, when they are read from one.
    var mapped: MappedPosts? {
        if case let .mapped(posts) = storage { return posts }
        return nil
    }

    /// Whether the posts are read from a mapped store file (what a cached start should give).
    package var isMapped: Bool { mapped != nil }

    /// The posts as one array, when they are held so (not a store file's records): what a patch copies.
    var array: [Post]? {
        if case let .posts(posts) = storage { return posts }
        return nil
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    package subscript(number: Int) -> Post {
        switch storage {
        case let .posts(posts): return posts[number]
        case let .mapped(mapped): return mapped.post(number)
        }
    }

    /// Whether both are the very same posts (one array, or one store file's records), not merely equal:
    /// post numbers then mean the same posts in both.
    func isSameStorage(as other: PostList) -> Bool {
        switch (storage, other.storage) {
        case let (.posts(mine), .posts(theirs)):
            return mine.count == theirs.count && mine.withUnsafeBufferPointer { a in
                theirs.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
            }
        case let (.mapped(mine), .mapped(theirs)): return mine === theirs
        default: return false
        }
    }

    package static func == (lhs: PostList, rhs: PostList) -> Bool {
        lhs.count == rhs.count && (lhs.isSameStorage(as: rhs) || lhs.elementsEqual(rhs))
    }
}
