/// The last few values worked out for their keys, the oldest dropped first: the posts laid out at a
/// width, so a frame does not lay a post out again when nothing about it changed (a key that moves the
/// tag cursor repaints the preview for free), and the lines holding a find's text, so that `n` and `N`
/// look the next match up instead of searching every line of the post again (a held `n` in an 8.7 MB
/// post was a pass over the whole post per key).
///
/// Pure memoization: each value is a function of its key alone, so keeping it changes nothing that is
/// shown. Part of `ViewCache`, on the runtime's thread only.
struct RecentMemo<Key: Hashable, Value> {
    /// Values kept at most.
    let capacity: Int

    private var entries: [Key: Value] = [:]
    private var order: [Key] = []
    /// How many values `make` has worked out.
    private(set) var made = 0

    init(capacity: Int) { self.capacity = capacity }

    /// What `use` returns of the value for `key`, made with `make` the first time. `use` may change the
    /// value (continue a layout): it does so in place, so the memo never holds a second copy of it.
    mutating func value<Result>(_ key: Key, make: () -> Value, _ use: (inout Value) -> Result) -> Result {
        if entries[key] == nil {
            keep(key, make())
            made += 1
        }
        return use(&entries[key]!)
    }

    /// Keeps a value worked out elsewhere (a first screen laid out ahead), unless one is kept already.
    mutating func keep(_ key: Key, _ value: Value) {
        guard entries[key] == nil else { return }
        entries[key] = value
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
    }

    /// How many values are kept.
    var count: Int { entries.count }
}
