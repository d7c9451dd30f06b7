import BylineCore
import BylineIndex
import Synchronization

/// Loads and refreshes the blog off the input thread (`Effect.loadBlog`, `.refreshBlog`), so the
/// screen answers keys while 100,000 files are read or indexed: the reader shows the cached store (or
/// an empty one with progress) at once, and takes each newer store this sends.
final class BlogLoading: Sendable {
    let blog: CachedBlog
    let context: EffectContext
    /// What every load and refresh of the session shares (the stamps and files of the store last handed over).
    let session: ReloadSession
    var memory: StampMemory { session.memory }

    /// Progress is sent at most this often: each one repaints the status line, and the loop's waking
    /// is better spent noticing the loaded store while the loading threads want the cores.
    static let progressSeconds = 0.05

    private let lastProgress = Mutex<(sent: AppState.Progress?, at: Double?)>((nil, nil))
    /// Numbers every store handed over, across the loads and reloads of a session: a store is told
    /// from the one before by its number alone (`StoreUpdate`).
    private static let serial = Atomic<Int>(0)

    init(blog: CachedBlog, context: EffectContext, session: ReloadSession = ReloadSession(changes: nil)) {
        self.blog = blog
        self.context = context
        self.session = session
    }

    func run(refresh: Bool) {
        session.working.withLock { _ in
            // What the watch named up to now is this reading's to take; what it names from here on, the next one's.
            let named = session.changes?.take()
            do {
                if refresh { try self.refresh(named: named) } else { try load() }
            } catch {
                context.send(.note("\(error)"))
            }
            report(nil)
            memory.settle()
        }
    }

    /// No cache to start from: the folder loaded on all cores (what the reader waits for), then, for a
    /// blog that wants one, the cache built behind the screen.
    private func load() throws {
        let (store, firstRead) = try blog.load { done, total in self.report(.init(verb: "loading", done: done, total: total)) }
        // The status line goes straight from loading to indexing, so "neither" means the cache is written.
        let writes = firstRead != nil && blog.wantsCache(posts: store.posts.count)
        report(writes ? .init(verb: "indexing", done: 0, total: nil) : nil)
        hand(store)
        // A reload of the folder later says what it changed against these.
        memory.remember(store)
        session.base.withLock { $0 = nil }
        guard writes, let firstRead else { return }
        // Indexing is work for later, not for the reader waiting now: one core, at a lower priority. The
        // files' front matter was read once, for the store the reader shows: the cache is written from
        // that store and what the load kept beside it.
        BackgroundThread.lowerPriority()
        blog.usesAllCores = false
        blog.giveWay = context.giveWay
        finish(blog.persist(firstRead: firstRead, store: store, progress: reportIndexing))
    }

    /// The first screen came from the cache: only new and changed files are read, on one core at a
    /// lower priority, and a store is handed over only when something changed.
    private func refresh(named: ChangedPaths?) throws {
        BackgroundThread.lowerPriority()
        blog.usesAllCores = false
        blog.giveWay = context.giveWay
        if case let .paths(paths)? = named, refreshNamed(paths) { return }
        let scan = try blog.scan { done, total in
            if total > 0 { self.report(.init(verb: "reading changed files:", done: done, total: total)) }
        }
        // Nothing to read or write; `persist` still puts back a head file that is missing or stale
        // (another format, a write that failed), which the next first screen would otherwise go without.
        guard scan.changed else {
            _ = blog.persist(scan, store: blog.store(from: scan))
            // A snapshot left stale by a live reload of the session before (the rows made the first screen).
            blog.writeSnapshot()
            return
        }
        let store = blog.store(from: scan)
        // Measured against the cache, the scan read again what changed since it (with no cache, everything).
        let readSinceCache = blog.cache == nil ? nil : Set(scan.read.map { scan.files[$0].path })
        let changes = memory.changes(to: StampMemory.stamps(of: scan, shownIn: store), fallback: readSinceCache)
        let writes = blog.willWrite(scan, posts: store.posts.count)
        report(writes ? .init(verb: "indexing", done: 0, total: nil) : nil)
        hand(store, changes: changes)
        var written = false
        if writes {
            let persisted = blog.persist(scan, store: store, progress: reportIndexing)
            written = persisted.store != nil
            finish(persisted)
        }
        // A cache written gave the files documents: the next live reload takes them from it. Else the
        // scan's files are the store's (the cache, if any, still holds the files as they were).
        session.base.withLock { $0 = written ? nil : LoadedFiles(scan) }
    }

    /// A live reload of the files the watch named: those alone are read (`CachedBlog.patch(named:base:)`),
    /// and a store is handed over only when one changed. False when they cannot be decided alone (a
    /// bundle's index, a link) or nothing is known to patch (no cache, no earlier scan): the folder is
    /// then scanned whole.
    private func refreshNamed(_ paths: Set<String>) -> Bool {
        // Taken out while it is patched, so that it is changed in place, not copied.
        guard var base = session.base.withLock({ $0.take() }) ?? blog.cachedBase() else { return false }
        let patched = blog.patch(named: paths, base: &base)
        let files = base
        session.base.withLock { $0 = files }
        guard let patch = patched else { return false }
        guard let store = patch.store else { return true }
        memory.patch(paths.map { path in (path, files.files[path].flatMap { $0.post == nil ? nil : $0.stamp }) })
        hand(store, changes: StoreChanges(reread: patch.reread, announced: memory.announces, renumbering: patch.renumbering))
        if let problem = patch.cacheProblem { context.send(.note(problem)) }
        return true
    }

    private func reportIndexing(_ done: Int, _ total: Int) {
        report(.init(verb: "indexing", done: done, total: total))
    }

    /// The store searching through the cache just written, or the problem that kept it from being written.
    private func finish(_ persisted: (outcome: CachedBlog.Outcome, store: PostStore?)) {
        if let indexed = persisted.store { hand(indexed) }
        // The cache is a convenience: a problem with it is noted, and reading goes on without it.
        if case let .failed(message) = persisted.outcome { context.send(.note(message)) }
    }

    /// Sends `progress` when it changed: at once when it is the end or a new stage, else at most every
    /// `progressSeconds`.
    private func report(_ progress: AppState.Progress?) {
        let now = context.clock.now()
        let due = lastProgress.withLock { last in
            guard last.sent != progress else { return false }
            if let progress, let sent = last.sent, let at = last.at, sent.verb == progress.verb,
               now - at < Self.progressSeconds { return false }
            last = (progress, now)
            return true
        }
        if due { context.send(.progress(progress)) }
    }

    private func hand(_ store: PostStore, changes: StoreChanges? = nil) {
        context.send(.storeReplaced(StoreUpdate(store, serial: Self.serial.add(1, ordering: .relaxed).newValue, changes: changes)))
    }
}
