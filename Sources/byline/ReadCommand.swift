import ArgumentParser
import BylineCore
import BylineIndex
import BylineMarkdown
#if canImport(Glibc)
import Glibc
#endif

/// `byline [PATH]`: the interactive reader: tags, results and preview, driven by the keyboard.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader on a posts folder (the default command).",
        discussion: """
        --restricted (or BYLINE_RESTRICTED=1) is for serving a blog over SSH as an OpenSSH ForceCommand: \
        byline reads only PATH, starts no program, writes nothing, ends idle sessions, and takes from the \
        client only a deep link in SSH_ORIGINAL_COMMAND (tag:NAME, post:SLUG or search:WORDS). See docs/ssh.md.
        """
    )

    @OptionGroup var folder: FolderOptions
    @OptionGroup var cache: CacheOptions

    @Option(help: ArgumentHelp("Theme: \(Theme.names.joined(separator: ", ")). NO_COLOR keeps the attributes, drops colour.", valueName: "NAME"))
    var theme: String = "dark"

    @Flag(help: "Serve a stranger safely (for an SSH ForceCommand); also BYLINE_RESTRICTED=1.")
    var restricted = false

    @Option(help: ArgumentHelp("End the session after this many seconds without a key (default: 1800 when restricted, else never).",
                               valueName: "SECONDS"))
    var idleTimeout: Int?

    func validate() throws {
        if Theme.named(theme) == nil { throw ValidationError("unknown theme \"\(theme)\" (\(Theme.names.joined(separator: ", ")))") }
        if let idleTimeout, idleTimeout < 1 { throw ValidationError("--idle-timeout must be at least 1 second") }
    }

    /// Restricted by the flag or by the environment (for configurations that cannot pass flags).
    var isRestricted: Bool { restricted || Environment.value("BYLINE_RESTRICTED") == "1" }

    /// Default idle limit for strangers: half an hour.
    static let restrictedIdleTimeout = 1800

    func run() throws {
        guard let real = realPath(folder.resolvedPath) else {
            Console.error("\(folder.resolvedPath): no such folder")
            throw ExitCode(2)
        }
        // A large blog is read through its cache (written unless restricted); see `byline index`.
        let blog = CachedBlog(root: folder.resolvedPath, includeDrafts: folder.drafts, inspector: CmarkBodyInspector(),
                              policy: .init(path: cache.file(forFolder: real, includeDrafts: folder.drafts), writable: !isRestricted))
        let deepLink = DeepLink.parse(Environment.value("SSH_ORIGINAL_COMMAND"))
        let interactive = isatty(0) == 1 && isatty(1) == 1 && Environment.value("TERM") != "dumb"
        guard interactive else {
            // No cursor addressing: the whole store first (fresh, never written), then a listing or the line reader.
            try runWithoutScreen(PostsFolder.freshStore(blog, startingFrom: blog.cachedStore()))
            return
        }
        let name = real.split(separator: "/").last.map(String.init) ?? folder.resolvedPath
        var chosen = Theme.named(theme) ?? .dark
        if !(Environment.value("NO_COLOR") ?? "").isEmpty { chosen = chosen.withoutColors }
        // The screen first: of a large cache only the posts a first screen lists are decoded before it.
        let first = FirstStore(cached: blog.cachedStore(firstPosts: StoreSnapshot.firstScreenPosts),
                               empty: PostStore.assemble(root: folder.resolvedPath, realRoot: real, layout: .plain, entries: [],
                                                         finderDiagnostics: [], includeDrafts: folder.drafts))
        let status = ReaderApp(first: first, blog: blog, blogName: name, theme: chosen, deepLink: deepLink, idleTimeout: idle).run()
        if status != 0 { throw ExitCode(status) }
    }

    private var idle: Int? { idleTimeout ?? (isRestricted ? Self.restrictedIdleTimeout : nil) }

    /// No terminal (ssh -T, a pipe): a plain listing serves better than an error; TERM=dumb: a numbered,
    /// line-by-line reader.
    private func runWithoutScreen(_ store: PostStore) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            Console.out(store.posts.map(PostListText.block).joined(separator: "\n"))
            if !isRestricted { Console.mentionProblems(store, folder: folder.resolvedPath) }
            return
        }
        let name = store.realRoot.split(separator: "/").last.map(String.init) ?? folder.resolvedPath
        DumbTerminalSession(store: store, blogName: name, idleTimeout: idle).run()
    }
}
