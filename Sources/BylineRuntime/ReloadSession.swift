import BylineCore
import BylineIndex
import Synchronization

/// What the loads and refreshes of one reader session share (`BlogLoading`, one per effect): the
/// stamps of the store last handed over, the files it was made from (the base of a live reload of
/// named files), the files the watch named and no refresh took yet, and one lock so that the reader's
/// last write (`finish`) never runs beside a refresh.
final class ReloadSession: Sendable {
    let memory = StampMemory()
    /// The files the watch named (`FolderWatching.changes`); nil when nothing watches the folder.
    let changes: PendingChanges?
    /// The files the store last handed over was made from; nil when not known (after a cache was
    /// written, or a start that read nothing: taken from the cache when first needed).
    let base = Mutex<LoadedFiles?>(nil)
    /// Held by each load or refresh, and by `finish`.
    let working = Mutex<Void>(())

    init(changes: PendingChanges?) {
        self.changes = changes
    }

    /// The reader ends: the snapshot a live reload left out is written now (`CachedBlog.writeSnapshot`),
    /// so the next start decodes it instead of making its first screen from the rows.
    func finish(_ blog: CachedBlog) {
        working.withLock { _ in _ = blog.writeSnapshot() }
    }
}
