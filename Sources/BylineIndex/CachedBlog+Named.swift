import BylineCore

/// The blog's files as the store last handed to the reader was made from them, kept between live
/// reloads so that a reload of a few named files reads those alone (`CachedBlog.patch(named:base:)`),
/// not the whole folder.
package struct LoadedFiles: Sendable {
    package var realRoot: String
    package var layout: SiteLayout
    package var folderDiagnostics: [Diagnostic]
    /// Every file the walk offered, by path.
    package var files: [String: CachedFile]
    /// Whether some file is reached through a link: the walk then keeps one way to each file, which
    /// deciding a file alone cannot (every reload reads the folder whole).
    package let throughLinks: Bool
    /// The store last made from these files, with what patching it needs (`PostStore.patch`); nil until
    /// a live reload assembled one from them.
    package var patchBase: PostStore.PatchBase?
    /// When not every file is in `files` (`CachedBlog.cachedBase`): the cache whose rows hold the files
    /// no reload touched yet, looked up by path when one is named. Nil when `files` holds them all.
    var rows: PostCache?
    /// Files removed since the start whose rows the cache may still hold (read-only, or a write failed).
    var removed: Set<String> = []

    package init(realRoot: String, layout: SiteLayout, folderDiagnostics: [Diagnostic], files: [CachedFile]) {
        self.realRoot = realRoot
        self.layout = layout
        self.folderDiagnostics = folderDiagnostics
        var byPath: [String: CachedFile] = [:]
        byPath.reserveCapacity(files.count)
        for file in files { byPath[file.path] = file }
        self.files = byPath
        throughLinks = files.contains { $0.absolutePath != realRoot + "/" + $0.path }
    }

    /// The files as the cache's rows have them, none of them decoded yet: each is looked up when a
    /// reload names it (`look(up:)`), all of them only when a reload must assemble the store whole.
    init(realRoot: String, folder: PostCache.Folder, rows: PostCache, patchBase: PostStore.PatchBase) {
        self.realRoot = realRoot
        layout = folder.layout
        folderDiagnostics = folder.folderDiagnostics
        files = [:]
        throughLinks = folder.throughLinks
        self.rows = rows
        self.patchBase = patchBase
    }

    /// Brings the files at `paths` into `files` from the cache's rows (those not there already, nor
    /// removed since); false when the cache cannot be read.
    mutating func look(up paths: some Collection<String>) -> Bool {
        guard let rows else { return true }
        let wanted = paths.filter { files[$0] == nil && !removed.contains($0) }
        guard !wanted.isEmpty else { return true }
        guard let found = try? rows.files(at: wanted) else { return false }
        for file in found { files[file.path] = file }
        return true
    }

    /// Every file in `files`: the cache's rows decoded, what reloads changed since kept over them;
    /// false when the cache cannot be read.
    mutating func lookUpAll() -> Bool {
        guard let rows else { return true }
        guard let contents = try? rows.contents() else { return false }
        var all: [String: CachedFile] = [:]
        all.reserveCapacity(contents.files.count)
        for file in contents.files where !removed.contains(file.path) { all[file.path] = file }
        for (path, file) in files { all[path] = file }
        files = all
        self.rows = nil
        removed = []
        return true
    }

    /// A scan's files (all of them: a scan that found changes).
    package init(_ scan: BlogLoad.Scan) {
        self.init(realRoot: scan.realRoot, layout: scan.layout, folderDiagnostics: scan.folderDiagnostics, files: scan.files)
    }
}

extension CachedBlog {
    /// What a reload of named files did (the files as they are now are the `base` it patched).
    package struct NamedPatch: Sendable {
        /// The store they make, searching through the cache; nil when no file changed.
        package var store: PostStore?
        /// The named files read again that gave a post (`StoreChanges.reread`).
        package var reread: Set<String>
        /// Why the cache could not be patched, if it could not.
        package var cacheProblem: String?
        /// Where the posts of the store before went, when the store was patched (not assembled anew).
        package var renumbering: PostStore.Renumbering? = nil
    }

    /// The files `base` was made from, as they are in the cache: the base of the first live reload
    /// after a start whose folder matched the cache (that scan read no file). Nil without a cache.
    package func cachedFiles() -> LoadedFiles? {
        guard let cache, let contents = try? cache.contents(), let real = realPath(root) else { return nil }
        return LoadedFiles(realRoot: real, layout: contents.layout, folderDiagnostics: contents.folderDiagnostics, files: contents.files)
    }

    /// The base of the first live reload after the reader started from the cache (or after a write of
    /// it): the store the cache's rows make as the reader has it (`storeOfRows`), with the counts a patch
    /// keeps queried from three columns, and no file decoded until a reload names it. What
    /// `cachedFiles()` gives, when that store is not known.
    package func cachedBase() -> LoadedFiles? {
        guard let cache, let store = storeOfRows, let real = realPath(root), real == store.realRoot,
              let folder = try? cache.folder(), let counts = try? cache.patchCounts() else { return cachedFiles() }
        let base = PostStore.PatchBase(store: store, spellings: counts.spellings, hasStubs: counts.hasStubs,
                                       finderDiagnostics: folder.folderDiagnostics)
        return LoadedFiles(realRoot: real, folder: folder, rows: cache, patchBase: base)
    }

