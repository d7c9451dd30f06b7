/// The tag pane's order: sorted only when asked (`s`), when the filter is cleared (`c`) or when a new
/// store arrives, never by a toggle. A toggle that re-sorted moved the row under the cursor (and the
/// cursor with it) among the other rows, so `Space` then `j j` landed elsewhere.
extension AppState {
    /// Sorts the tag rows by the chosen order, counted among the current results, and keeps that order
    /// in `tagOrder` for the toggles that follow.
    mutating func sortTags() {
        let counter = rowCounter
        let tags = store.tags.tags
        var counted = tags.indices.map { index in
            let counts = counter(tags[index].posts)
            return (index: index, count: counts.count, unread: counts.unread)
        }
        switch tagSort {
        case .count: counted.sort { $0.count != $1.count ? $0.count > $1.count : tags[$0.index].key < tags[$1.index].key }
        case .name: counted.sort { tags[$0.index].key < tags[$1.index].key }
        }
        tagOrder = counted.map(\.index)
        let rows = counted.map { entry in
            let tag = tags[entry.index]
            return TagRow(key: tag.key, name: tag.name, count: entry.count, unread: entry.unread, state: state(of: tag.key))
        }
        orderedTags = savedRows(among: counter) + rows + languageRows(among: counter)
    }
}
