import BylineCore
import XCTest
import BylineMarkdown
import Foundation

/// States for the reducer and view tests, on real folders, with bodies loaded as the runtime would.
enum AppFixture {
    static func state(_ folder: String = Fixtures.shippedPosts, width: Int = 120, height: Int = 40, glyphs: Glyphs = .unicode) throws -> AppState {
        let store = try loadStore(folder)
        var state = AppState(store: store, blogName: URL(fileURLWithPath: folder).lastPathComponent, width: width, height: height, glyphs: glyphs)
        settle(&state, Reducer.reduce(&state, .resize(width: width, height: height)))
        return state
    }

    /// Performs effects the way the runtime does, synchronously, until none are left; and, as the
    /// runtime does after every action, sends back what the view measured for the state's layout
    /// question (`AppView.apply`), with a view cache of its own (a fresh cache draws the same).
    static func settle(_ state: inout AppState, _ effects: [Effect], cache: ViewCache = ViewCache()) {
        var pending = effects
        if let measured = AppView.measure(state, cache) { pending += Reducer.reduce(&state, measured) }
        while !pending.isEmpty {
            switch pending.removeFirst() {
            case let .loadBody(post):
                guard case let .success(body) = state.store.body(of: post) else { continue }
                pending += AppView.apply(to: &state, cache, .bodyLoaded(post: post, LoadedPost(markdown: body)))
            case let .prefetchBodies(posts):
                for post in posts {
                    guard case let .success(body) = state.store.body(of: post) else { continue }
                    pending += AppView.apply(to: &state, cache, .bodyLoaded(post: post, LoadedPost(markdown: body)))
                }
            case let .search(query):
                pending += AppView.apply(to: &state, cache, .searchFinished(query: query, results: state.store.matches(query)))
            case .prepareTitleOrder:
                _ = state.store.titleOrder
            case .redraw, .copyToClipboard, .quit, .interrupt, .loadBlog, .refreshBlog, .loadReadingState, .saveReadingState:
                continue
            }
        }
    }

    /// Sends actions one by one, performing their effects, as the runtime does.
    static func send(_ state: inout AppState, _ actions: Action...) {
        let cache = ViewCache()
        for action in actions { settle(&state, AppView.apply(to: &state, cache, action), cache: cache) }
    }

    /// Sends actions one by one with the runtime's view cache, performing their effects.
    static func send(_ state: inout AppState, cache: ViewCache, _ actions: Action...) {
        for action in actions { settle(&state, AppView.apply(to: &state, cache, action), cache: cache) }
    }

    static func number(_ state: AppState, _ slug: String) -> Int {
        state.store.posts.firstIndex { $0.slug == slug }!
    }
}

extension AppView {
    /// A frame drawn with a fresh view cache: the same frame the runtime's cache draws.
    static func render(_ state: AppState) -> Screen { render(state, ViewCache()) }
}

extension ReaderContent {
    /// The reader's lines, laid out afresh.
    static func lines(_ state: AppState, post: Int) -> [StyledLine] { lines(state, post: post, in: ViewCache()) }
}

extension XCTestCase {
    /// `action` reduced from `state`: the next state and the effects, for tests that compare both whole.
    func reduce(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
        var next = state
        let effects = Reducer.reduce(&next, action)
        return (next, effects)
    }
}
