/// Which lines of a laid-out post hold a find's text, so that `n` and `N` look the next match up
/// instead of lower-casing and searching every line of the post again: a held or pasted `n` in an
/// 8.7 MB post was a pass over the whole post per key.
///
/// Pure memoization: the lines are a function of the key alone (the layout's key and the text), so
/// keeping them changes nothing that is shown. Part of `ViewCache`, on the runtime's thread only.
struct FindMemo {
    struct Key: Hashable {
        var layout: LayoutKey
        var query: String
    }

    /// Finds kept: the one in use and the one before it (Esc and `/` again).
    static let capacity = 2

    private var entries: [Key: [Int]] = [:]
    private var order: [Key] = []
    /// How many times a post's lines were searched through.
    private(set) var searches = 0

    /// The numbers of the lines holding the text, ascending, found with `find` the first time.
    mutating func lines(_ key: Key, find: () -> [Int]) -> [Int] {
        if let known = entries[key] { return known }
        let found = find()
        searches += 1
        entries[key] = found
        order.append(key)
        if order.count > FindMemo.capacity { entries[order.removeFirst()] = nil }
        return found
    }
}
