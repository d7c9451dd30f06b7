import BylineCore
import Glibc
import Synchronization

/// The interactive reader's runtime: one loop that blocks in one wait on the terminal and the inbox,
/// feeds each event and each answer of background work to the pure reducer as an action, performs the
/// effects it asks for off the input thread, and paints each new frame through the backend.
///
///     key ─> Action ─> reduce ─> [Effect] ─> performer ─> Action ─> inbox ─┐
///      ^                 └─> AppState ─> view ─> Screen ─> backend           │
///      └──────────── poll(terminal, inbox) <──────────────────────────────────┘
package final class ReaderRuntime: @unchecked Sendable {  // only `effectsRunning` (an atomic) is read from other threads
    /// How a session ended.
    package enum Ending: Equatable, Sendable {
        case quit, hangup, signal(Int32), idle(seconds: Int)
        /// Ctrl-C (a key in raw mode, not a signal): ended as SIGINT would have ended it.
        case interrupt

        /// The process's exit status: 0 for a quit or an idle close, 128 + the signal otherwise (a hang-up is
        /// SIGHUP's, Ctrl-C SIGINT's: 130).
        package var status: Int32 {
            switch self {
            case .quit, .idle: return 0
            case .hangup: return 128 + SIGHUP
            case .interrupt: return 128 + SIGINT
            case let .signal(number): return 128 + number
            }
        }
    }

    /// Keys read before a frame is painted: a pasted megabyte is handled in batches, not a frame a byte.
    static let keysPerFrame = 4096
    /// The longest a flood of input postpones the next frame.
    static let frameSeconds = 1.0 / 30
    /// How long the first frame waits for the blog (`Effect.loadBlog`): a small blog's first frame then
    /// comes whole, not an empty "loading" frame drawn over at once (a flash, and 1.5 KB more on the
    /// wire); a large one shows its progress after this.
    static let blogWaitSeconds = 0.05
    /// How long a frame waits for the body of the post it shows (`Effect.loadBody`): a post takes
    /// milliseconds, so its frame comes with it (one frame a key: an end-to-end test sends each key
    /// once the screen has changed), and a slow one (50 MB, a loaded machine) shows "loading" after
    /// this. Before, the parse held the input thread however long it took.
    static let bodyWaitSeconds = 1.0
    /// How long a frame waits for the reading state (`Effect.loadReadingState`): a small blog's state is
    /// read in milliseconds, so its first frame comes with its marks; a slow disk's shows them a moment
    /// after the list. Half a second here held the first screen of a 100,000-post blog from 80 ms to 590 ms.
    static let readingStateWaitSeconds = 0.05
    /// From this many posts the first frame does not wait for the reading state at all: reading it
    /// takes about 11 µs a post (a second at 100,000), longer than the wait, so the wait would only
    /// delay the list. Its marks come a moment after it.
    static let readingStateWaitPosts = 5_000

    private var state: AppState
    /// What the view remembers between frames (layouts, find matches): the view's, never the state's.
    private let cache = ViewCache()
    private let backend: any TerminalBackend
    private let clock: any RuntimeClock
    private let inbox = Inbox()
    /// Background work sleeps while a key is answered, on this gate the runtime hands it.
    private let giveWay = GiveWay()
    private let effects: EffectRunner
    private let idleTimeout: Int?
    /// A deep link into a blog still loading waits for its posts.
    private var waitingLink: DeepLink?
    /// The blog's folder, watched while the reader runs (`FolderWatch`); nil for none.
    private let watched: FolderWatching?

    /// Effects started whose end the loop has not yet taken from the inbox: at 0, with the backend
    /// waiting, the runtime has seen everything background work had to say (how tests know it settled).
    package var effectsRunning: Int { effects.running }

    /// A runtime for `state` (sized to `backend`), with `performers` doing the background work.
    package init(state: AppState, backend: any TerminalBackend, performers: Performers, clock: any RuntimeClock = SystemClock(),
                idleTimeout: Int? = nil, deepLink: DeepLink? = nil, watching: FolderWatching? = nil) {
        self.state = state
        watched = watching
        self.backend = backend
        self.clock = clock
        self.idleTimeout = idleTimeout
        waitingLink = deepLink
        effects = EffectRunner(performers: performers, inbox: inbox, clock: clock, giveWay: giveWay)
    }

    /// Effects asked for and not yet started: those that complete the frame start at once, the
    /// others once the frame is out (`afterFrame`), so the key's answer comes first.
    private var pending: [Effect] = []
    private var afterFrame: [Effect] = []
    /// Whether something may have changed on screen since the last frame.
    private var dirty = true
    /// Whether the next frame answers a key (or a resize): background work sleeps until it is out.
    private var answering = false
    private var lastKey = 0.0
    /// Until when the frame waits for the answers of the effects that complete it.
    private var holdUntil: Double?

    /// Runs until the user quits, the terminal goes away or the session is idle too long. The reading
    /// state's changes asked for by then are written before it returns (a quit right after `r` keeps it).
    package func run(start: BlogStart) -> Ending {
        let ending = loop(start: start)
        // Ended with no key that said so (a hang-up, a signal, the idle limit): the reader's place is kept too.
        if ending != .quit, ending != .interrupt { pending += Reducer.leaveReader(state) }
        for effect in pending + afterFrame {
            if case .saveReadingState = effect { effects.perform(effect, in: state) }
        }
        effects.waitForSaves()
        effects.finish()
        return ending
    }

    private func loop(start: BlogStart) -> Ending {
        lastKey = clock.now()
        pending = reduce(.resize(width: backend.width, height: backend.height)) + reduce(.start(start))
        if start != .load { pending += openWaitingLink() }
        let watch = startWatch()
        defer { watch?.stop() }
        while true {
            takeInbox()
            if let ending = startAsked() { return ending }
            paintIfDue()
            // One wait: for a key, an answer in the inbox, the idle deadline or the frame's.
            var deadline = idleTimeout.map { lastKey + Double($0) }
            if let holdUntil { deadline = min(deadline ?? holdUntil, holdUntil) }
            let event = backend.readEvent(timeoutMilliseconds: deadline.map { Self.milliseconds(until: $0, from: clock.now()) },
                                          wake: inbox.wakeDescriptor)
            if let ending = handle(event) { return ending }
        }
    }

    /// Hands `action` to the loop from another thread, as the folder watch hands its changes: it is
    /// reduced in turn with the answers of background work. Safe from any thread.
    package func post(_ action: Action) { inbox.post(.event(action)) }

    /// Reduces what background work has sent since the last look.
    private func takeInbox() {
        for message in inbox.take() {
            switch message {
            case let .action(answer, context):
                guard let action = effects.admit(answer, from: context) else { continue }
                if case .storeReplaced = action { effects.cancelBodyReads() }
                if Self.changesScreen(action, state) { dirty = true }
                pending += reduce(action)
                if case .storeReplaced = action { pending += openWaitingLink() }
            case let .laidOut(ahead, context):
                if !context.isCancelled { cache.keep(ahead) }
            case let .finished(context):
                effects.finished(context)
            case let .event(action):
                dirty = true  // a note to show, a refresh to ask for
                pending += reduce(action)
            }
        }
    }

    /// Starts the effects that complete the frame, keeps the others for after it; the ending if one was asked.
    private func startAsked() -> Ending? {
        if !pending.isEmpty { dirty = true }
        while !pending.isEmpty {
            let asked = pending
            pending = []
            for effect in asked {
                switch effect {
                case .quit: return .quit
                case .interrupt: return .interrupt
                case .redraw: backend.invalidate()
                case let .copyToClipboard(text): backend.copyToClipboard(text)
                case let .loadBody(post):
                    // Keys read in one batch may have moved past this post already; parsed ahead and
                    // taken meanwhile, `.bodyLoaded` settled it.
                    if post != state.selected, post != state.readerPost {
                        pending += reduce(.bodyAbandoned(post: post))
                    } else if state.loaded[post] == nil {
                        startCompletingFrame(effect)
                    }
                case _ where effect.completesFrame: startCompletingFrame(effect)
                default: afterFrame.append(effect)
                }
            }
        }
        if !effects.frameAwaitsAnswer || !dirty { holdUntil = nil }
        return nil
    }

    /// Each effect that completes the frame gets its own wait: the loaded blog's first post, after the blog.
    private func startCompletingFrame(_ effect: Effect) {
        effects.perform(effect, in: state)
        let stateWait = state.store.posts.count < Self.readingStateWaitPosts ? Self.readingStateWaitSeconds : 0
        let wait = effect == .loadBlog ? Self.blogWaitSeconds : effect == .loadReadingState ? stateWait : Self.bodyWaitSeconds
        holdUntil = clock.now() + wait
    }

    /// Paints a frame when something changed and nothing it waits for is due, then starts what waited for it.
    private func paintIfDue() {
        guard dirty, holdUntil.map({ clock.now() >= $0 }) ?? true else { return }
        render()
        effects.framePainted()
        dirty = false
        holdUntil = nil
        // The terminal or sshd has the frame to carry out yet: the window starts again from here.
        if answering { giveWay.answering() }
        answering = false
        for effect in afterFrame {
            if case let .search(query) = effect, query != state.query { continue }  // typed past already
            effects.perform(effect, in: state)
        }
        afterFrame = []
        // With the frame out and no key waiting, the neighbours' bodies are parsed ahead.
        if !backend.inputIsWaiting {
            for effect in reduce(.inputIdle) { effects.perform(effect, in: state) }
        }
    }

    /// Reduces `event`, then what keeps arriving behind it for up to a frame's time: a pasted megabyte
    /// costs 30 frames a second. Returns how the session ends, if it does.
    private func handle(_ first: TerminalEvent) -> Ending? {
        var event = first
        var frameStart: Double?
        for _ in 0..<Self.keysPerFrame {
            switch event {
            case let .key(key):
                giveWay.answering()
                answering = true
                lastKey = clock.now()
                dirty = true
                if state.note != nil { pending += reduce(.keyPressed) }
                if let action = Keymap.action(for: key, in: state.keyContext) {
                    let asked = reduce(action)
                    pending += asked
                    if asked.contains(.quit) { return .quit }
                    if asked.contains(.interrupt) { return .interrupt }
                }
            case let .resize(width, height):
                giveWay.answering()
                answering = true
                dirty = true
                pending += reduce(.resize(width: width, height: height))
            case .timeout:
                if let idleTimeout, clock.now() - lastKey >= Double(idleTimeout) { return .idle(seconds: idleTimeout) }
            case .hangup:
                return .hangup
            case let .signal(number):
                return .signal(number)
            }
            guard case .key = event, backend.inputIsWaiting else { return nil }
            let now = clock.now()
            if now - (frameStart ?? now) > Self.frameSeconds { return nil }
            frameStart = frameStart ?? now
            event = backend.readEvent(timeoutMilliseconds: 0, wake: -1)
        }
        return nil
    }

    /// The one place the state becomes a screen.
    private func render() {
        backend.paint(AppView.render(state, cache))
    }

    /// Reduces `action`, then answers at once what the state asks of the view (a post's length, a
    /// find's matches), so the next key and the next frame find the state settled.
    private func reduce(_ action: Action) -> [Effect] {
        AppView.apply(to: &state, cache, action)
    }

    /// Watches the folder, each burst of changes an action in the inbox; why it watches by stamps, to
    /// `report` (`--verbose`).
    private func startWatch() -> FolderWatch? {
        guard let watched else { return nil }
        let inbox = self.inbox
        return FolderWatch(folder: watched.folder, includeDrafts: watched.includeDrafts, useInotify: watched.useInotify,
                           changed: { paths in
                               if watched.verbose { watched.report("the folder changed: reading it again") }
                               // The refresh this asks for takes the files named (`PendingChanges`).
                               watched.changes.add(paths)
                               inbox.post(.event(.folderChanged))
                           },
                           report: { text in
                               watched.report(text)
                               if watched.verbose { inbox.post(.event(.note(text))) }
                           })
    }

    private func openWaitingLink() -> [Effect] {
        guard let link = waitingLink else { return [] }
        waitingLink = nil
        return reduce(.openDeepLink(link))
    }

    /// Whether an answer of background work may change what is on screen: a body parsed ahead for a
    /// post not shown does not, nor one the screen has already.
    static func changesScreen(_ action: Action, _ state: AppState) -> Bool {
        switch action {
        case let .bodyLoaded(post, _), let .bodyFailed(post, _):
            return (post == state.selected || post == state.readerPost) && state.loaded[post] == nil && state.failed[post] == nil
        default:
            return true
        }
    }

    static func milliseconds(until deadline: Double, from now: Double) -> Int {
        max(0, Int(((deadline - now) * 1000).rounded(.up)))
    }
}
