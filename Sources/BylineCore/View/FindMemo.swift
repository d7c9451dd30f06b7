#if canImport(Glibc)
import Glibc
#endif

/// Remembers which lines of a laid-out post hold a find's text, so that `n` and `N` look the next
/// match up instead of lower-casing and searching every line of the post again: a held or pasted `n`
/// in an 8.7 MB post was a pass over the whole post per key.
///
/// Pure memoization: the lines are a function of the key alone (the layout's key and the text), so
/// keeping them changes nothing that is shown. Shared by copies of a state; locked, as `LayoutMemo` is.
public final class FindMemo: @unchecked Sendable {
    struct Key: Hashable {
        var layout: LayoutMemo.Key
        var query: String
    }

    /// Finds kept: the one in use and the one before it (Esc and `/` again).
    static let capacity = 2

    private var entries: [Key: [Int]] = [:]
    private var order: [Key] = []
    private var passes = 0
    private var mutex = pthread_mutex_t()

    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// The numbers of the lines holding the text, ascending, found with `find` the first time.
    func lines(_ key: Key, find: () -> [Int]) -> [Int] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let known = entries[key] { return known }
        let found = find()
        passes += 1
        entries[key] = found
        order.append(key)
        if order.count > FindMemo.capacity { entries[order.removeFirst()] = nil }
        return found
    }

    /// How many times a post's lines were searched through (for tests).
    public var searches: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return passes
    }
}
