/// Unread counts in the tag pane: each row counts its posts among the current results and, once the
/// reading state is in, how many of those are unread, in the same pass over the words (`RowCounter`),
/// with the read marks kept as a bitset by post number (`MarkSets`) beside the state by path.
extension AppState {
    /// The mark sets for the store as numbered now: those kept when current, else built from `reading`
    /// (only between a new store and the reduce's recount, which keeps them current).
    var currentMarkSets: MarkSets {
        markSets.isCurrent(numbering: numbering, capacity: store.posts.count) ? markSets
            : MarkSets(reading: reading, store: store, numbering: numbering)
    }

    /// Builds the mark sets again when the store's numbering changed (a new store).
    mutating func keepMarkSetsCurrent() {
        if !markSets.isCurrent(numbering: numbering, capacity: store.posts.count) { rebuildMarkSets() }
    }

    /// Builds the mark sets from `reading` for the store as it stands (the state loaded, a new store).
    mutating func rebuildMarkSets() {
        markSets = MarkSets(reading: reading, store: store, numbering: numbering)
    }

    /// Takes the sets the runtime made as it loaded the state (`PreparedMarks`), when made for this
    /// very store and nothing was marked before the state came (`session`); else builds them here.
    mutating func takeMarkSets(_ prepared: PreparedMarks?, madeBefore session: [String: StoredPost]) {
        guard let prepared, prepared.isFor(store), session.isEmpty else { return rebuildMarkSets() }
        markSets = prepared.sets(numbering: numbering)
    }

    /// What counts the tag pane's rows now: the results, and the read posts once the marks show.
    var rowCounter: RowCounter {
        RowCounter(current: resultSet, read: showsReadingMarks ? currentMarkSets.read : nil)
    }
}

/// Counts one tag pane row: its posts among the current results, and the unread ones among them when
/// the read marks are known. One pass over the words of the row's set either way.
struct RowCounter {
    /// The current results.
    let current: PostSet
    /// The posts read; nil before the reading state is in (no unread counts are shown then).
    let read: PostSet?

    func callAsFunction(_ posts: PostSet) -> (count: Int, unread: Int) {
        guard let read else { return (posts.intersectionCount(current), 0) }
        let counts = posts.intersectionCounts(current, outside: read)
        return (counts.all, counts.unmarked)
    }
}
