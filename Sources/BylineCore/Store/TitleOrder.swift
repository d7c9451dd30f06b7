#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A store's posts by title (case and Latin accents aside, then newest first), worked out the first
/// time the list is ordered by title and kept: a sort of 100,000 titles is done once, not per key.
/// Shared by the copies of one store, whose posts never change.
package final class TitleOrderCache: Sendable {
    private let order = Mutex<[Int]?>(nil)

    package init() {}

    /// Whether the order is sorted and kept (for tests: `Effect.prepareTitleOrder` sorts it ahead).
    package var isBuilt: Bool { order.withLock { $0 != nil } }

    /// The post numbers of `posts` by title.
    func order(of posts: PostList) -> [Int] {
        order.withLock { cached in
            if let cached { return cached }
            let keys = posts.indices.map { Self.sortKey(posts[$0].title) }
            let sorted = keys.indices.sorted { a, b in
                let order = Self.compare(keys[a], keys[b])
                return order != 0 ? order < 0 : a < b
            }
            cached = sorted
            return sorted
        }
    }

    /// The bytes a title sorts by: ASCII lower-cased directly (most titles), anything else folded by
    /// `LatinFolding.folded`; cut first to what a screen shows, so a title's length bounds nothing here.
    static func sortKey(_ title: String) -> [UInt8] {
        let title = LineClip.clipped(title)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        for byte in title.utf8 {
            guard byte < 0x80 else { return Array(LatinFolding.folded(title).utf8) }
            bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
        }
        return bytes
    }

    /// Byte order of two keys (memcmp, then the shorter first): negative, zero or positive.
    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) } }
        return order != 0 ? Int(order) : a.count - b.count
    }
}

extension PostStore {
    /// The post numbers by title (`ListOrder.title`).
    package var titleOrder: [Int] { titleOrderCache.order(of: posts) }
}
