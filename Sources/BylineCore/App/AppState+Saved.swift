/// The tag pane's "saved" row: saved posts one filter away. Shown at the top of the pane once the
/// reading state is in; required or excluded with the tag keys (Space, x), it combines with the tags,
/// the languages and the search as one more condition on the list (`inListOrder` applies it, so every
/// way the results are made — filter, search, a new store — goes through it).
extension AppState {
    /// The row's key: starts with a byte no tag key holds (as the Languages rows' do), another than theirs.
    static let savedKey = "\u{1}saved"

    /// The saved posts of the store, by number (found by path; a saved post no longer in the blog is none).
    var savedNumbers: [Int] {
        let paths = reading.posts.values.compactMap { $0.marks.saved ? $0.key.path : nil }
        guard !paths.isEmpty else { return [] }
        return paths.compactMap { store.linkIndex.post(atPath: $0, in: store) }
    }

    /// `numbers` with the saved row's condition applied.
    func savedFiltered(_ numbers: [Int]) -> [Int] {
        let wanted = state(of: Self.savedKey)
        guard wanted != .off else { return numbers }
        let saved = PostSet(capacity: store.posts.count, members: savedNumbers)
        return numbers.filter { saved.contains($0) == (wanted == .required) }
    }

    /// The row, counted among `current`; none before the reading state is in.
    func savedRows(among current: PostSet) -> [TagRow] {
        guard showsReadingMarks else { return [] }
        let count = savedNumbers.reduce(0) { $0 + (current.contains($1) ? 1 : 0) }
        return [TagRow(key: Self.savedKey, name: glyphs.saved + " saved", count: count, state: state(of: Self.savedKey))]
    }
}
