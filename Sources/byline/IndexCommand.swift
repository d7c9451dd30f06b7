#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BylineCore
import BylineIndex
import BylineMarkdown

/// `byline index PATH`: builds or refreshes the folder's cache ahead of time, so the reader's first
/// screen comes from it and searches read no bodies. The reader keeps it fresh on its own afterwards.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or refresh the cache of a (large) blog ahead of time.",
        discussion: """
        The cache is one SQLite file per folder: every post's front matter, keyed by path, size and \
        modification time, and a full-text index of every post's words; beside it, a store file that every \
        reader of the blog maps and shares (one copy in memory however many SSH visitors read it), \
        replaced whole by renaming, so a reader sees the old store or the new one, never half. The reader \
        shows the first screen from it and refreshes it in the background; it starts one by itself for \
        blogs of 1,000 posts or more. In --restricted mode the reader reads a fresh cache and writes none.
        """
    )

    @OptionGroup var folder: FolderOptions
    @Option(help: ArgumentHelp("Keep the cache here (default: $XDG_CACHE_HOME/byline, else ~/.cache/byline).", valueName: "DIR"))
    var cacheDir: String?

    func run() throws {
        let started = Monotonic.seconds()
        guard let real = realPath(folder.resolvedPath) else {
            throw Console.failure("\(folder.resolvedPath): no such folder")
        }
        guard let path = CacheOptions.file(forFolder: real, includeDrafts: folder.drafts, directory: cacheDir) else {
            throw Console.failure("no place for a cache: set XDG_CACHE_HOME or HOME, or pass --cache-dir", status: 1)
        }
        let blog = CachedBlog(root: folder.resolvedPath, includeDrafts: folder.drafts, inspector: CmarkBodyInspector(),
                              policy: .init(path: path, writable: true, minimumPosts: 0))
        let cached = blog.cachedStore()
        if let problem = blog.problem ?? blog.storeFileProblem { Console.error("\(problem); building it anew") }
        let progress = Progress(shown: isatty(2) == 1)
        let scan = try PostsFolder.orExit { () throws(PostStore.OpenError) in try blog.scan { progress.show("reading", $0, $1) } }
        let store = blog.currentStore(scan, cached: cached)
        let outcome = blog.persist(scan, store: store) { progress.show("indexing", $0, $1) }.outcome
        progress.clear()
        let tenths = Int(((Monotonic.seconds() - started) * 10).rounded())
        let seconds = "\(tenths / 10).\(tenths % 10)"
        switch outcome {
        case .unchanged, .notWritten:
            Console.out("\(path): up to date, \(store.posts.count) posts (\(seconds) s)\n")
        case let .updated(files):
            Console.out("\(path): \(files) changed files read, \(store.posts.count) posts (\(seconds) s)\n")
        case let .built(posts):
            Console.out("\(path): built, \(posts) posts (\(seconds) s)\n")
        case let .failed(message):
            throw Console.failure(message, status: 1)
        }
        Console.mentionProblems(store, folder: folder.resolvedPath)
    }

    /// One line on standard error, rewritten in place, when it is a terminal.
    final class Progress {
        let shown: Bool
        var last = 0.0
        init(shown: Bool) { self.shown = shown }
        func show(_ verb: String, _ done: Int, _ total: Int) {
            guard shown, Monotonic.seconds() - last > 0.1 || done == total else { return }
            last = Monotonic.seconds()
            FileHandleOut.standardError.write("\r\u{1B}[K\(verb) \(done) of \(total)")
        }
        func clear() { if shown { FileHandleOut.standardError.write("\r\u{1B}[K") } }
    }
}
