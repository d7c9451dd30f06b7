import BylineCore
import BylineIndex
import Synchronization

/// The stamps of the posts in the store last handed to the reader, kept between refreshes so that a
/// reload of the folder can say which posts it rewrote (`StoreChanges`; new and gone ones the reducer
/// finds by path). A cache that may not be written (restricted mode), or none at all (a small blog), cannot
/// say it: each scan is then measured against the stale cache, or reads every file.
final class StampMemory: Sendable {
    private let stamps = Mutex<[String: FileStamp]?>(nil)
    /// Set once the first load or refresh is done: the changes found after it are announced.
    private let settled = Atomic<Bool>(false)

    /// Whether a load or refresh has already run to its end (its changes are then the user's news).
    var announces: Bool { settled.load(ordering: .acquiring) }

    /// The first load or refresh ended.
    func settle() { settled.store(true, ordering: .releasing) }

    /// Which posts were rewritten, from the stamps remembered to `now` (the stamps of the posts the new
    /// store shows), which are remembered from here on. `fallback` gives the files read again when
    /// nothing was remembered yet (the scan's, measured against the cache; nil without one: none known).
    func changes(to now: [String: FileStamp], fallback: @autoclosure () -> Set<String>?) -> StoreChanges {
        let before = stamps.withLock { remembered in
            defer { remembered = now }
            return remembered
        }
        let reread: Set<String>
        if let before {
            reread = Set(now.compactMap { path, stamp in before[path] == stamp ? nil : path })
        } else {
            reread = fallback() ?? []
        }
        return StoreChanges(reread: reread, announced: announces)
    }

    /// A live reload read these files again: each one's stamp now, nil for one that shows no post now.
    /// (Nothing remembered yet: nothing to change.)
    func patch(_ changed: [(path: String, stamp: FileStamp?)]) {
        stamps.withLock { remembered in
            guard remembered != nil else { return }
            for (path, stamp) in changed { remembered?[path] = stamp }
        }
    }

    /// Remembers the stamps of `store`'s posts as they are on disk now (after a first load, which reads
    /// files without keeping their stamps).
    func remember(_ store: PostStore) {
        var now: [String: FileStamp] = [:]
        now.reserveCapacity(store.posts.count)
        for number in store.posts.indices {
            now[store.posts[number].path] = FileStamp(path: store.absolutePath(of: number)) ?? .unknown
        }
        stamps.withLock { $0 = now }
    }

    /// The stamps of the posts `store` shows, as `scan` found them.
    static func stamps(of scan: BlogLoad.Scan, shownIn store: PostStore) -> [String: FileStamp] {
        var shown = Set<String>()
        shown.reserveCapacity(store.posts.count)
        for post in store.posts { shown.insert(post.path) }
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(store.posts.count)
        for file in scan.files where shown.contains(file.path) { stamps[file.path] = file.stamp }
        return stamps
    }
}
