import BylineCore
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

    /// Performs effects the way the runtime does, synchronously, until none are left.
    static func settle(_ state: inout AppState, _ effects: [Effect]) {
        var pending = effects
        while !pending.isEmpty {
            switch pending.removeFirst() {
            case let .loadBody(post):
                guard case let .success(body) = state.store.body(of: post) else { continue }
                pending += Reducer.reduce(&state, .bodyLoaded(post: post, LoadedPost(markdown: body)))
            case let .prefetchBodies(posts):
                for post in posts {
                    guard case let .success(body) = state.store.body(of: post) else { continue }
                    pending += Reducer.reduce(&state, .bodyLoaded(post: post, LoadedPost(markdown: body)))
                }
            case let .search(query):
                pending += Reducer.reduce(&state, .searchFinished(query: query, results: state.store.matches(query)))
            case .redraw, .quit, .loadBlog, .refreshBlog:
                continue
            }
        }
    }

    /// Sends actions one by one, performing their effects.
    static func send(_ state: inout AppState, _ actions: Action...) {
        for action in actions { settle(&state, Reducer.reduce(&state, action)) }
    }

    static func number(_ state: AppState, _ slug: String) -> Int {
        state.store.posts.firstIndex { $0.slug == slug }!
    }
}
