/// What the user (or the runtime) wants, named by intent, never by key: the keymap maps keys here.
package enum Action: Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, moveToFirst, moveToLast
    case focusNextPane, focusPreviousPane, focusTags
    case toggleRequired, toggleExcluded, toggleMatchMode, toggleTagSort, clearFilter
    /// Drop the kept search and only it (`Esc` in browse); the tags stay.
    case clearSearch
    /// Type to move the tag cursor to a tag by name (`/` in the tag pane).
    case startTagFind
    /// The list in the next order: newest, oldest, by title (`S`).
    case cycleListOrder
    case startSearch, startFind, findNext, findPrevious
    /// The reader's outline of the post's headings: open it, and go to the heading under its cursor.
    case showOutline, goToHeading
    case openPost, nextPost, previousPost
    case back, quit, showHelp, redraw
    /// Ctrl-C: end the session as an interrupted program ends (status 130, 128 + SIGINT), which is what
    /// a shell or a script expects of it; `quit` ends it as done (status 0).
    case interrupt
    /// The reader's links: make the next or previous one current, follow or copy the current one, open
    /// the link-number prompt, and walk the history of followed links.
    case nextLink, previousLink, followLink, copyLink, startLinkNumber, historyBack, historyForward
    /// Reading state: the post's read mark or saved mark toggled, or every post of the current list marked read.
    case toggleRead, toggleSaved, markAllRead

    // Prompt editing (search and find), sent for typed text rather than bound keys.
    case insertText(String)
    case deleteBackward
    case submitPrompt
    case cancelPrompt
    /// The mouse, decoded by the backend: the pane or reader under it decides what it means.
    case mouse(MouseEvent)

    // From the runtime.
    case resize(width: Int, height: Int)
    /// A post's body was read and parsed.
    case bodyLoaded(post: Int, LoadedPost)
    /// A post's body could not be read.
    case bodyFailed(post: Int, message: String)
    /// A frame is painted and no key is waiting: a moment to parse ahead the posts a move would show.
    case inputIdle
    /// The full search (bodies included) for `query` finished.
    case searchFinished(query: PostQuery, results: [Int])
    /// Loading finished, or a background refresh found changed files: show this store from now on.
    case storeReplaced(StoreUpdate)
    /// Background work's progress for the status line (nil: finished).
    case progress(AppState.Progress?)
    /// How far the running search has read bodies, and the first of its results it has settled.
    case searchProgress(SearchPartial)
    /// A transient note for the status line.
    case note(String)
    /// A key was read (bound or not): the note of the last frame goes.
    case keyPressed
    /// The runtime dropped a body it was asked for, the screen having moved past it (`.loadBody`).
    case bodyAbandoned(post: Int)
    /// The view measured what `AppState.layoutQuestion` asked (`AppView.measure`).
    case measured(LayoutFacts)
    /// Start where an SSH deep link asked (`tag:go`, `post:slug`, `search:words`).
    case openDeepLink(DeepLink)
    /// The reader opened on its first store: the loading that store still needs is asked for here.
    case start(BlogStart)
    /// The blog's folder changed on disk (a burst of changes, coalesced by `FolderWatch`): read it again.
    case folderChanged
    /// The blog's reading state was read (`Effect.loadReadingState`): empty when none is kept.
    case readingStateLoaded(ReadingState)
}

/// What the first store still needs when the reader opens.
package enum BlogStart: Hashable, Sendable {
    /// Nothing: it is the whole blog (a listing, a test).
    case complete
    /// Everything: it is empty, and the folder is read (`Effect.loadBlog`).
    case load
    /// A look at what changed: it came from the cache (`Effect.refreshBlog`).
    case refresh
}

/// Work that `reduce` asks the runtime to do: the reducer itself never touches the disk or the terminal.
package enum Effect: Hashable, Sendable {
    /// Read and parse post `n`, then send `.bodyLoaded` or `.bodyFailed`.
    case loadBody(Int)
    /// Read and parse these posts' bodies off the input thread, then send `.bodyLoaded` or
    /// `.bodyFailed` for each: the selection's neighbours, so a move finds its body parsed.
    case prefetchBodies([Int])
    /// Search bodies too, then send `.searchFinished`.
    case search(PostQuery)
    /// Read the whole blog (no cache to start from), then send `.progress`, `.storeReplaced` and
    /// `.note`s; the cache is written behind it.
    case loadBlog
    /// Read the files changed since the cached first store, then send a newer store if any changed.
    case refreshBlog
    /// Repaint every cell (Ctrl-L).
    case redraw
    /// Sort the store's posts by title (`PostStore.titleOrder`) off the input thread: asked when `S`
    /// goes to oldest first, so that the next `S`, to title order, finds them sorted (at 100,000
    /// posts the sort takes about 0.1 s, a stutter on the input thread).
    case prepareTitleOrder
    /// Put `text` on the terminal's clipboard (OSC 52, which reaches the reader's own terminal over SSH
    /// and through tmux): the backend writes it, byline starts no program.
    case copyToClipboard(String)
    /// Read the blog's reading state for the store's posts (recording this visit), then send
    /// `.readingStateLoaded`. Performed off the input thread; nothing is read when no state is kept.
    case loadReadingState
    /// Write these posts' marks (one short transaction, off the input thread, in the order asked).
    case saveReadingState(ReadingStateChange)
    case quit
    /// End the session as interrupted (`Action.interrupt`): the runtime's ending says so in its status.
    case interrupt

    /// Which running effect a newer one replaces: the older is cancelled and its answers dropped
    /// (TCA's `.cancellable(id:)`). Nil for effects that run to the end beside any other.
    package var id: EffectID? {
        switch self {
        case .loadBlog, .refreshBlog: return .blog
        case .search: return .search
        case let .loadBody(post): return .body(post)
        case .prefetchBodies, .prepareTitleOrder, .redraw, .copyToClipboard, .quit, .interrupt, .loadReadingState, .saveReadingState:
            return nil
        }
    }

    /// Whether the frame answering the action that asked for it waits (briefly) for its answer: the
    /// body on screen, the blog behind a first frame. A frame then comes whole, not blank and redrawn.
    package var completesFrame: Bool {
        switch self {
        // The reading state too: the first frame comes with its marks, not drawn again when they arrive.
        case .loadBlog, .loadBody, .loadReadingState: return true
        default: return false
        }
    }
}

/// The identity of a running effect: one search, one load of the blog, one read of each body.
package enum EffectID: Hashable, Sendable {
    case blog, search
    case body(Int)
}

/// A post's body, parsed once, with its word count for the reading time.
package struct LoadedPost: Hashable, Sendable {
    package var document: Document
    package var words: Int

    package init(document: Document, words: Int) {
        self.document = document
        self.words = words
    }
}

/// A store handed to the reducer, compared by its serial number (stores are large; two updates are the
/// same update only when they are one).
package struct StoreUpdate: Hashable, Sendable {
    package let store: PostStore
    package let serial: Int
    /// What changed since the store before, when the loader knows (a reload of the folder).
    package var changes: StoreChanges?
    package init(_ store: PostStore, serial: Int, changes: StoreChanges? = nil) {
        self.store = store
        self.serial = serial
        self.changes = changes
    }
    package static func == (a: StoreUpdate, b: StoreUpdate) -> Bool { a.serial == b.serial }
    package func hash(into hasher: inout Hasher) { hasher.combine(serial) }
}
