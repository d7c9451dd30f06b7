#if canImport(Glibc)
import Glibc
#endif
import BylineCore

/// Loads a blog the way the reader and `byline index` do: from its cache where the cache still holds,
/// reading only files that are new or changed since (by size and modification time), and reporting
/// progress as it goes. With no cache this is a plain load, in batches, with progress.
package enum BlogLoad {
    /// Files read per batch: progress moves in steps this size, and a batch's bodies are the most held
    /// in memory while indexing.
    static let batch = 512

    /// A folder read from disk (and the cache): every file, and the store they make.
    package struct Scan: Sendable {
        package var realRoot: String
        package var files: [CachedFile]
        package var layout: SiteLayout
        package var folderDiagnostics: [Diagnostic]
        /// Files read from disk this time (new or changed), by position in `files`.
        package var read: [Int]
        /// Cached files no longer on disk, or replaced by a changed file, whose words the index still holds.
        package var retired: Int
        /// Whether anything differs from the cache it started from (always true without one). When
        /// nothing did, `files` is empty: the cache's own store is the store.
        package var changed: Bool
        /// Why the cache could not be read, if it could not (everything was then read from disk).
        package var cacheProblem: String?
    }

    /// What the folder holds now, reading only what `cache` does not hold as it is (nil: read
    /// everything); `progress` is called with (files read, files to read) after each batch.
    package static func scan(root: String, includeDrafts: Bool, inspector: any BodyInspector, cache: PostCache?,
                            allCores: Bool = true, giveWay: GiveWay? = nil, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(PostStore.OpenError) -> Scan {
        guard let real = realPath(root) else { throw PostStore.OpenError(description: "\(root): no such folder") }
        var cached: PostCache.Contents?
        var cacheProblem: String?
        if let cache {
            do {
                // The common case, nothing changed, is decided from the stamps alone as the walk goes, in
                // memory that does not grow with the blog: no post is decoded, no list of files is made.
                if let folder = try CacheFreshness.unchanged(root: real, includeDrafts: includeDrafts, cache: cache, giveWay: giveWay) {
                    return Scan(realRoot: real, files: [], layout: folder.layout, folderDiagnostics: folder.diagnostics, read: [],
                                retired: 0, changed: false)
                }
                cached = try cache.contents()
            } catch {
                cacheProblem = error.description
            }
        }
        // Something differs (or there is no cache): the folder is compared with the cache file by file.
        let found = PostFinder.find(root: real, includeDrafts: includeDrafts, giveWay: giveWay)
        // Without a cache every file is read, and its stamp is taken in the same pass, before reading (a
        // file changed meanwhile is read again next time, never remembered with older contents).
        func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
            ParallelMap.map(items, allCores: allCores, giveWay: giveWay, transform)
        }
        let stamps = cached == nil ? [] : map(found.candidates) { FileStamp(path: $0.absolutePath) }
        var known: [String: CachedFile] = [:]
        if let cached {
            known.reserveCapacity(cached.files.count)
            for file in cached.files { known[file.path] = file }
        }
        var files: [CachedFile] = []
        files.reserveCapacity(found.candidates.count)
        var toRead: [Int] = []
        var retired = 0
        for (position, candidate) in found.candidates.enumerated() {
            if let old = known.removeValue(forKey: candidate.path) {
                if let stamp = stamps[position], old.stamp == stamp, old.absolutePath == candidate.absolutePath {
                    files.append(old)
                    continue
                }
                if old.document != nil { retired += 1 }
            }
            toRead.append(files.count)
            files.append(CachedFile(path: candidate.path, absolutePath: candidate.absolutePath,
                                    stamp: .unknown, document: nil, post: nil, diagnostics: []))
        }
        retired += known.values.filter { $0.document != nil }.count
        let removed = !known.isEmpty

        let loader = PostLoader(inspector: inspector)
        let candidates = found.candidates
        progress(0, toRead.count)
        for start in stride(from: 0, to: toRead.count, by: batch) {
            let part = Array(toRead[start..<min(start + batch, toRead.count)])
            let results = map(part) { index in
                // `files` and `candidates` line up: one file per candidate, in order.
                loader.load(candidates[index])
            }
            for (index, result) in zip(part, results) {
                files[index].stamp = stamp(result.stamp, of: files[index].absolutePath)
                files[index].post = result.post
                files[index].diagnostics = result.diagnostics
            }
            progress(start + part.count, toRead.count)
        }
        let sameFolder = cached.map { $0.layout == found.layout && $0.folderDiagnostics == found.diagnostics } ?? false
        return Scan(realRoot: real, files: files, layout: found.layout, folderDiagnostics: found.diagnostics, read: toRead,
                    retired: retired, changed: !toRead.isEmpty || removed || !sameFolder, cacheProblem: cacheProblem)
    }

    /// The store the files make, searching through `index` for the files it holds words of.
    package static func store(root: String, realRoot: String, files: [CachedFile], layout: SiteLayout,
                             folderDiagnostics: [Diagnostic], includeDrafts: Bool, index: PostCache?) -> PostStore {
        let store = PostStore.assemble(root: root, realRoot: realRoot, layout: layout, entries: files.map(\.loaded),
                                       finderDiagnostics: folderDiagnostics, includeDrafts: includeDrafts)
        guard let index else { return store }
        var documents: [String: Int64] = [:]
        documents.reserveCapacity(files.count)
        for file in files { if let document = file.document { documents[file.path] = document } }
        return store.searching(with: index, documentIDs: store.posts.map { documents[$0.path] })
    }

    /// The store of files kept by path (a live reload's, `LoadedFiles`): their documents are looked up
    /// there, not gathered into a second table.
    package static func store(root: String, realRoot: String, files: [String: CachedFile], layout: SiteLayout,
                             folderDiagnostics: [Diagnostic], includeDrafts: Bool, index: PostCache?) -> PostStore {
        let store = PostStore.assemble(root: root, realRoot: realRoot, layout: layout, entries: files.values.map(\.loaded),
                                       finderDiagnostics: folderDiagnostics, includeDrafts: includeDrafts)
        guard let index else { return store }
        return store.searching(with: index, documentIDs: store.posts.map { files[$0.path]?.document })
    }

    /// The files in the store's order (posts newest first, then files that gave none), so the next
    /// start reads them already sorted.
    /// As positions in `files`: a sorted copy of 100,000 files is 18 MB more at the peak of a build.
    static func storeOrder(_ files: [CachedFile], _ store: PostStore) -> [Int] {
        var rank: [String: Int] = [:]
        rank.reserveCapacity(store.posts.count)
        for (number, post) in store.posts.enumerated() { rank[post.path] = number }
        let ranks = files.map { rank[$0.path] ?? Int.max }
        rank = [:]
        return files.indices.sorted { a, b in
            let (l, r) = (ranks[a], ranks[b])
            return l != r ? l < r : files[a].path < files[b].path
        }
    }

    /// A read file's stamp: the loader's, taken when it opened the file; for a file it could not open, the
    /// file's own, so that it is not tried again until it changes; `.unknown` when there is none.
    static func stamp(_ read: FileStamp?, of path: String) -> FileStamp {
        read ?? FileStamp(path: path) ?? .unknown
    }
}
