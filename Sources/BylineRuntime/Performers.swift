import BylineMarkdown
import BylineCore
import BylineIndex
import Synchronization

/// What performs each kind of effect, handed to the runtime so a test can hold a search or a body back
/// and release it. Each runs off the input thread (the runtime picks the thread) and answers through
/// its `EffectContext`.
package struct Performers: Sendable {
    /// Reads the blog: the whole of it, or (`refresh`) the files changed since the cached store.
    package var blog: @Sendable (_ refresh: Bool, _ context: EffectContext) -> Void
    /// Searches `store` for `query`, bodies included: partial results, then `.searchFinished`.
    package var search: @Sendable (_ query: PostQuery, _ store: PostStore, _ context: EffectContext) -> Void
    /// Reads and parses one body: `.bodyLoaded` or `.bodyFailed`.
    package var body: @Sendable (_ post: Int, _ store: PostStore) -> Action
    /// Reads the reading state for the store's posts: `.readingStateLoaded` (and a `.note` when it
    /// cannot be kept), or nil when no state is kept.
    package var loadReadingState: @Sendable (_ store: PostStore) -> [Action]
    /// Writes a change of the reading state (nothing when none is kept).
    package var saveReadingState: @Sendable (_ change: ReadingStateChange) -> Void
    /// What saving had to say (the state's bound reached), sent after each save; once each.
    package var readingStateNotes: @Sendable () -> [Action] = { [] }
    /// The reader ends: what the blog's loading left for later is done (the cache's snapshot after a
    /// live reload).
    package var finish: @Sendable () -> Void = {}

    package init(blog: @escaping @Sendable (Bool, EffectContext) -> Void = { _, _ in },
                search: @escaping @Sendable (PostQuery, PostStore, EffectContext) -> Void = Performers.search(_:in:_:),
                body: @escaping @Sendable (Int, PostStore) -> Action = Performers.body(_:in:),
                loadReadingState: @escaping @Sendable (PostStore) -> [Action] = { _ in [] },
                saveReadingState: @escaping @Sendable (ReadingStateChange) -> Void = { _ in },
                readingStateNotes: @escaping @Sendable () -> [Action] = { [] }) {
        self.blog = blog
        self.search = search
        self.body = body
        self.loadReadingState = loadReadingState
        self.saveReadingState = saveReadingState
        self.readingStateNotes = readingStateNotes
    }

    /// The reader's: `blog` loaded and refreshed as `BlogLoading` does it; the reading state kept in
    /// `state` (nil: none kept, `--no-state` or restricted); a refresh after a burst reads the files
    /// the watch named in `changes` (`FolderWatching.changes`; nil: the whole folder each time).
    package static func live(blog: CachedBlog?, state: ReadingStateFile? = nil, changes: PendingChanges? = nil) -> Performers {
        let session = ReloadSession(changes: changes)
        var performers = Performers(blog: { refresh, context in
            guard let blog else { return }
            BlogLoading(blog: blog, context: context, session: session).run(refresh: refresh)
        }, loadReadingState: { store in
            // None kept: marks for this session only, from nothing.
            state?.load(store) ?? [.readingStateLoaded(ReadingState())]
        }, saveReadingState: { change in
            state?.save(change)
        }, readingStateNotes: {
            state?.takeNotes() ?? []
        })
        performers.finish = {
            if let blog { session.finish(blog) }
        }
        return performers
    }

    /// How often a running search's settled results are sent after its first ones: each such frame
    /// rewrites every tag's count, bytes on the wire for numbers still moving.
    package static let settledResultsSeconds = 0.2

    /// The store's own search, cancelled with the effect.
    @Sendable package static func search(_ query: PostQuery, in store: PostStore, _ context: EffectContext) {
        let lastSent = Mutex<Double?>(nil)
        let results = store.matches(query, cancelled: { context.isCancelled }, progress: { settled in
            let now = context.clock.now()
            let due = lastSent.withLock { last in
                guard last.map({ now - $0 >= settledResultsSeconds }) ?? true else { return false }
                last = now
                return true
            }
            if due { context.send(.searchProgress(settled)) }
        })
        if let results { context.send(.searchFinished(query: query, results: results)) }
    }

    /// Reads and parses one body: the only disk work the reader does after start-up.
    @Sendable package static func body(_ post: Int, in store: PostStore) -> Action {
        switch store.limitedBody(of: post) {
        case let .success(body): return .bodyLoaded(post: post, LoadedPost(body))
        case let .failure(error): return .bodyFailed(post: post, message: error.description)
        }
    }
}
