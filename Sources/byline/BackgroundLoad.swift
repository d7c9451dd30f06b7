#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import BylineIndex
import Dispatch

/// Loads and refreshes the blog off the input thread, so the screen answers keys while 100,000 files
/// are read or indexed: the reader shows the cached store (or an empty one with progress) at once,
/// and takes each newer store this hands over.
final class BackgroundLoad: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var progress: AppState.Progress?
    private var progressChanged = false
    private var stores: [PostStore] = []
    private var problems: [String] = []
    private var finished = false

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// Starts reading `blog` as it is now. When the first screen came from the cache (`fromCache`), only
    /// new and changed files are read, and a store is handed over only when something changed.
    func start(_ blog: CachedBlog, fromCache: Bool) {
        Thread.detach { [self] in
            do {
                if fromCache { try refresh(blog) } else { try load(blog) }
            } catch {
                self.locked { self.problems.append("\(error)") }
            }
            self.report(nil)
            self.locked { self.finished = true }
        }
    }

    /// No cache to start from: the folder loaded on all cores (what the reader waits for), then, for a
    /// blog that wants one, the cache built behind the screen.
    private func load(_ blog: CachedBlog) throws {
        let (store, firstRead) = try blog.load { done, total in self.report(.init(verb: "loading", done: done, total: total)) }
        // The status line goes straight from loading to indexing, so "neither" means the cache is written.
        let writes = firstRead != nil && blog.wantsCache(posts: store.posts.count)
        report(writes ? .init(verb: "indexing", done: 0, total: nil) : nil)
        hand(store)
        guard writes, let firstRead else { return }
        // Indexing is work for later, not for the reader waiting now: one core, at a lower priority. The
        // files' front matter was read once, for the store the reader shows: the cache is written from
        // that store and what the load kept beside it.
        Thread.lowerPriority()
        blog.usesAllCores = false
        finish(blog.persist(firstRead: firstRead, store: store, progress: reportIndexing))
    }

    /// The first screen came from the cache: only new and changed files are read, on one core at a
    /// lower priority, and a store is handed over only when something changed.
    private func refresh(_ blog: CachedBlog) throws {
        Thread.lowerPriority()
        blog.usesAllCores = false
        let scan = try blog.scan { done, total in
            if total > 0 { self.report(.init(verb: "reading changed files:", done: done, total: total)) }
        }
        // Nothing to read or write; `persist` still puts back a head file that is missing or stale
        // (another format, a write that failed), which the next first screen would otherwise go without.
        guard scan.changed else {
            _ = blog.persist(scan, store: blog.store(from: scan))
            return
        }
        let store = blog.store(from: scan)
        let writes = blog.willWrite(scan, posts: store.posts.count)
        report(writes ? .init(verb: "indexing", done: 0, total: nil) : nil)
        hand(store)
        if writes { finish(blog.persist(scan, store: store, progress: reportIndexing)) }
    }

    private func reportIndexing(_ done: Int, _ total: Int) {
        report(.init(verb: "indexing", done: done, total: total))
    }

    /// The store searching through the cache just written, or the problem that kept it from being written.
    private func finish(_ persisted: (outcome: CachedBlog.Outcome, store: PostStore?)) {
        if let indexed = persisted.store { hand(indexed) }
        if case let .failed(message) = persisted.outcome { locked { problems.append(message) } }
    }

    /// What happened since the last call: a newer store, progress, problems.
    func take() -> (stores: [PostStore], progress: AppState.Progress??, problems: [String]) {
        locked {
            defer { stores = []; problems = []; progressChanged = false }
            return (stores, progressChanged ? .some(progress) : nil, problems)
        }
    }

    /// Whether work is still going on (the input loop then wakes often to show it).
    var isRunning: Bool { locked { !finished } }

    /// Whether news waits to be taken that the loop must not sleep on: a store, a problem, or the last
    /// progress of a loader that has finished (while it runs, progress is picked up every few
    /// milliseconds; looping on each count would spin). Asked after `isRunning`.
    var hasNews: Bool { locked { !stores.isEmpty || !problems.isEmpty || (finished && progressChanged) } }

    private func report(_ progress: AppState.Progress?) {
        locked {
            if self.progress != progress {
                self.progress = progress
                progressChanged = true
            }
        }
    }

    private func hand(_ store: PostStore) { locked { stores.append(store) } }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}

/// A plain POSIX thread: Dispatch's pool has as many threads as cores, and the body search and the
/// parallel loading already use them.
enum Thread {
    /// The calling thread alone (Linux schedules threads one by one) at idle priority: it runs only
    /// on a core nothing else wants, and gives way at once to the input thread. At nice 10 the refresh
    /// behind a cached first screen (100,000 files' stamps) still slowed the first keys: the first list
    /// move at 100,000 posts took 2.3 ms, 1.1 ms at idle priority (medians of 14, interleaved). Falls
    /// back to nice 10 where idle priority is refused. The thread also sleeps while a key is answered
    /// (`GiveWay`): idle priority does not rank it below other sessions' processes, sshd's among them.
    static func lowerPriority() {
        GiveWay.markBackground()
        guard let id = threadID() else { return }
        var parameters = sched_param()
        parameters.sched_priority = 0
        if sched_setscheduler(pid_t(id), idlePolicy, &parameters) != 0 {
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id, 10)
        }
    }

    /// `SCHED_IDLE`, which Glibc's module does not name.
    static let idlePolicy: Int32 = 5

    /// The calling thread's id (its `tid`), from /proc/thread-self, since Swift's Glibc does not export
    /// `gettid`.
    static func threadID() -> id_t? {
        var target = [CChar](repeating: 0, count: 64)
        let length = readlink("/proc/thread-self", &target, target.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: "/").last.flatMap { id_t($0) }
    }

    static func detach(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        pthread_create(&thread, nil, { raw in
            let box = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        pthread_detach(thread)
    }
}

private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
