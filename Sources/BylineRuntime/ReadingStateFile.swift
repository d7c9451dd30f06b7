import BylineCore
import BylineState
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The reading state file of the blog being read, opened on first use off the input thread (opening
/// checks the file, and may replace it). When it cannot be kept, the session goes on without it and
/// the status line says so once.
package final class ReadingStateFile: Sendable {
    package let path: String
    /// The most the file (with its WAL) may hold, in bytes (an SSH visitor's: `StoreBound`); nil for no bound.
    package let maximumBytes: Int?
    /// The visitors' shared file of posts seen (`StateLocation.seenFile`), or nil: kept in `path`.
    package let seenPath: String?
    private var bound: StoreBound? { maximumBytes.map(StoreBound.init(bytes:)) }
    private let store = Mutex<ReadingStateStore?>(nil)
    private let clock: @Sendable () -> Double
    /// Seconds the reader's clock is ahead of UTC at a moment (seconds since 1970), for the welcome line.
    private let utcOffset: @Sendable (Double) -> Int
    /// Notes for the status line not yet sent (the bound reached by a write), sent once each.
    private let notes = Mutex<[String]>([])
    private let saidFull = Atomic<Bool>(false)

    package init(path: String, maximumBytes: Int? = nil, seenPath: String? = nil, clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
                 utcOffset: @escaping @Sendable (Double) -> Int = ReadingStateFile.localOffset) {
        self.path = path
        self.maximumBytes = maximumBytes
        self.seenPath = seenPath
        self.clock = clock
        self.utcOffset = utcOffset
    }

    /// The state for `store`'s posts, this visit recorded: `.readingStateLoaded`, with a `.note` when
    /// the file was replaced or cannot be used.
    package func load(_ posts: PostStore) -> [Action] {
        let keys = posts.posts.map(PostKey.init)
        do {
            let file = try ReadingStateStore(path: path, bound: bound, seenPath: seenPath)
            store.withLock { $0 = file }
            let now = clock()
            var state = try file.start(posts: keys, now: now)
            state.clock = state.lastVisit.map { VisitClock(lastVisit: local($0), now: local(now)) }
            // The pass over every post the reducer would make on the input thread, made here.
            state.prepared = PreparedMarks(reading: state, store: posts)
            var answers: [Action] = [.readingStateLoaded(state)]
            if let aside = file.movedAside { answers.append(.note("the reading state could not be trusted: moved to \(aside)")) }
            if let aside = file.seenMovedAside { answers.append(.note("the shared record of posts seen could not be trusted: moved to \(aside)")) }
            return answers
        } catch {
            if error.isFull {
                saidFull.store(true, ordering: .relaxed)
                return [.readingStateLoaded(ReadingState()), .note(fullNote)]
            }
            return [.readingStateLoaded(ReadingState()), .note("reading state not kept: \(error.description)")]
        }
    }

    /// Writes `change`; a failure loses it (the next session starts from what was written). A write
    /// refused at the bound leaves a note (once) for `takeNotes`.
    package func save(_ change: ReadingStateChange) {
        let now = clock()
        let full = store.withLock { store -> Bool in
            guard let store else { return false }
            do {
                try store.apply(change, now: now)
                return false
            } catch {
                return (error as? ReadingStateStore.Unusable)?.isFull ?? false
            }
        }
        if full, !saidFull.exchange(true, ordering: .relaxed) { notes.withLock { $0.append(fullNote) } }
    }

    /// The notes not yet shown, as actions; each is given once.
    package func takeNotes() -> [Action] {
        notes.withLock { pending in
            defer { pending = [] }
            return pending.map { .note($0) }
        }
    }

    private var fullNote: String {
        "reading state full (\(maximumBytes.map { "\($0 / 1024) KiB" } ?? "the disk")): changes from now on last this session only"
    }

    private func local(_ seconds: Double) -> LocalTime { LocalTime(seconds: seconds, utcOffset: utcOffset(seconds)) }

    /// The process's time zone's offset from UTC at `seconds` (`TZ`, else /etc/localtime), summer time included.
    @Sendable package static func localOffset(_ seconds: Double) -> Int {
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }
}
