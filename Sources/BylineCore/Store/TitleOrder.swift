import Synchronization

/// A store's posts by title (case and Latin accents aside, then newest first), worked out the first
/// time the list is ordered by title and kept: a sort of 100,000 titles is done once, not per key.
/// Shared by the copies of one store, whose posts never change.
package final class TitleOrderCache: Sendable {
    private let order = Mutex<[Int]?>(nil)

    package init() {}

    /// The post numbers of `posts` by title.
    func order(of posts: PostList) -> [Int] {
        order.withLock { cached in
            if let cached { return cached }
            let keys = posts.indices.map { LatinFolding.folded(LineClip.clipped(posts[$0].title)) }
            let sorted = keys.indices.sorted { a, b in
                if keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8) { return true }
                if keys[b].utf8.lexicographicallyPrecedes(keys[a].utf8) { return false }
                return a < b
            }
            cached = Array(sorted)
            return cached!
        }
    }
}

extension PostStore {
    /// The post numbers by title (`ListOrder.title`).
    package var titleOrder: [Int] { titleOrderCache.order(of: posts) }
}
