import ArgumentParser
import BylineCore
import BylineIndex
import BylineMarkdown
import BylineRuntime
import BylineTerminal
import BylineVisitor
#if canImport(Glibc)
import Glibc
#endif

/// The reader's start, from `ReadCommand`'s options as plain values (no property wrappers), which
/// is what the reader and its tests need of the command line.
struct ReaderLaunch: Equatable {
    var path: String?
    var drafts = false
    var cacheDir: String?
    var noCache = false
    var stateDir: String?
    var noState = false
    var theme = "dark"
    var restricted = false
    var idleTimeout: Int?
    /// `--max-sessions`: at most this many readers of the blog at once (`SessionLimit`); nil for no limit.
    var maxSessions: Int?
    var hyperlinks = HyperlinkChoice.auto
    var noMouse = false
    /// `--verbose`: how the folder is watched, and each reload, on the status line and after the session.
    var verbose = false

    /// The folder to read: the argument, else `./posts` when it exists, else `.`.
    var resolvedPath: String { path ?? PostsFolder.defaultPath() }

    func validate() throws {
        if Theme.named(theme) == nil { throw ValidationError("unknown theme \"\(theme)\" (\(Theme.names.joined(separator: ", ")))") }
        if let idleTimeout, !Self.idleTimeoutRange.contains(idleTimeout) {
            throw ValidationError("--idle-timeout must be between \(Self.idleTimeoutRange.lowerBound) and "
                                  + "\(Self.idleTimeoutRange.upperBound) seconds")
        }
        if let maxSessions, !SessionLimit.range.contains(maxSessions) {
            throw ValidationError("--max-sessions must be between \(SessionLimit.range.lowerBound) and \(SessionLimit.range.upperBound)")
        }
    }

    /// Seconds `--idle-timeout` accepts: up to a week, which is as good as never for one session. The
    /// line reader (TERM=dumb) waits in `poll`, whose milliseconds are an Int32: 3,000,000 seconds
    /// trapped there before this bound.
    static let idleTimeoutRange = 1...(7 * 24 * 60 * 60)

    /// Restricted by the flag or by the environment (for configurations that cannot pass flags).
    var isRestricted: Bool { restricted || Environment.value("BYLINE_RESTRICTED") == "1" }

    /// Default idle limit for strangers: half an hour.
    static let restrictedIdleTimeout = 1800

    func run() throws {
        if isRestricted { RuntimeCrashReports.turnOff() }
        if isRestricted, VisitorRequest.isAsked(Environment.value("SSH_ORIGINAL_COMMAND")) {
            Console.out(VisitorRequest.answer(VisitorIdentity.current()))
            return
        }
        guard let real = realPath(resolvedPath) else {
            throw Console.failure("\(resolvedPath): no such folder")
        }
        // Before the blog is loaded and the terminal set up: a refused visitor costs nothing and reads one line.
        let slot = try maxSessions.map { try SessionLimit(limit: $0, realRoot: real, launch: self).admit() }
        defer { withExtendedLifetime(slot) {} }
        // A large blog is read through its cache (written unless restricted); see `byline index`.
        let file = CacheOptions.file(forFolder: real, includeDrafts: drafts, directory: cacheDir, noCache: noCache)
        let blog = CachedBlog(root: resolvedPath, includeDrafts: drafts, inspector: CmarkBodyInspector(),
                              policy: .init(path: file, writable: !isRestricted))
        let deepLink = DeepLink.parse(Environment.value("SSH_ORIGINAL_COMMAND"))
        let interactive = isatty(0) == 1 && isatty(1) == 1 && Environment.value("TERM") != "dumb"
        guard interactive else {
            // Loading a large blog takes seconds, and nothing here reads or writes the visitor meanwhile:
            // the watch ends the process when they go (`ssh -T` disconnected), not an orphan at full CPU.
            let watch = HangupWatch(watching: Self.visitorDescriptors)
            defer { watch.stop() }
            // No cursor addressing: the whole store first (fresh, never written), then a listing or the line reader.
            try runWithoutScreen(PostsFolder.orExit { () throws(PostStore.OpenError) in try blog.freshStore(startingFrom: blog.cachedStore()) })
            return
        }
        let name = real.split(separator: "/").last.map(String.init) ?? resolvedPath
        var chosen = Theme.named(theme) ?? .dark
        if !(Environment.value("NO_COLOR") ?? "").isEmpty { chosen = chosen.withoutColors }
        // The screen first, from the cache's store; the folder is read for changes behind it.
        let first = FirstStore(cached: blog.cachedStore(),
                               empty: PostStore.assemble(root: resolvedPath, realRoot: real, layout: .plain, entries: [],
                                                         finderDiagnostics: [], includeDrafts: drafts))
        let visitorState = isRestricted ? VisitorState(folder: real, stateDir: noState ? nil : stateDir) : nil
        let stateFile = visitorState?.file
            ?? (isRestricted ? nil : StateOptions.file(forFolder: real, directory: stateDir, noState: noState, restricted: false))
        // The folder is watched while the reader runs, a visitor's too (live reload).
        let log = ReloadLog()
        let watching = FolderWatching(folder: resolvedPath, includeDrafts: drafts, verbose: verbose, report: log.add)
        let status = ReaderApp(first: first, blog: blog, blogName: name, theme: chosen, deepLink: deepLink, idleTimeout: idle,
                               mouse: !noMouse, hyperlinks: hyperlinks.isOn(toTerminal: true), watching: watching,
                               readingState: stateFile.map { ReadingStateFile(path: $0, maximumBytes: visitorState?.maximumBytes,
                                                                                seenPath: visitorState?.seenFile) },
                               afterFirstScreen: visitorState?.afterFirstScreen).run()
        if verbose { for line in log.lines { Console.error(line) } }
        if status != 0 { throw ExitCode(status) }
    }

    /// Where a visitor without a full screen hangs up: standard output (its reader gone: the pipe or
    /// socket sshd gave reports POLLERR or POLLHUP), and standard input when it is a terminal (TERM=dumb).
    /// Standard input that is not a terminal is not watched: at its end (`ssh -T host < /dev/null`)
    /// the visitor is still there to read the listing.
    static var visitorDescriptors: [Int32] { isatty(0) == 1 ? [0, 1] : [1] }

    private var idle: Int? { idleTimeout ?? (isRestricted ? Self.restrictedIdleTimeout : nil) }

    /// No terminal (ssh -T, a pipe): a plain listing serves better than an error; TERM=dumb: a numbered,
    /// line-by-line reader.
    private func runWithoutScreen(_ store: PostStore) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            Console.out(store.posts.map(PostListText.block).joined(separator: "\n"))
            if !isRestricted { Console.mentionProblems(store, folder: resolvedPath) }
            return
        }
        let name = store.realRoot.split(separator: "/").last.map(String.init) ?? resolvedPath
        DumbTerminalSession(store: store, blogName: name, idleTimeout: idle).run()
    }
}
