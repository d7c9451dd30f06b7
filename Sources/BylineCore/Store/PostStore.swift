import Dispatch

/// The posts of one folder, newest first, with their tag index and everything that was wrong on the way.
///
/// Loading reads only front matter (and a first paragraph when the summary is missing), on all cores.
/// Bodies are read on demand. Drafts are left out unless asked for. The store never writes anything.
public struct PostStore: Sendable {
    /// How to load.
    public struct Options: Sendable {
        /// Include drafts (`draft: true`, `published: false`, and Jekyll's `_drafts/`).
        public var includeDrafts = false
        /// Read whole files to find every bad byte (for `check`); slower.
        public var readWholeFiles = false
        public init(includeDrafts: Bool = false, readWholeFiles: Bool = false) {
            self.includeDrafts = includeDrafts
            self.readWholeFiles = readWholeFiles
        }
    }

    /// Why a store could not be opened at all.
    public struct OpenError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// The folder as given.
    public let root: String
    /// The folder with symlinks resolved; every post file is under it.
    public let realRoot: String
    public let layout: SiteLayout
    /// Newest first; a post's number is its position here.
    public let posts: [Post]
    public let tags: TagIndex
    /// Problems, sorted by file then line.
    public let diagnostics: [Diagnostic]
    private let absolutePaths: [String]

