/// A store's posts, newest first: the posts as a load made them, or the records of a cache's snapshot
/// kept as its bytes, or a mapped store file's records (`MappedPosts`), each post made from its record
/// when it is asked for.
///
/// Why the second form: a cached start shows a screen of posts out of perhaps 100,000. Making every
/// post's four strings and tag list before the first frame was 500,000 allocations and 85 MB at
/// 100,000 posts (94 ms to the first screen); keeping the snapshot's 28 MB of records and an offset
/// per post is one copy of each chunk and a pass that checks it. A list row, a preview or a search
/// field asks for a post and gets it made, as it would have been decoded.
package struct PostList: RandomAccessCollection, Equatable, Sendable {
    private enum Storage: Sendable {
        case posts([Post])
        case records(PostRecords)
        /// A store file's records, read where they lie (`MappedStore`).
        case mapped(MappedPosts)
    }

    private let storage: Storage
    package let count: Int

    init(_ posts: [Post]) {
        storage = .posts(posts)
        count = posts.count
    }

    init(_ records: PostRecords) {
        storage = .records(records)
        count = records.count
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

    /// The posts as one array, when they are held so (not a snapshot's records): what a patch copies.
    var array: [Post]? {
        if case let .posts(posts) = storage { return posts }
        return nil
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    package subscript(number: Int) -> Post {
        switch storage {
        case let .posts(posts): return posts[number]
        case let .records(records): return records.post(number)
        case let .mapped(mapped): return mapped.post(number)
        }
    }

    /// Whether both are the very same posts (one array, or one snapshot's records), not merely equal:
    /// post numbers then mean the same posts in both.
    func isSameStorage(as other: PostList) -> Bool {
        switch (storage, other.storage) {
        case let (.posts(mine), .posts(theirs)):
            return mine.count == theirs.count && mine.withUnsafeBufferPointer { a in
                theirs.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
            }
        case let (.records(mine), .records(theirs)): return mine === theirs
        case let (.mapped(mine), .mapped(theirs)): return mine === theirs
        default: return false
        }
    }

    package static func == (lhs: PostList, rhs: PostList) -> Bool {
        lhs.count == rhs.count && (lhs.isSameStorage(as: rhs) || lhs.elementsEqual(rhs))
    }
}

/// A snapshot's post records (`StoreSnapshot`), checked when they were read: each chunk's bytes as
/// the cache held them, and where each post's record starts.
final class PostRecords: Sendable {
    /// The chunks' bytes.
    let chunks: [[UInt8]]
    /// Post by post, its chunk (high 32 bits) and the offset of its record there (low 32 bits).
    let starts: [UInt64]
    /// Tag spellings by number, as the records refer to them (the tag index's names).
    let tagNames: [String]

    init(chunks: [[UInt8]], starts: [UInt64], tagNames: [String]) {
        self.chunks = chunks
        self.starts = starts
        self.tagNames = tagNames
    }

    var count: Int { starts.count }

    func post(_ number: Int) -> Post {
        let start = starts[number]
        return chunks[Int(start >> 32)].withUnsafeBufferPointer { buffer in
            var input = ByteReader(buffer)
            input.offset = Int(start & 0xFFFF_FFFF)
            // Checked when the snapshot was read: the record is whole.
            let record = PostRecord.read(&input, tagNames: tagNames.count)!
            return record.post(in: buffer, tagNames: tagNames)
        }
    }
}
