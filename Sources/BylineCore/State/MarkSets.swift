/// The read and saved marks by post number, as bitsets over the store (`PostSet`), for the store
/// numbered `numbering` (`AppState.numbering`). The tag pane counts each tag's unread posts with these
/// in the same pass that counts its posts: a dictionary lookup by path per post and tag, on every
/// toggle, would cost far more than the count (at 100,000 posts, 100,000 string hashes a key).
package struct MarkSets: Hashable, Sendable {
    /// The posts marked read.
    package private(set) var read: PostSet
    /// The posts saved.
    package private(set) var saved: PostSet
    /// Which numbering of the store the sets count in; sets of another are stale.
    package let numbering: Int

    /// No marks, for a store of `capacity` posts.
    package init(capacity: Int, numbering: Int) {
        read = PostSet(capacity: capacity)
        saved = PostSet(capacity: capacity)
        self.numbering = numbering
    }

    /// The marks of `reading` for `store`'s posts (found by path; state of posts the store does not
    /// hold is left out). One pass over the store's posts, a look-up of each path in the state: not
    /// through the store's link table, whose first build (every path and name, 0.6 s at 100,000 posts)
    /// would fall on the input thread after a reload.
    package init(reading: ReadingState, store: PostStore, numbering: Int) {
        self = PreparedMarks(reading: reading, store: store).sets(numbering: numbering)
    }

    /// The marks of `reading` for a new store whose posts are numbered `numbers` (by path), as a reload
    /// makes them anyway: a look-up for each marked post only, not a hash of every path of the store
    /// (at 100,000 posts 60-100 ms more of a reload on the input thread).
    package init(reading: ReadingState, numbers: [String: Int], capacity: Int, numbering: Int) {
        self.init(capacity: capacity, numbering: numbering)
        for stored in reading.posts.values where stored.marks.read || stored.marks.saved {
            if let number = numbers[stored.key.path] { set(stored.marks, of: number) }
        }
    }

    /// The marks of `old` carried through a patched store's renumbering (a live reload): each marked post
    /// to its new number, and a post new to the store (no old number) looked up by path in `reading`.
    /// No path of the other posts is hashed: at 100,000 posts a patch costs tens of milliseconds, and a
    /// hash of every path would double it on the input thread.
    package init(_ old: MarkSets, renumbering: PostStore.Renumbering, reading: ReadingState, store: PostStore, numbering: Int) {
        self.init(capacity: store.posts.count, numbering: numbering)
        for number in old.read.union(old.saved) {
            guard let new = renumbering.newNumber(of: number) else { continue }
            read.assign(old.read.contains(number), new)
            saved.assign(old.saved.contains(number), new)
        }
        var carried = [Bool](repeating: false, count: store.posts.count)
        for number in renumbering.newNumbers where number >= 0 { carried[Int(number)] = true }
        for (number, isCarried) in carried.enumerated() where !isCarried {
            if let stored = reading.posts[store.posts[number].path] { set(stored.marks, of: number) }
        }
    }

    /// Sets already made (`PreparedMarks`), for the store numbered `numbering`.
    init(read: PostSet, saved: PostSet, numbering: Int) {
        self.read = read
        self.saved = saved
        self.numbering = numbering
    }

    /// Whether these sets count in `numbering` for a store of `capacity` posts.
    package func isCurrent(numbering: Int, capacity: Int) -> Bool {
        self.numbering == numbering && read.capacity == capacity
    }

    /// Post `number` now has `marks`.
    package mutating func set(_ marks: PostMarks, of number: Int) {
        read.assign(marks.read, number)
        saved.assign(marks.saved, number)
    }
}