    /// Loads the posts under `root`.
    public static func load(root: String, options: Options = Options(), inspector: any BodyInspector) throws(OpenError) -> PostStore {
        guard let real = realPath(root) else {
            throw OpenError(description: "\(root): no such folder")
        }
        var walked: (diagnostics: [Diagnostic], layout: SiteLayout)?
        var (posts, absolutePaths, diagnostics) = loadPosts(options: options, inspector: inspector) { each in
            walked = PostFinder.walk(root: real, includeDrafts: options.includeDrafts, each: each)
        }
        let found = walked!
        // Diagnostics are sorted below (stably), and no two candidates share a file: the order the walk
        // found them in, rather than by path, changes nothing.
        // The tag index and the slug clashes each read every post; they are worked out side by side.
        // (The snapshot is gone before the posts are changed below, so they are not copied.)
        let index: TagIndex, clashes: [Diagnostic]
        do {
            let snapshot = posts
            (index, clashes) = ParallelMap.both({ TagIndex(posts: snapshot) }, { duplicateSlugWarnings(snapshot) })
        }
        diagnostics = found.diagnostics + diagnostics + clashes
        diagnostics.sort { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
        // Each post shows every tag in the spelling most posts use. A blog has few distinct spellings,
        // so each is looked up once; the posts are changed in place, not copied.
        var displayNames: [String: String] = [:]
        for number in posts.indices where !posts[number].tags.isEmpty {
            posts[number].tags = posts[number].tags.map { spelling in
                if let name = displayNames[spelling] { return name }
                guard let name = index.tag(named: spelling)?.name else { return spelling }
                displayNames[spelling] = name
                return name
            }
        }
        return PostStore(root: root, realRoot: real, layout: found.layout, posts: posts, tags: index,
                         diagnostics: diagnostics, absolutePaths: absolutePaths)
    }

    /// The posts of the candidates `walk` finds, in store order with their files, and the diagnostics met
    /// on the way. Loading starts while the walk goes on; each worker also works out its post's sort key,
    /// so that the serial part only sorts.
    private static func loadPosts(options: Options, inspector: any BodyInspector,
                                  walk: (_ each: (PostFinder.Candidate) -> Void) -> Void)
        -> (posts: [Post], absolutePaths: [String], diagnostics: [Diagnostic]) {
        let loader = PostLoader(inspector: inspector, readWholeFiles: options.readWholeFiles)
        var runs = PipelinedMap.map(state: { PostFile.FolderCache() }, transform: {
            folders, candidate -> (post: Post?, key: Post.SortKey?, diagnostics: [Diagnostic], absolutePath: String) in
            let (post, diagnostics) = loader.load(candidate, folders: folders)
            guard let post, options.includeDrafts || !post.draft else { return (nil, nil, diagnostics, candidate.absolutePath) }
            return (post, Post.SortKey(post), diagnostics, candidate.absolutePath)
        }, produce: walk)
        // Each result is taken apart in place: reading a field of an array element copies the whole
        // element (a post, its key, its diagnostics), with a retain and release of every string in it.
        let count = runs.reduce(0) { $0 + $1.count }
        var keys: [Post.SortKey] = [], posts: [Post] = [], paths: [String] = []
        keys.reserveCapacity(count)
        posts.reserveCapacity(count)
        paths.reserveCapacity(count)
        var diagnostics: [Diagnostic] = []
        for run in runs.indices {
            runs[run].withUnsafeMutableBufferPointer { results in
                for index in results.indices {
                    diagnostics += results[index].diagnostics
                    guard let key = results[index].key.take(), let post = results[index].post.take() else { continue }
                    keys.append(key)
                    posts.append(post)
                    paths.append(results[index].absolutePath)
                }
            }
            runs[run] = []
        }
        // Compared in place in the buffer: indexing the array copied both keys for each comparison.
        let order = keys.withUnsafeBufferPointer { keys in keys.indices.sorted { keys[$0] < keys[$1] } }
        keys = []
        permute(&posts, &paths, into: order)
        return (posts, paths, diagnostics)
    }

    /// Puts `order[i]`'s element at `i` in both arrays, by swaps along each cycle of the permutation:
    /// no second array of 100,000 posts at the peak of the load. The swaps move the values in their
    /// buffers (`Array.swapAt` copies them, with a retain and release of every string).
    private static func permute(_ posts: inout [Post], _ paths: inout [String], into order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        posts.withUnsafeMutableBufferPointer { posts in
            paths.withUnsafeMutableBufferPointer { paths in
                for start in order.indices where !placed[start] {
                    var current = start
                    while order[current] != start {
                        posts.swapAt(current, order[current])
                        paths.swapAt(current, order[current])
                        placed[current] = true
                        current = order[current]
                    }
                    placed[current] = true
                }
            }
        }
    }

    private init(root: String, realRoot: String, layout: SiteLayout, posts: [Post], tags: TagIndex, diagnostics: [Diagnostic],
                 absolutePaths: [String]) {
        self.root = root
        self.realRoot = realRoot
        self.layout = layout
        self.tags = tags
        self.posts = posts
        self.diagnostics = diagnostics
        self.absolutePaths = absolutePaths
    }

    /// Two posts answering to one slug make `show SLUG` ambiguous. Only slugs met twice are grouped,
    /// and only their (rare) clashes are sorted.
    private static func duplicateSlugWarnings(_ posts: [Post]) -> [Diagnostic] {
        var seen = Set<String>(minimumCapacity: posts.count)
        var clashing: Set<String> = []
        // By index into the buffer: `for post in posts` copied every post (a retain and release of each string).
        posts.withUnsafeBufferPointer { posts in
            for number in posts.indices where !seen.insert(posts[number].slug).inserted { clashing.insert(posts[number].slug) }
        }
        guard !clashing.isEmpty else { return [] }
        var paths: [String: [String]] = [:]
        for post in posts where clashing.contains(post.slug) { paths[post.slug, default: []].append(post.path) }
        var warnings: [Diagnostic] = []
        for (slug, clash) in paths where clash.count > 1 {
            let sorted = clash.sorted()
            for path in sorted.dropFirst() {
                warnings.append(Diagnostic(file: path, severity: .warning, message: "slug \"\(slug)\" is also used by \(sorted[0])"))
            }
        }
        return warnings
    }

    // MARK: Queries

    /// The numbers of the posts that the query's tags allow, newest first, without the search.
    public func tagMatches(_ query: PostQuery) -> PostSet {
        var result = PostSet.all(posts.count)
        let required = query.requiredTags.map { tags.tag(named: $0)?.posts ?? PostSet(capacity: posts.count) }
        if !required.isEmpty {
            switch query.match {
            case .all: result = required.reduce(result) { $0.intersection($1) }
            case .any: result = required.reduce(PostSet(capacity: posts.count)) { $0.union($1) }
            }
        }
        for name in query.excludedTags {
            if let tag = tags.tag(named: name) { result = result.subtracting(tag.posts) }
        }
        return result
    }

    /// The posts the whole query leaves, newest first. Searching reads the bodies of the candidates.
    public func matches(_ query: PostQuery) -> [Int] {
        matches(query, cancelled: { false }) ?? []
    }

    /// The same, giving up (nil) as soon as `cancelled` says so: a search superseded by the next
    /// keystroke stops reading bodies instead of competing with it.
    public func matches(_ query: PostQuery, cancelled: @escaping @Sendable () -> Bool) -> [Int]? {
        let candidates = Array(tagMatches(query))
        let words = query.searchWords
        guard !words.isEmpty else { return candidates }
        let keep = ParallelMap.map(candidates) { number in
            !cancelled() && self.post(number, containsAll: words)
        }
        guard !cancelled() else { return nil }
        return zip(candidates, keep).compactMap { $1 ? $0 : nil }
    }

    private func post(_ number: Int, containsAll words: [String]) -> Bool {
        let post = posts[number]
        let heading = ([post.title, post.summary] + post.tags).joined(separator: "\n").lowercased()
        var missing = words.filter { !TextSearch.contains(heading, $0) }
        guard !missing.isEmpty else { return true }
        guard case let .success(body) = body(of: number) else { return false }
        // ASCII words are matched against the body with only its ASCII letters folded, a byte pass;
        // Unicode lower-casing of a whole body (CJK, emoji) costs ten times as much and is done only
        // when a word needs it.
        let folded = TextSearch.foldingASCII(body)
        missing.removeAll { $0.utf8.allSatisfy { $0 < 0x80 } && TextSearch.contains(folded, $0) }
        guard !missing.isEmpty else { return true }
        let text = body.lowercased()
        missing.removeAll { TextSearch.contains(text, $0) }
        return missing.isEmpty
    }

    // MARK: Posts and bodies

    /// The post with this slug, or at this path (relative to the folder, or absolute inside it).
    public func number(of slugOrPath: String) -> Int? {
        if let exact = posts.firstIndex(where: { $0.slug == slugOrPath }) { return exact }
        if let path = posts.firstIndex(where: { $0.path == slugOrPath }) { return path }
        if let real = realPath(slugOrPath), let index = absolutePaths.firstIndex(of: real) { return index }
        let lowered = slugOrPath.lowercased()
        return posts.firstIndex { $0.slug.lowercased() == lowered }
    }

    /// The body of post `number`: everything after its front matter, as clean UTF-8 with LF line ends.
    public func body(of number: Int) -> Result<String, PostFile.ReadError> {
        PostLoader.body(at: absolutePaths[number])
    }

    /// Words in the body: runs of non-blank characters that hold a letter or digit (markup alone is no word).
    public func wordCount(of number: Int) -> Int? {
        guard case let .success(body) = body(of: number) else { return nil }
        return WordCount.count(body)
    }

    /// Word counts of many posts, read on all cores.
    public func wordCounts(of numbers: [Int]) -> [Int?] {
        ParallelMap.map(numbers) { self.wordCount(of: $0) }
    }
}