    /// A live reload of the files the watch named (`paths`): each decided by the walk's rules
    /// (`PostFinder.decide`), stamped, read when new or changed, dropped when gone; the cache's rows
    /// of those files alone patched; the store made from `base` with them. Nil when some path cannot be
    /// decided alone (the folder is then scanned whole, as before, and `base` is left as it was).
    /// `base` is changed in place: a copy of 100,000 files' entries was a third of a reload's work.
    package func patch(named paths: Set<String>, base files: inout LoadedFiles) -> NamedPatch? {
        guard !files.throughLinks,
              let decided = PostFinder.decide(paths, root: root, layout: files.layout, includeDrafts: includeDrafts) else { return nil }
        // The named files' old entries, from the cache's rows when they are not decoded yet.
        guard files.look(up: decided.keys) else { return nil }
        let loader = PostLoader(inspector: inspector)
        var changed: [CachedFile] = []
        var removed: [String] = []
        // The changed files as they were, for the store's patch.
        var before: [PostStore.LoadedFile] = []
        var retired = 0
        // In path order: the same rows and documents whatever order the watch named them in.
        for path in decided.keys.sorted() {
            let old = files.files[path]
            if let old { before.append(old.loaded) }
            guard let candidate = decided[path] ?? nil else {
                guard let old else { continue }
                files.files[path] = nil
                if files.rows != nil { files.removed.insert(path) }
                removed.append(path)
                if old.document != nil { retired += 1 }
                continue
            }
            // Read again even when its stamp is the same: the watch saw it written (a rewrite of the same size
            // within the clock's step keeps the stamp).
            let read = loader.load(candidate)
            if old?.document != nil { retired += 1 }
            let file = CachedFile(path: path, absolutePath: candidate.absolutePath, stamp: BlogLoad.stamp(read.stamp, of: candidate.absolutePath),
                                  document: nil, post: read.post, diagnostics: read.diagnostics)
            files.files[path] = file
            files.removed.remove(path)
            changed.append(file)
        }
        guard !changed.isEmpty || !removed.isEmpty else { return NamedPatch(store: nil, reread: []) }
        var cacheProblem: String?
        if let cache, policy.writable {
            let words = changed.map { indexable($0) ? self.words(of: $0) : nil }
            do {
                let documents = try cache.patch(changed: changed, words: words, removed: removed, retired: retired, giveWay: giveWay)
                for (file, document) in zip(changed, documents) { files.files[file.path]?.document = document }
            } catch {
                // The rows stay as they were: the next scan finds these files changed.
                cacheProblem = error.description
            }
        }
        let store: PostStore
        var renumbering: PostStore.Renumbering?
        var documents: [String: Int64] = [:]
        for file in changed { if let document = files.files[file.path]?.document { documents[file.path] = document } }
        // Taken out while it is patched, so that its arrays are not held twice.
        var patchBase = files.patchBase.take()
        if var base = patchBase.take(), let patched = PostStore.patch(&base, old: before, new: changed.map(\.loaded), documents: documents,
                                                              includeDrafts: includeDrafts) {
            store = patched.store
            renumbering = patched.renumbering
            patchBase = base
        } else {
            // Assembled whole: every file is wanted (a start's base decodes the cache's rows now).
            guard files.lookUpAll() else { return nil }
            store = BlogLoad.store(root: root, realRoot: files.realRoot, files: files.files, layout: files.layout,
                                   folderDiagnostics: files.folderDiagnostics, includeDrafts: includeDrafts, index: cache)
            patchBase = PostStore.PatchBase(store: store, posts: files.files.values.lazy.map(\.post),
                                            finderDiagnostics: files.folderDiagnostics, includeDrafts: includeDrafts)
        }
        files.patchBase = patchBase
        if cache != nil, policy.writable, cacheProblem == nil { unsnapshotted = store }
        // The rows now describe this store only when they were patched with it.
        storeOfRows = cache != nil && policy.writable && cacheProblem == nil ? store : nil
        let shown = Set(changed.lazy.filter { $0.post != nil }.map(\.path))
        return NamedPatch(store: store, reread: shown, cacheProblem: cacheProblem, renumbering: renumbering)
    }

    /// Writes the snapshot the cache lacks (`unsnapshotted`): when the reader ends, or when a refresh
    /// finds nothing else to do. False when it could not be written.
    @discardableResult
    package func writeSnapshot() -> Bool {
        guard let store = unsnapshotted, let cache, policy.writable else { return true }
        do {
            try cache.writeSnapshot(store)
            unsnapshotted = nil
            storeFileProblem = nil
            return true
        } catch {
            return false
        }
    }
}
