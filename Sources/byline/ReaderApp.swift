import BylineCore
import BylineIndex
import BylineRuntime
import BylineTerminal

/// The interactive reader: the ncurses terminal wired to the runtime (`ReaderRuntime`), which does
/// the rest. Everything the user sees is decided in BylineCore.
struct ReaderApp {
    /// The first store shown: the cache's, or an empty one while the folder loads.
    let first: FirstStore
    /// The blog behind it, loaded and refreshed in the background; nil when the first store is complete.
    var blog: CachedBlog?
    let blogName: String
    let theme: Theme
    /// Where an SSH reader asked to start, if anywhere.
    var deepLink: DeepLink?
    /// Seconds without a key after which the session ends; nil for never.
    var idleTimeout: Int?
    /// Whether the mouse is reported (`--no-mouse` leaves it to the terminal).
    var mouse = true
    /// Whether links are OSC 8 hyperlinks (`--hyperlinks`, resolved).
    var hyperlinks = false
    /// The folder watched for changes while the reader runs (live reload); nil for none.
    var watching: FolderWatching?
    /// Where the blog's reading state is kept; nil for none (`--no-state`, restricted without a keyed visitor and `--state-dir`).
    var readingState: ReadingStateFile?
    /// Started once the first screen is out (an SSH visitor's session prunes other visitors' folders).
    var afterFirstScreen: (() -> Void)?

    /// Runs until the user quits or the terminal goes away; returns the exit status.
    func run() -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal.start(theme: theme, mouse: mouse, hyperlinks: hyperlinks)
        } catch {
            Console.error("cannot start the terminal interface: \(error)")
            return 1
        }
        let start: BlogStart = blog == nil ? .complete : first.fromCache ? .refresh : .load
        let state = AppState(store: first.take(), blogName: blogName, width: terminal.width, height: terminal.height, glyphs: theme.glyphs,
                             readerLanguage: LanguageTag.ofLocale(Environment.value))
        let backend: any TerminalBackend = afterFirstScreen.map { AfterFirstPaint(terminal, then: $0) } ?? terminal
        let runtime = ReaderRuntime(state: state, backend: backend, performers: .live(blog: blog, state: readingState, changes: watching?.changes),
                                    idleTimeout: idleTimeout, deepLink: deepLink, watching: blog == nil ? nil : watching)
        let ending = runtime.run(start: start)
        terminal.stop()
        if case let .idle(seconds) = ending {
            Console.out("byline: closed after \(seconds / 60 > 0 ? "\(seconds / 60) minutes" : "\(seconds) seconds") without a key\n")
        }
        return ending.status
    }
}

/// The first store, handed from the command to the reader's state once: nothing else keeps it, so when
/// a later store replaces it (a refresh), its memory goes. The reader kept it for the whole session
/// before: the whole of a store that a refresh had replaced.
final class FirstStore {
    private var store: PostStore?
    /// Whether it is the cache's (only changed files are then read), not an empty one while the folder loads.
    let fromCache: Bool

    init(cached: PostStore?, empty: @autoclosure () -> PostStore) {
        fromCache = cached != nil
        store = cached ?? empty()
    }

    /// The store; once.
    func take() -> PostStore {
        defer { store = nil }
        return store!
    }
}
