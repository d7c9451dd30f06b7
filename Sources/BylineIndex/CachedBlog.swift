import BylineCore

/// A blog read through its cache: the reader's and `byline index`'s three steps.
///
/// 1. `cachedStore()`: the store as the cache last saw it, for an instant first screen.
/// 2. `scan(...)`: the folder as it is now, reading only new and changed files (in the background).
/// 3. `persist(...)`: the cache brought up to date (never when read-only), and the store searching
///    through it.
package final class CachedBlog: @unchecked Sendable {
    /// Where the cache is and whether byline may write it.
    package struct Policy: Sendable {
        /// The cache file; nil for no cache at all.
        package var path: String?
        /// False in restricted mode: a fresh cache is read, none is written.
        package var writable: Bool
        /// A cache is started only for blogs at least this large (one that exists is always kept up to date).
        package var minimumPosts: Int
        package init(path: String?, writable: Bool, minimumPosts: Int = 1000) {
            self.path = path
            self.writable = writable
            self.minimumPosts = minimumPosts
        }
    }

    /// Rebuild instead of updating when the index holds this share of dead words or more.
    static let deadShareForRebuild = 0.25

    package let root: String
    package let includeDrafts: Bool
    package let policy: Policy
    package let inspector: any BodyInspector
    /// Work on all cores (`byline index`, a first load), or on the calling thread alone (the reader
    /// refreshing or indexing behind a screen that must keep answering).
    package var usesAllCores = true
    /// Slept on between small steps of a scan or a write behind the reader's screen, while a key is
    /// answered; nil for work nobody waits behind.
    package var giveWay: GiveWay?
    /// The cache as opened in step 1, if it could be.
    package private(set) var cache: PostCache?
    /// Why the cache could not be used, when it exists but could not (it is then rebuilt if writable).
    package private(set) var problem: String?
    /// Why the cache's store file could not be used (damaged, cut short, foreign, of another version or
    /// cache build), when it exists: the store is then made from the rows, and the file written again
    /// (`writeSnapshot`) when writable. The rows themselves are fine, so this is not `problem`.
    package internal(set) var storeFileProblem: String?
    /// The store whose snapshot the cache lacks: its rows were patched by a live reload
    /// (`patch(named:base:)`), or a start found the snapshot stale. Written by `writeSnapshot`.
    package internal(set) var unsnapshotted: PostStore?
    /// The store the cache's rows make, as it was handed to the reader (a start's, a write's, a live
    /// reload's that patched the rows): what the first live reload patches (`cachedBase`) without
    /// decoding every row. Nil when not known.
    package internal(set) var storeOfRows: PostStore?

    package init(root: String, includeDrafts: Bool, inspector: any BodyInspector, policy: Policy) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.inspector = inspector
        self.policy = policy
    }

    /// Step 1: the store as the cache last wrote it (nil without a usable cache): its store file mapped
    /// (`MappedStore`: nothing made per post), the whole store searching through the cache.
    package func cachedStore() -> PostStore? {
        guard let path = policy.path, let real = realPath(root) else { return nil }
        do {
            let cache = try PostCache(path: path, realRoot: real, includeDrafts: includeDrafts, writable: policy.writable)
            if try cache.snapshotIsCurrent() {
                do {
                    let store = try cache.mappedStore(root: root)
                    self.cache = cache
                    storeOfRows = store
                    return store
                } catch {
                    // Damaged, cut short, foreign, of another version or cache build: never trusted. The
                    // rows make the store, and (when writable) the file is written again from it.
                    if !error.isMissing { storeFileProblem = error.description }
                }
            }
            // A live reload patched the rows and the reader ended before writing the store file (or the
            // file is missing or bad): the rows make the store (exact, slower), written as the file later.
            let contents = try cache.contents()
            self.cache = cache
            let store = BlogLoad.store(root: root, realRoot: real, files: contents.files, layout: contents.layout,
                                       folderDiagnostics: contents.folderDiagnostics, includeDrafts: includeDrafts, index: cache)
            unsnapshotted = policy.writable ? store : nil
            storeOfRows = store
            return store
        } catch {
            if !error.isMissing { problem = error.description }
            return nil
        }
    }

    /// Step 2: the folder as it is now; with a cache, only files new or changed since it was written are read.
    package func scan(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(PostStore.OpenError) -> BlogLoad.Scan {
        let scan = try BlogLoad.scan(root: root, includeDrafts: includeDrafts, inspector: inspector, cache: cache,
                                     allCores: usesAllCores, giveWay: giveWay, progress: progress)
        if let trouble = scan.cacheProblem {
            problem = trouble
            cache = nil
        }
        return scan
    }

    /// A first load, with no cache to start from: the store on all cores (`progress` hears files read,
    /// files in all), and, when a cache may be written, what to write it from beside the store (the
    /// same reading of every file: `persist(firstRead:store:)`).
    package func load(progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)? = nil)
        throws(PostStore.OpenError) -> (store: PostStore, firstRead: PostStore.FirstRead?) {
        let options = PostStore.Options(includeDrafts: includeDrafts)
        guard mayWriteCache else {
            return (try PostStore.load(root: root, options: options, inspector: inspector, progress: progress), nil)
        }
        return try PostStore.loadKeepingReads(root: root, options: options, inspector: inspector, progress: progress)
    }

    /// The store as the folder is now: the cache's when nothing changed (`cached`, from step 1), else
    /// the one the scan makes.
    package func currentStore(_ scan: BlogLoad.Scan, cached: PostStore?) -> PostStore {
        if !scan.changed, let cached { return cached }
        return store(from: scan)
    }

    /// The whole store as the folder is now, for commands that need it before they go on (a listing,
    /// `list`, `tags`): through the cache when step 1 gave one (`cached`), else a plain load.
    package func freshStore(startingFrom cached: PostStore?) throws(PostStore.OpenError) -> PostStore {
        guard let cached else {
            return try PostStore.load(root: root, options: .init(includeDrafts: includeDrafts), inspector: inspector)
        }
        return currentStore(try scan(), cached: cached)
    }

    /// The store a scan makes, searching through the cache for the files whose words it holds.
    package func store(from scan: BlogLoad.Scan) -> PostStore {
        BlogLoad.store(root: root, realRoot: scan.realRoot, files: scan.files, layout: scan.layout,
                       folderDiagnostics: scan.folderDiagnostics, includeDrafts: includeDrafts, index: cache)
    }

    /// What `persist` did.
    package enum Outcome: Equatable, Sendable {
        /// Nothing to write: the cache is fresh, or there is none and the blog is too small to want one.
        case unchanged
        /// The changed files' words were added to the cache.
        case updated(files: Int)
        /// The cache was written from nothing.
        case built(posts: Int)
        /// Not written: read-only, or no place for a cache.
        case notWritten
        case failed(String)
    }

    /// Step 3: brings the cache up to date with `scan`; returns the store searching through the new
    /// cache (nil when nothing was written). `progress` is called with (posts indexed, posts to index).
    package func persist(_ scan: BlogLoad.Scan, store: @autoclosure () -> PostStore, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in })
        -> (outcome: Outcome, store: PostStore?) {
        guard let path = policy.path, policy.writable else { return (.notWritten, nil) }
        if cache != nil, !scan.changed, problem == nil {
            // Nothing changed, but the store file may be missing, stale or bad: written again now.
            writeSnapshot()
            return (.unchanged, nil)
        }
        let store = store()
        guard willWrite(scan, posts: store.posts.count) else { return (.unchanged, nil) }
        let order = BlogLoad.storeOrder(scan.files, store)
        // Known again once written.
        storeOfRows = nil
        do {
            if let cache, !needsRebuild(cache, scan) {
                let files = order.map { scan.files[$0] }
                let wanted = files.indices.filter { files[$0].document == nil && indexable(files[$0]) }
                let words = map(wanted) { self.words(of: files[$0]) }
                var next = cache.nextUnusedDocument()
                var updated = files
                var documents: [(document: Int64, words: PostCache.Words)] = []
                for (index, found) in zip(wanted, words) {
                    guard let found else { continue }
                    updated[index].document = next
                    documents.append((next, found))
                    next += 1
                }
                progress(wanted.count, wanted.count)
                let newStore = BlogLoad.store(root: root, realRoot: scan.realRoot, files: updated, layout: scan.layout,
                                              folderDiagnostics: scan.folderDiagnostics, includeDrafts: includeDrafts, index: cache)
                try cache.write(files: updated, store: newStore, newDocuments: documents, dead: cache.deadDocuments() + scan.retired,
                                layout: scan.layout, folderDiagnostics: scan.folderDiagnostics, giveWay: giveWay)
                unsnapshotted = nil
                storeOfRows = newStore
                return (.updated(files: scan.read.count), newStore)
            }
            let files = scan.files
            return try build(path, store: store, count: order.count, wanted: files.filter(indexable).count, realRoot: scan.realRoot,
                             layout: scan.layout, folderDiagnostics: scan.folderDiagnostics, progress: progress) { position in
                files[order[position]]
            }
        } catch {
            return (.failed(error.description), nil)
        }
    }

    /// Step 3 after a first load (`load`): the cache written from the store and what the load kept
    /// beside it (both as `load` returned them), with only each post's body read again (for its words).
    /// Returns the store searching through the new cache (nil when nothing was written).
    package func persist(firstRead: PostStore.FirstRead, store: PostStore, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in })
        -> (outcome: Outcome, store: PostStore?) {
        precondition(firstRead.reads.count == store.posts.count, "the store the first load returned with what it kept")
        guard let path = policy.path, policy.writable else { return (.notWritten, nil) }
        guard wantsCache(posts: store.posts.count) else { return (.unchanged, nil) }
        // The store's order: its posts newest first, then the files that gave none, by path.
        let others = firstRead.others.sorted { $0.path < $1.path }
        let posts = store.posts.count
        do {
            return try build(path, store: store, count: posts + others.count, wanted: posts, realRoot: store.realRoot,
                             layout: firstRead.layout, folderDiagnostics: firstRead.folderDiagnostics, progress: progress) { position in
                Self.cachedFile(position < posts ? firstRead.file(position, of: store) : others[position - posts])
            }
        } catch {
            return (.failed(error.description), nil)
        }
    }

    /// A file as the cache records it: a file that could not be opened gets its own stamp, so that it is
    /// not tried again until it changes.
    private static func cachedFile(_ file: PostStore.LoadedFile) -> CachedFile {
        CachedFile(path: file.path, absolutePath: file.absolutePath, stamp: BlogLoad.stamp(file.stamp, of: file.absolutePath),
                   document: nil, post: file.post, diagnostics: file.diagnostics)
    }

    /// Builds the cache from nothing: `count` files in the order they are recorded (`file` gives each),
    /// `wanted` of them indexed (for progress). Returns the store searching through the new cache.
    private func build(_ path: String, store: PostStore, count: Int, wanted: Int, realRoot: String, layout: SiteLayout,
                       folderDiagnostics: [Diagnostic], progress: (_ done: Int, _ total: Int) -> Void,
                       file: @escaping @Sendable (_ position: Int) -> CachedFile) throws(PostCache.Unusable) -> (outcome: Outcome, store: PostStore?) {
        var done = 0
        // On all cores, each core wants a share of many files; on one, each file's words are written
        // before the next file's are read: a batch of 512 posts' words held 4 MB at a time.
        let documentIDs = try PostCache.build(path: path, realRoot: realRoot, includeDrafts: includeDrafts, count: count, store: store,
                                              layout: layout, folderDiagnostics: folderDiagnostics,
                                              rowsAtOnce: usesAllCores ? 512 : 8, pipelined: usesAllCores, giveWay: giveWay, rows: { range in
            let rows = self.map(Array(range)) { position -> PostCache.FileRow in
                let found = file(position)
                return PostCache.FileRow(file: found, words: self.indexable(found) ? self.words(of: found) : nil)
            }
            done += rows.lazy.filter { $0.words != nil }.count
            progress(done, wanted)
            return rows
        })
        problem = nil
        let built = try PostCache(path: path, realRoot: realRoot, includeDrafts: includeDrafts, writable: true)
        cache = built
        unsnapshotted = nil
        // The store just written, searching through the new cache: the same store its store file
        // gives, without mapping it at the end of the build.
        let searching = store.searching(with: built, documentIDs: documentIDs)
        storeOfRows = searching
        return (.built(posts: store.posts.count), searching)
    }

    func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        ParallelMap.map(items, allCores: usesAllCores, giveWay: giveWay, transform)
    }

    /// Whether `persist` would write anything for this scan of a blog of `posts` posts.
    package func willWrite(_ scan: BlogLoad.Scan, posts: Int) -> Bool {
        if cache != nil, !scan.changed, problem == nil { return false }
        return wantsCache(posts: posts)
    }

    /// Whether a blog of `posts` posts gets a cache written: one exists (or a broken one is to be
    /// replaced), or the blog is large enough; never when read-only.
    package func wantsCache(posts: Int) -> Bool {
        guard mayWriteCache else { return false }
        return cache != nil || problem != nil || posts >= policy.minimumPosts
    }

    /// Whether any cache may be written: there is a place for one, and this reader may write.
    var mayWriteCache: Bool { policy.path != nil && policy.writable }

    /// Files whose post the store shows are indexed; drafts only when drafts are shown.
    func indexable(_ file: CachedFile) -> Bool {
        guard let post = file.post else { return false }
        return includeDrafts || !post.draft
    }

    func words(of file: CachedFile) -> PostCache.Words? {
        guard let post = file.post, case let .success(body) = PostLoader.bodyBytes(at: file.absolutePath) else { return nil }
        return PostCache.Words(post: post, bodyBytes: body)
    }

    private func needsRebuild(_ cache: PostCache, _ scan: BlogLoad.Scan) -> Bool {
        let dead = cache.deadDocuments() + scan.retired
        let live = scan.files.filter { $0.document != nil }.count
        // Many changed files: building anew is as fast, and keeps the index compact.
        return Double(dead) > Double(max(live, 1)) * CachedBlog.deadShareForRebuild || scan.read.count > 4 * BlogLoad.batch && scan.read.count > live / 4
    }
}
