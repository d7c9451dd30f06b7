import Synchronization

/// What a burst of file events names (`FolderWatch`): the files inotify reported, relative to the
/// watched folder, or everything, when the events cannot be narrowed to files (a folder created,
/// moved or removed, the queue overflowed, the folder's own layout may have changed, too many names).
/// A refresh with named paths reads only those files (`IncrementalRefresh`); everything is today's
/// whole scan of the folder.
package enum ChangedPaths: Equatable, Sendable {
    case everything
    /// Relative paths, `/`-separated, as `PostFinder.Candidate.path` spells them.
    case paths(Set<String>)

    /// More names than this in one burst (a `git pull` of thousands of files) are read as a whole scan:
    /// past it, walking the folder once costs less than deciding each file alone.
    package static let mostPaths = 2000

    /// The two together: named paths add up to `mostPaths`, past which they are everything.
    package func merged(with other: ChangedPaths) -> ChangedPaths {
        guard case let .paths(mine) = self, case let .paths(theirs) = other else { return .everything }
        let union = mine.union(theirs)
        return union.count > Self.mostPaths ? .everything : .paths(union)
    }
}

/// The changes the watch has seen and no refresh has taken yet, shared by the watch's thread (which
/// adds) and the refresh (which takes them all when it starts): a change seen while a refresh runs
/// stays here for the refresh that follows it (`EffectRunner` runs one after the other).
package final class PendingChanges: Sendable {
    private let pending = Mutex<ChangedPaths?>(nil)

    package init() {}

    /// A burst named `changes`.
    package func add(_ changes: ChangedPaths) {
        pending.withLock { $0 = $0.map { $0.merged(with: changes) } ?? changes }
    }

    /// Everything seen since the last take; nil when nothing was (a refresh asked for otherwise, such as
    /// the one at start, reads the whole folder).
    package func take() -> ChangedPaths? {
        pending.withLock { taken in
            defer { taken = nil }
            return taken
        }
    }
}
