/// What the reducer takes from a loaded reading state that needs a pass over every post: the read and
/// saved marks by post number (`MarkSets`) and how many posts are new since the last visit. Worked out
/// by the runtime as it loads the state, off the input thread, for the store it loaded it for; at
/// 100,000 posts the pass costs tens of milliseconds, which the first frame would otherwise wait for.
package struct PreparedMarks: Hashable, Sendable {
    /// The posts read and saved, by number in `posts`.
    package let read: PostSet
    package let saved: PostSet
    /// Posts first seen after the last visit (0 on a first visit).
    package let newSinceLastVisit: Int
    /// The store's posts the numbers count in: the reducer takes the sets only for the very same posts.
    private let posts: PostList

    /// One pass over `store`'s posts, each path looked up in `reading`.
    package init(reading: ReadingState, store: PostStore) {
        var read = PostSet(capacity: store.posts.count), saved = read
        var new = 0
        if !reading.posts.isEmpty {
            for number in store.posts.indices {
                guard let stored = reading.posts[store.posts[number].path] else { continue }
                if stored.marks.read { read.insert(number) }
                if stored.marks.saved { saved.insert(number) }
                if let last = reading.lastVisit, stored.firstSeen > last { new += 1 }
            }
        }
        (self.read, self.saved, newSinceLastVisit, posts) = (read, saved, new, store.posts)
    }

    /// Whether these were made for `store`'s very posts (the same storage, not merely equal posts).
    package func isFor(_ store: PostStore) -> Bool { posts.isSameStorage(as: store.posts) }

    /// The sets, for the store numbered `numbering`.
    package func sets(numbering: Int) -> MarkSets { MarkSets(read: read, saved: saved, numbering: numbering) }

    /// Compared by what they hold; `posts` only says which store they are for.
    package static func == (a: PreparedMarks, b: PreparedMarks) -> Bool {
        a.read == b.read && a.saved == b.saved && a.newSinceLastVisit == b.newSinceLastVisit
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(read)
        hasher.combine(saved)
        hasher.combine(newSinceLastVisit)
    }
}
