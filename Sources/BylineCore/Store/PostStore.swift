import Dispatch
import Glibc

/// The posts of one folder, newest first, with their tag index and everything that was wrong on the way.
///
/// Loading reads only front matter (and a first paragraph when the summary is missing), on all cores.
/// Bodies are read on demand. Drafts are left out unless asked for. The store never writes anything.
package struct PostStore: Sendable {
    /// How to load.
    package struct Options: Sendable {
        /// Include drafts (`draft: true`, `published: false`, and Jekyll's `_drafts/`).
        package var includeDrafts = false
        /// Read and check as much of each file as is ever shown (for `check`): the front matter and the
        /// body up to `PostLoader.bodyLimit`, not just the start; slower. Nothing past that is read.
        package var readWholeFiles = false
        package init(includeDrafts: Bool = false, readWholeFiles: Bool = false) {
            self.includeDrafts = includeDrafts
            self.readWholeFiles = readWholeFiles
        }
    }

    /// Why a store could not be opened at all.
    package struct OpenError: Error, CustomStringConvertible, Equatable {
        package var description: String
        package init(description: String) { self.description = description }
    }

    /// The folder as given.
    package let root: String
    /// The folder with symlinks resolved; every post file is under it.
    package let realRoot: String
    package let layout: SiteLayout
    /// Newest first; a post's number is its position here. From a cache's snapshot, each post is made
    /// when it is asked for (`PostList`).
    package let posts: PostList
    package let tags: TagIndex
    /// The posts of each language (`Post.language`), as tags are indexed: a blog in one language (or
    /// none known) has one entry (or none), and the reader then shows no languages.
    package let languages: TagIndex
    /// Problems, sorted by file then line.
    package let diagnostics: [Diagnostic]
    /// Old names that open a post, lower-cased: its `redirect_from` and `aliases` (as slugs), and the
    /// names of redirect stubs that point to it (`RedirectStub`), which are not posts themselves.
    package let aliases: [String: Int]
    /// Which post a link inside the blog names (`PostLinkIndex`): built once, when first needed, and
    /// shared by every copy of this store (the same posts).
    package let linkIndex = PostLinkIndex()
    /// The posts by title, sorted the first time it is asked for (`titleOrder`).
    package let titleOrderCache = TitleOrderCache()
    /// Each post's real file, nil for the usual `realRoot/path` (at 100,000 posts, 10 MB not kept).
    let absolutePaths: [String?]
    /// A full-text index that answers searches for the posts it holds (a persistent cache), if any.
    package private(set) var searchIndex: (any PostSearchIndex)?
    /// Where each post's document is kept: in arrays made by `searching(with:documentIDs:)`, or in the
    /// store file's tables (`searching(with:)` of a mapped store: nothing made per post).
    private var documents: DocumentTables = .arrays(documentIDs: [], postOfDocument: [])
    /// The posts `searchIndex` holds.
    private(set) var indexedPosts = PostSet(capacity: 0)

    /// How a store finds its posts' documents and a document's post.
    private enum DocumentTables: Sendable {
        /// Post number by document (-1: no post); documents are small dense numbers, so an array serves.
        case arrays(documentIDs: [Int64?], postOfDocument: [Int32])
        case mapped(MappedPosts)
    }

    /// Each post's document in `searchIndex`, nil for a post the index does not hold (it is scanned).
    /// Made when asked for from a mapped store's file (a cache write or a patch asks; a reader does not).
    package var documentIDs: [Int64?] {
        switch documents {
        case let .arrays(documentIDs, _): return documentIDs
        case let .mapped(mapped): return (0..<mapped.count).map(mapped.document)
        }
    }

    /// The post whose document in `searchIndex` is `document`, if any.
    func post(ofDocument document: Int64) -> Int? {
        switch documents {
        case let .arrays(_, postOfDocument):
            guard document >= 0, document < postOfDocument.count else { return nil }
            let number = postOfDocument[Int(document)]
            return number >= 0 ? Int(number) : nil
        case let .mapped(mapped): return mapped.post(ofDocument: document)
        }
    }

    /// Loads the posts under `root`. `progress` hears (files read, files in all once the walk is done)
    /// from the workers, for a status line.
    package static func load(root: String, options: Options = Options(), inspector: any BodyInspector,
                            progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)? = nil) throws(OpenError) -> PostStore {
        try load(root: root, options: options, inspector: inspector, keepingFiles: false, progress: progress).store
    }

    /// What a first load keeps so that a cache can be written from it (BylineIndex) without reading
    /// every file's front matter again: for each of the store's posts only what the store does not
    /// hold itself, and the few files that gave the store no post as they were read.
    ///
    /// At 100,000 posts this is 4 MB. Keeping every file as read, beside the store, held 46 MB more at
    /// the peak of a first start (a second `Post` of every post, and each file's paths once more).
    package struct FirstRead: Sendable {
        /// One of the store's posts as its file gave it, beyond the store's own post.
        package struct Read: Sendable, Equatable {
            /// The file's stamp when it was opened (nil when there is none).
            package var stamp: FileStamp?
            /// The tags in the file's own spelling (the store shows each in the spelling most posts use;
            /// usually the same array, shared).
            package var tags: [String]
            /// What was wrong with the file (warnings: it gave a post).
            package var diagnostics: [Diagnostic]
        }

        /// For each of the store's posts, in store order.
        package var reads: [Read]
        /// Files that gave the store no post (could not be used, or drafts left out), in the order the
        /// walk found them.
        package var others: [LoadedFile]
        package var layout: SiteLayout
        /// The walk's own problems (the folder's, not one file's).
        package var folderDiagnostics: [Diagnostic]

        /// Post `number` of `store` as its file gave it (tags in the file's spelling), with its stamp and
        /// problems: what `load` read for it.
        package func file(_ number: Int, of store: PostStore) -> LoadedFile {
            var post = store.posts[number]
            post.tags = reads[number].tags
            return LoadedFile(path: post.path, absolutePath: store.absolutePath(of: number), stamp: reads[number].stamp, post: post,
                              diagnostics: reads[number].diagnostics)
        }
    }

    /// One file: where it is, its stamp when first opened (nil when it could not be), its post as read
    /// (drafts too, tags as the file spells them; nil when there is none) and what was wrong with it.
    package struct LoadedFile: Sendable {
        package var path: String
        package var absolutePath: String
        package var stamp: FileStamp?
        package var post: Post?
        package var diagnostics: [Diagnostic]
        package init(path: String, absolutePath: String, stamp: FileStamp?, post: Post?, diagnostics: [Diagnostic]) {
            self.path = path
            self.absolutePath = absolutePath
            self.stamp = stamp
            self.post = post
            self.diagnostics = diagnostics
        }
    }

    /// `load`, keeping what a cache is written from (`FirstRead`), so that it is written without reading
    /// every file's front matter a second time.
    package static func loadKeepingReads(root: String, options: Options = Options(), inspector: any BodyInspector,
                                        progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)? = nil)
        throws(OpenError) -> (store: PostStore, firstRead: FirstRead) {
        let loaded = try load(root: root, options: options, inspector: inspector, keepingFiles: true, progress: progress)
        return (loaded.store, loaded.firstRead!)
    }

    private static func load(root: String, options: Options, inspector: any BodyInspector, keepingFiles: Bool,
                             progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)?)
        throws(OpenError) -> (store: PostStore, firstRead: FirstRead?) {
        guard let real = realPath(root) else {
            throw OpenError(description: "\(root): no such folder")
        }
        var walked: (diagnostics: [Diagnostic], layout: SiteLayout)?
        let (posts, absolutePaths, diagnostics, reads, others, stubs) = loadPosts(options: options, inspector: inspector,
                                                                           keepingFiles: keepingFiles, progress: progress) { each in
            walked = PostFinder.walk(root: real, includeDrafts: options.includeDrafts, each: each)
        }
        let found = walked!
        // Diagnostics are sorted (stably), and no two candidates share a file: the order the walk found
        // them in, rather than by path, changes nothing.
        let store = finished(root: root, realRoot: real, layout: found.layout, posts: consume posts, absolutePaths: consume absolutePaths,
                             stubs: stubs, diagnostics: found.diagnostics + diagnostics)
        return (store, keepingFiles ? FirstRead(reads: reads, others: others, layout: found.layout, folderDiagnostics: found.diagnostics) : nil)
    }

    /// A store from files already read, in any order (the persistent cache's refresh): the same order,
    /// tag index, spellings and problems as `load` (a test holds the two to it).
    package static func assemble(root: String, realRoot real: String, layout: SiteLayout, entries: [LoadedFile],
                                finderDiagnostics: [Diagnostic], includeDrafts: Bool) -> PostStore {
        var loaded: [(post: Post, path: String)] = []
        var stubs: [Post] = []
        var diagnostics = finderDiagnostics
        for entry in entries {
            diagnostics += entry.diagnostics
            guard let post = entry.post else { continue }
            if post.redirect != nil {
                stubs.append(post)
                continue
            }
            guard includeDrafts || !post.draft else { continue }
            loaded.append((post, entry.absolutePath))
        }
        // Sort keys are worked out once per post, not once per comparison.
        let keys = loaded.map { Post.SortKey($0.post) }
        loaded = keys.indices.sorted { keys[$0] < keys[$1] }.map { loaded[$0] }
        return finished(root: root, realRoot: real, layout: layout, posts: loaded.map(\.post), absolutePaths: loaded.map(\.path),
                        stubs: stubs, diagnostics: diagnostics)
    }

    /// The store of `posts`, in store order, from their real files (`absolutePaths`) and the problems met:
    /// `load`'s and `assemble`'s last step, with the redirect stubs met (`RedirectStub`). The tag index,
    /// and the slug clashes, aliases and files, each read every post; they are worked out side by side.
    /// (The snapshot is gone before the posts are changed below, so they are not copied.)
    private static func finished(root: String, realRoot: String, layout: SiteLayout, posts: consuming [Post],
                                 absolutePaths: consuming [String], stubs: [Post], diagnostics: [Diagnostic]) -> PostStore {
        let index: TagIndex, languages: TagIndex, clashes: [Diagnostic], files: [String?], aliases: [String: Int], strays: [Diagnostic]
        do {
            let snapshot = posts, paths = consume absolutePaths
            ((index, languages), (clashes, files, (aliases, strays))) = ParallelMap.both({ (TagIndex(posts: snapshot), TagIndex(languagesOf: snapshot)) }, {
                (duplicateSlugWarnings(snapshot), compacted(paths, snapshot, realRoot), Self.aliases(of: snapshot, stubs: stubs))
            })
        }
        var diagnostics = diagnostics + clashes + strays
        diagnostics.sort { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
        spellTags(&posts, as: index)
        return PostStore(root: root, realRoot: realRoot, layout: layout, posts: PostList(posts), tags: index, languages: languages,
                         diagnostics: diagnostics, aliases: aliases, absolutePaths: files)
    }

    /// Each post shows every tag in the spelling most posts use (`load`'s and `assemble`'s). A blog has
    /// few distinct spellings, so each is looked up once; the posts are changed in place, not copied.
    /// A post whose tags are already spelled so keeps its array (shared with its `FirstRead`).
    private static func spellTags(_ posts: inout [Post], as index: TagIndex) {
        var displayNames: [String: String] = [:]
        func displayName(_ spelling: String) -> String {
            if let name = displayNames[spelling] { return name }
            let name = index.displayName(spelling)
            displayNames[spelling] = name
            return name
        }
        for number in posts.indices where !posts[number].tags.isEmpty {
            guard posts[number].tags.contains(where: { displayName($0) != $0 }) else { continue }
            posts[number].tags = posts[number].tags.map(displayName)
        }
    }

    /// Real paths with the usual `realRoot/path` left out (nil).
    private static func compacted(_ paths: [String], _ posts: [Post], _ realRoot: String) -> [String?] {
        zip(paths, posts).map { path, post in isUsualPath(path, of: post.path, in: realRoot) ? nil : path }
    }

    /// Whether `absolute` is `realRoot/relative`, compared by bytes without building the string (with
    /// `memcmp`: comparing the UTF-8 views element by element took 6 ms of a 10,000-post start, on one core).
    static func isUsualPath(_ absolute: String, of relative: String, in realRoot: String) -> Bool {
        var (absolute, relative, realRoot) = (absolute, relative, realRoot)
        guard absolute.utf8.count == realRoot.utf8.count + 1 + relative.utf8.count else { return false }
        return absolute.withUTF8 { a in
            realRoot.withUTF8 { root in
                relative.withUTF8 { r in
                    a[root.count] == UInt8(ascii: "/") && Self.equal(a[..<root.count], root) && Self.equal(a[(root.count + 1)...], r)
                }
            }
        }
    }

    private static func equal(_ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (b.isEmpty || memcmp(a.base.baseAddress! + a.startIndex, b.baseAddress!, b.count) == 0)
    }

    /// The posts of the candidates `walk` finds, in store order, and the diagnostics met on the way;
    /// when `keepingFiles`, what a cache is written from (`FirstRead`): each post's read, in store order,
    /// and the files that gave no post. Loading starts while the walk goes on; each worker also works out
    /// its post's sort key, so that the serial part only sorts.
    private static func loadPosts(options: Options, inspector: any BodyInspector, keepingFiles: Bool,
                                  progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)?,
                                  walk: (_ each: (PostFinder.Candidate) -> Void) -> Void)
        -> (posts: [Post], absolutePaths: [String], diagnostics: [Diagnostic], reads: [FirstRead.Read], others: [LoadedFile], stubs: [Post]) {
        let loader = PostLoader(inspector: inspector, readWholeFiles: options.readWholeFiles)
        var runs = PipelinedMap.map(state: { PostFile.FolderCache() }, transform: {
            folders, candidate -> (post: Post?, key: Post.SortKey?, diagnostics: [Diagnostic], absolutePath: String, stamp: FileStamp?,
                                   other: KeptFile?) in
            let (post, diagnostics, stamp) = loader.load(candidate, folders: folders)
            guard let post, post.redirect == nil, options.includeDrafts || !post.draft else {
                // A redirect stub is kept in any case: the store opens its target by its name.
                let keep = keepingFiles || post?.redirect != nil
                let other = keep ? KeptFile(LoadedFile(path: candidate.path, absolutePath: candidate.absolutePath, stamp: stamp,
                                                       post: post, diagnostics: diagnostics)) : nil
                return (nil, nil, diagnostics, candidate.absolutePath, nil, other)
            }
            return (post, Post.SortKey(post), diagnostics, candidate.absolutePath, stamp, nil)
        }, progress: progress, produce: walk)
        // Each result is taken apart in place: reading a field of an array element copies the whole
        // element (a post, its key, its diagnostics), with a retain and release of every string in it.
        let count = runs.reduce(0) { $0 + $1.count }
        var keys: [Post.SortKey] = [], posts: [Post] = [], paths: [String] = []
        keys.reserveCapacity(count)
        posts.reserveCapacity(count)
        paths.reserveCapacity(count)
        var diagnostics: [Diagnostic] = []
        var reads: [FirstRead.Read] = [], others: [LoadedFile] = [], stubs: [Post] = []
        if keepingFiles { reads.reserveCapacity(count) }
        for run in runs.indices {
            runs[run].withUnsafeMutableBufferPointer { results in
                for index in results.indices {
                    diagnostics += results[index].diagnostics
                    if let other = results[index].other.take() {
                        if let stub = other.file.post, stub.redirect != nil { stubs.append(stub) }
                        if keepingFiles { others.append(other.file) }
                    }
                    guard let key = results[index].key.take(), let post = results[index].post.take() else { continue }
                    keys.append(key)
                    if keepingFiles {
                        reads.append(FirstRead.Read(stamp: results[index].stamp, tags: post.tags, diagnostics: results[index].diagnostics))
                    }
                    posts.append(post)
                    paths.append(results[index].absolutePath)
                }
            }
            runs[run] = []
        }
        // Compared in place in the buffer: indexing the array copied both keys for each comparison.
        let order = keys.withUnsafeBufferPointer { keys in keys.indices.sorted { keys[$0] < keys[$1] } }
        keys = []
        permute(&posts, &paths, &reads, into: order)
        return (posts, paths, diagnostics, reads, others, stubs)
    }

    /// A file that gave the store no post, kept for a cache, boxed: a result of the parallel load holds
    /// 8 bytes for it, not the file's 180 (the usual file gives a post, and none is kept).
    private final class KeptFile: Sendable {
        let file: LoadedFile
        init(_ file: LoadedFile) { self.file = file }
    }

    /// Puts `order[i]`'s element at `i` in the arrays (`reads` may be empty), by swaps along each cycle
    /// of the permutation: no second array of 100,000 posts at the peak of the load. The swaps move the
    /// values in their buffers (`Array.swapAt` copies them, with a retain and release of every string).
    private static func permute(_ posts: inout [Post], _ paths: inout [String], _ reads: inout [FirstRead.Read], into order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        let withReads = !reads.isEmpty
        posts.withUnsafeMutableBufferPointer { posts in
            paths.withUnsafeMutableBufferPointer { paths in
                reads.withUnsafeMutableBufferPointer { reads in
                    for start in order.indices where !placed[start] {
                        var current = start
                        while order[current] != start {
                            posts.swapAt(current, order[current])
                            paths.swapAt(current, order[current])
                            if withReads { reads.swapAt(current, order[current]) }
                            placed[current] = true
                            current = order[current]
                        }
                        placed[current] = true
                    }
                }
            }
        }
    }

    /// A store whose posts are in order, tags in display spelling and tag index built (the loader's,
    /// `assemble`'s and a snapshot's).
    init(root: String, realRoot: String, layout: SiteLayout, posts: PostList, tags: TagIndex, languages: TagIndex,
         diagnostics: [Diagnostic], aliases: [String: Int] = [:], absolutePaths: [String?]) {
        self.posts = posts
        self.aliases = aliases
        self.root = root
        self.realRoot = realRoot
        self.layout = layout
        self.tags = tags
        self.languages = languages
        self.diagnostics = diagnostics
        self.absolutePaths = absolutePaths
    }

    /// Two posts of one language answering to one slug make `show SLUG` ambiguous; translations of a
    /// post share its slug, and are not a clash. Only slugs met twice are grouped, and only their (rare)
    /// clashes are sorted.
    private static func duplicateSlugWarnings(_ posts: [Post]) -> [Diagnostic] {
        var seen = Set<String>(minimumCapacity: posts.count)
        var clashing: Set<String> = []
        // By index into the buffer: `for post in posts` copied every post (a retain and release of each string).
        posts.withUnsafeBufferPointer { posts in
            for number in posts.indices where !seen.insert(posts[number].slug).inserted { clashing.insert(posts[number].slug) }
        }
        guard !clashing.isEmpty else { return [] }
        var paths: [SlugInLanguage: [String]] = [:]
        for post in posts where clashing.contains(post.slug) {
            paths[SlugInLanguage(slug: post.slug, language: post.language), default: []].append(post.path)
        }
        var warnings: [Diagnostic] = []
        for (key, clash) in paths where clash.count > 1 {
            let slug = key.slug
            let sorted = clash.sorted()
            for path in sorted.dropFirst() {
                warnings.append(Diagnostic(file: path, severity: .warning, kind: .duplicateSlug, message: "slug \"\(slug)\" is also used by \(sorted[0])"))
            }
        }
        return warnings
    }

    private struct SlugInLanguage: Hashable {
        var slug: String
        var language: String?
    }

    /// The old names of `posts` (store order) and of the redirect stubs that point to one of them, and a
    /// warning for each stub that points to no post. Only posts with old names are looked at, and the
    /// posts' slugs only when there are stubs.
    private static func aliases(of posts: [Post], stubs: [Post]) -> ([String: Int], [Diagnostic]) {
        var aliases: [String: Int] = [:]
        posts.withUnsafeBufferPointer { posts in
            for number in posts.indices where !posts[number].aliases.isEmpty {
                for alias in posts[number].aliases where aliases[alias] == nil { aliases[alias] = number }
            }
        }
        guard !stubs.isEmpty else { return (aliases, []) }
        var slugs: [String: Int] = [:]
        for (number, post) in posts.enumerated() where slugs[post.slug.lowercased()] == nil { slugs[post.slug.lowercased()] = number }
        var warnings: [Diagnostic] = []
        // By path, so that of two stubs of one name the same one wins however the files were met.
        for stub in stubs.sorted(by: { $0.path < $1.path }) {
            guard let redirect = stub.redirect else { continue }
            let key = redirect.target.flatMap(RedirectStub.slug)
            guard let key, let target = slugs[key] ?? aliases[key] else {
                let message = redirect.target.map { "redirect stub to \"\($0.prefix(200))\", which is no post of this blog; not listed" }
                    ?? "redirect stub with old URLs (`aliases`, `redirect_from`) but no title, body or target; not listed"
                warnings.append(Diagnostic(file: stub.path, line: redirect.line, severity: .warning, kind: .redirectTarget, message: message))
                continue
            }
            let name = stub.slug.lowercased()
            if slugs[name] == nil, aliases[name] == nil { aliases[name] = target }
        }
        return (aliases, warnings)
    }

    // MARK: The search index and other stores (queries: PostStore+Queries.swift)

    /// The same store answering searches from `index` for the posts it holds (`documentIDs[n]`).
    package func searching(with index: any PostSearchIndex, documentIDs: [Int64?]) -> PostStore {
        precondition(documentIDs.count == posts.count, "one document slot per post")
        var store = self
        store.searchIndex = index
        let largest = documentIDs.lazy.compactMap { $0 }.max() ?? -1
        precondition(largest < Int64(Int32.max), "documents are numbered densely")
        var postOfDocument = [Int32](repeating: -1, count: Int(largest + 1))
        store.indexedPosts = PostSet(capacity: posts.count)
        for (number, document) in documentIDs.enumerated() {
            if let document, document >= 0 {
                postOfDocument[Int(document)] = Int32(number)
                store.indexedPosts.insert(number)
            }
        }
        store.documents = .arrays(documentIDs: documentIDs, postOfDocument: postOfDocument)
        return store
    }

    /// A store read from a store file (`MappedStore`) answering searches from `index` with the
    /// documents the file records: its tables are read where they lie, nothing is made per post.
    package func searching(with index: any PostSearchIndex) -> PostStore {
        guard let mapped = posts.mapped else { preconditionFailure("a store read from a store file") }
        var store = self
        store.searchIndex = index
        store.documents = .mapped(mapped)
        store.indexedPosts = mapped.indexed
        return store
    }

    /// Every post's real file, nil for the usual `realRoot/path`, as one array (a patch copies it).
    var allAbsolutePaths: [String?] {
        guard let mapped = posts.mapped else { return absolutePaths }
        return (0..<mapped.count).map(mapped.absolutePath)
    }

    /// A mapped store's post `number`'s real file when it is not the usual one.
    func mappedAbsolutePath(_ number: Int) -> String? { posts.mapped?.absolutePath(number) }

    /// Whether `other` holds this store's very posts (the same array, not merely equal ones), as the
    /// store a cache build hands over does: post numbers then mean the same posts in both.
    package func holdsSamePosts(as other: PostStore) -> Bool {
        posts.isSameStorage(as: other.posts)
    }
}
