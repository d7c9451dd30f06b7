/// The tag pane's "saved" row: saved posts one filter away. Shown at the top of the pane once the
/// reading state is in; required or excluded with the tag keys (Space, x), it combines with the tags,
/// the languages and the search as one more condition on the list (`inListOrder` applies it, so every
/// way the results are made — filter, search, a new store — goes through it).
extension AppState {
    /// The row's key: starts with a byte no tag key holds (as the Languages rows' do), another than theirs.
    static let savedKey = "\u{1}saved"

    /// `numbers` with the saved row's condition applied.
    func savedFiltered(_ numbers: [Int]) -> [Int] {
        let wanted = state(of: Self.savedKey)
        guard wanted != .off else { return numbers }
        let saved = currentMarkSets.saved
        return numbers.filter { saved.contains($0) == (wanted == .required) }
    }

    /// The row, counted (with its unread posts) by `counter`; none before the reading state is in.
    /// Counted from the saved set by number (`MarkSets`), not by looking up every saved path.
    func savedRows(among counter: RowCounter) -> [TagRow] {
        guard showsReadingMarks else { return [] }
        let counts = counter(currentMarkSets.saved)
        return [TagRow(key: Self.savedKey, name: glyphs.saved + " saved", count: counts.count, unread: counts.unread, state: state(of: Self.savedKey))]
    }
}
