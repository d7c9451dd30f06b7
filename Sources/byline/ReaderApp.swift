#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTerminal

/// The interactive reader's runtime: reads keys, feeds actions to the pure reducer, performs the
/// effects it asks for, and paints each new frame. Everything the user sees is decided in BylineCore.
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

    /// Milliseconds between wake-ups when no key arrives, to notice signals, idleness and a vanished terminal.
    static let pollMilliseconds = 500
    /// Keys read before a frame is painted: a pasted megabyte is handled in batches, not a frame a byte.
    static let keysPerFrame = 4096
    /// How often to look for a finished background search.
    static let searchPollMilliseconds = 5
    /// How long the first frame waits for a first load to finish.
    static let firstFrameWaitSeconds = 0.05
    /// How often to look for news from the background loader (progress, a loaded store).
    static let loadPollMilliseconds = 2
    /// Progress alone repaints the status line at most this often, so the loop spends its waking on
    /// noticing a loaded store at once, not on drawing counts while the loading threads want the cores.
    static let progressSeconds = 0.05
    /// How often a running search's settled results are painted after its first ones.
    static let settledResultsSeconds = 0.2
    /// How long to wait for more input before painting once a key has arrived.
    static let batchWaitMilliseconds = 1
    /// The longest a flood of input postpones the next frame.
    static let frameSeconds = 1.0 / 30

    /// How a session ended.
    enum Ending: Equatable {
        case quit, hangup, signal(Int32), idle(seconds: Int)
    }

    /// Runs until the user quits or the terminal goes away; returns the exit status.
    func run() -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal.start(theme: theme)
        } catch {
            Console.error("cannot start the terminal interface: \(error)")
            return 1
        }
        let ending = loop(terminal)
        terminal.stop()
        switch ending {
        case .quit: return 0
        case .hangup: return 129
        case let .signal(number): return 128 + number
        case let .idle(seconds):
            Console.out("byline: closed after \(seconds / 60 > 0 ? "\(seconds / 60) minutes" : "\(seconds) seconds") without a key\n")
            return 0
        }
    }

    private func loop(_ terminal: Terminal) -> Ending {
        let fromCache = first.fromCache
        var state = AppState(store: first.take(), blogName: blogName, width: terminal.width, height: terminal.height, glyphs: theme.glyphs)
        // The view's layouts, kept between frames on this thread; never part of the state.
        let cache = ViewCache()
        var pending = AppView.apply(to: &state, cache, .resize(width: terminal.width, height: terminal.height))
        // A deep link into a blog still loading waits for its posts.
        var waitingLink = deepLink
        let load = BackgroundLoad()
        var serial = 0
        // A refresh behind a cached first screen starts once that screen is painted, not before.
        var loadStarted = false
        if let blog, !fromCache {
            load.start(blog, fromCache: false)
            loadStarted = true
            pending += AppView.apply(to: &state, cache, .progress(.init(verb: "loading", done: 0, total: nil)))
            // A small blog loads in a few milliseconds: its first frame is then the whole screen, not an
            // empty "loading" frame drawn over at once (1.5 KB more on the wire, and a flash).
            let deadline = Monotonic.seconds() + ReaderApp.firstFrameWaitSeconds
            while load.isRunning, !load.hasNews, Monotonic.seconds() < deadline { usleep(1000) }
        }
        if let link = waitingLink, blog == nil || fromCache {
            pending += AppView.apply(to: &state, cache, .openDeepLink(link))
            waitingLink = nil
        }
        var lastKey = Monotonic.seconds()
        let search = BackgroundSearch()
        let bodies = BackgroundBodies()
        // Frames are painted only when something may have changed: while loading, the loop wakes often
        // to look for news, and an unchanged frame would cost a full view for nothing.
        var dirty = true
        // Whether the next frame answers keys (or a resize): background work stays asleep until it is out.
        var answeringKeys = false
        var lastProgressPaint = 0.0
        while true {
            if let done = search.take() {
                pending += AppView.apply(to: &state, cache, .searchFinished(query: done.query, results: done.results))
                dirty = true
            } else if let settled = search.takePartial() {
                // The first results a search settles are painted at once, later ones a few times a
                // second: each such frame rewrites every tag's count, bytes on the wire for numbers
                // still moving (while the first screen of results stays as it is).
                let firstOfSearch = state.searchProgress == nil
                pending += AppView.apply(to: &state, cache, .searchProgress(settled))
                if firstOfSearch || Monotonic.seconds() - lastProgressPaint >= ReaderApp.settledResultsSeconds {
                    dirty = true
                    lastProgressPaint = Monotonic.seconds()
                }
            }
            if blog != nil {
                let news = load.take()
                if !news.stores.isEmpty || !news.problems.isEmpty { dirty = true }
                for store in news.stores {
                    serial += 1
                    bodies.cancelAll()
                    pending += AppView.apply(to: &state, cache, .storeReplaced(StoreUpdate(store, serial: serial)))
                    if let link = waitingLink {
                        pending += AppView.apply(to: &state, cache, .openDeepLink(link))
                        waitingLink = nil
                    }
                }
                if let progress = news.progress {
                    pending += AppView.apply(to: &state, cache, .progress(progress))
                    if progress == nil || !news.stores.isEmpty || Monotonic.seconds() - lastProgressPaint >= ReaderApp.progressSeconds {
                        dirty = true
                        lastProgressPaint = Monotonic.seconds()
                    }
                }
                // The cache is a convenience: a problem with it is noted, and reading goes on without it.
                if let problem = news.problems.last { pending += AppView.apply(to: &state, cache, .note(problem)) }
            }
            // Bodies parsed ahead: kept for the next move. Only the post on screen needs a new frame.
            for answer in bodies.take() {
                switch answer {
                case let .bodyLoaded(post, _), let .bodyFailed(post, _):
                    if post == state.selected || post == state.readerPost { dirty = true }
                default: break
                }
                pending += AppView.apply(to: &state, cache, answer)
            }
            // Effects may answer with actions, which may ask for more effects.
            if !pending.isEmpty { dirty = true }
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                switch effect {
                case .quit: return .quit
                case .redraw: terminal.invalidate()
                case let .loadBody(post):
                    // Keys read in one batch may have moved past this post already.
                    guard post == state.selected || post == state.readerPost else {
                        pending += AppView.apply(to: &state, cache, .bodyAbandoned(post: post))
                        continue
                    }
                    // Parsed ahead and taken above, after this was asked for: `.bodyLoaded` settled it.
                    guard state.loaded[post] == nil else { continue }
                    // Parsed ahead (or being parsed): taken from there rather than parsed twice.
                    pending += AppView.apply(to: &state, cache, bodies.claim(post) ?? BackgroundBodies.parse(post, in: state.store))
                case let .prefetchBodies(posts):
                    bodies.start(posts, for: state)
                case let .search(query):
                    guard query == state.query else { continue }  // typed past already
                    search.start(query, in: state.store)
                }
            }
            if dirty {
                for ahead in bodies.takeLaidOut() { cache.keep(ahead) }
                terminal.paint(AppView.render(state, cache))
                dirty = false
                // The terminal or sshd has the frame to carry out yet: the window starts again from here.
                if answeringKeys { GiveWay.answering() }
                answeringKeys = false
                // With the frame out and no key waiting, the neighbours' bodies are parsed ahead.
                if !terminal.inputIsWaiting {
                    for effect in AppView.apply(to: &state, cache, .inputIdle) {
                        if case let .prefetchBodies(posts) = effect { bodies.start(posts, for: state) } else { pending.append(effect) }
                    }
                }
            }
            if let blog, !loadStarted {
                load.start(blog, fromCache: true)
                loadStarted = true
            }
            // Wait for one event, then take what keeps arriving for up to a frame's time before
            // painting again: typing answers at once, a pasted megabyte costs 30 frames a second.
            // While a search runs, wake often to show its result as soon as it is there.
            // (Running is asked before news: work that finished after handing its news over is seen.)
            let searchRunning = search.isRunning, loadRunning = blog != nil && load.isRunning
            guard var wait = ReaderApp.wait(searchRunning: searchRunning, searchHasResult: search.hasResult,
                                            loadRunning: loadRunning, loadHasNews: blog != nil && load.hasNews) else { continue }
            var frameStart = 0.0
            events: for _ in 0..<ReaderApp.keysPerFrame {
                if frameStart > 0, Monotonic.seconds() - frameStart > ReaderApp.frameSeconds { break events }
                switch terminal.readEvent(timeoutMilliseconds: wait) {
                case let .key(key):
                    GiveWay.answering()
                    answeringKeys = true
                    lastKey = Monotonic.seconds()
                    dirty = true
                    pending += AppView.apply(to: &state, cache, .keyPressed)
                    if let action = Keymap.action(for: key, in: state.keyContext) {
                        let effects = AppView.apply(to: &state, cache, action)
                        if effects.contains(.quit) { return .quit }
                        pending += effects
                    }
                case let .resize(width, height):
                    GiveWay.answering()
                    answeringKeys = true
                    dirty = true
                    pending += AppView.apply(to: &state, cache, .resize(width: width, height: height))
                case .timeout:
                    if let idleTimeout, Monotonic.seconds() - lastKey >= Double(idleTimeout) { return .idle(seconds: idleTimeout) }
                    break events
                case .hangup:
                    return .hangup
                case let .signal(number):
                    return .signal(number)
                }
                // A key with nothing behind it is answered at once. Under a paste, a millisecond lets
                // the next chunk arrive, so a frame covers many keys.
                if frameStart == 0, !terminal.inputIsWaiting { break events }
                wait = ReaderApp.batchWaitMilliseconds
                if frameStart == 0 { frameStart = Monotonic.seconds() }
            }
        }
    }

    /// How long to wait for input before looking at background work again; nil for not at all, when
    /// its news is already there (a store loaded, a search finished) and must not wait for a key.
    static func wait(searchRunning: Bool, searchHasResult: Bool, loadRunning: Bool, loadHasNews: Bool) -> Int? {
        if searchHasResult || loadHasNews { return nil }
        var wait = searchRunning ? searchPollMilliseconds : pollMilliseconds
        if loadRunning { wait = min(wait, loadPollMilliseconds) }
        return wait
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
