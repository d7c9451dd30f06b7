@testable import BylineCore
import BylineTestSupport
import XCTest

/// While a search reads bodies, the list shows what it has settled: its first results, final and in
/// order, instead of waiting for the last body of a large blog.
final class SettledResultsTests: XCTestCase {
    /// In a small blog the list already holds the posts whose title, summary or tags match; the
    /// settled results replace the head of it and the rest stays.
    func testASmallBlogKeepsItsKnownMatchesPastTheSettledOnes() throws {
        var state = try AppFixture.state()
        let effects = Reducer.reduce(&state, .startSearch) + Reducer.reduce(&state, .insertText("go"))
        XCTAssertTrue(effects.contains(.search(state.query)))
        let known = state.results
        let final = state.store.matches(state.query)
        XCTAssertGreaterThan(final.count, known.count, "the bodies add posts, so the test can tell")
        let settledThrough = try XCTUnwrap(final.dropFirst(1).first)
        let partial = SearchPartial(query: state.query, found: final.filter { $0 <= settledThrough },
                                    settledThrough: settledThrough, done: settledThrough + 1, total: state.store.posts.count)
        _ = Reducer.reduce(&state, .searchProgress(partial))
        XCTAssertEqual(state.results, partial.found + known.filter { $0 > settledThrough })
        XCTAssertEqual(state.pendingSearch, state.query, "still searching")
        _ = Reducer.reduce(&state, .searchFinished(query: state.query, results: final))
        XCTAssertEqual(state.results, final)
    }

    /// In a large blog the list until then is the last search's, which may not match: only the
    /// settled results are shown, and the selection stays on its post while it is listed.
    func testALargeBlogShowsOnlyTheSettledResults() throws {
        let count = AppState.instantFilterLimit + 1
        let posts = (0..<count).map { number in
            Post(path: "p\(number).md", slug: "p\(number)", title: "Post \(number)", date: nil, tags: [], summary: "",
                 draft: false, fileSize: 0)
        }
        let store = PostStore(root: "/nowhere", realRoot: "/nowhere", layout: .plain, posts: PostList(posts), tags: TagIndex(posts: posts), languages: TagIndex(languagesOf: posts),
                              diagnostics: [], absolutePaths: posts.map { _ in nil })
        var state = AppState(store: store, blogName: "large", width: 120, height: 40)
        _ = Reducer.reduce(&state, .resize(width: 120, height: 40))
        _ = Reducer.reduce(&state, .startSearch)
        _ = Reducer.reduce(&state, .insertText("q"))
        XCTAssertEqual(state.results.count, count, "the last list stays until the search tells")
        let query = state.query
        _ = Reducer.reduce(&state, .searchProgress(SearchPartial(query: query, found: [], settledThrough: 255, done: 256, total: count)))
        XCTAssertEqual(state.results, [])
        let screen = AppView.render(state).rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Searching: no match yet."), screen)
        XCTAssertFalse(screen.contains("No post matches"), "not while bodies are still being read")
        _ = Reducer.reduce(&state, .searchProgress(SearchPartial(query: query, found: [3, 9], settledThrough: 255, done: 256, total: count)))
        XCTAssertEqual(state.results, [3, 9])
        XCTAssertEqual(state.selected, 3)
        _ = Reducer.reduce(&state, .moveDown)
        _ = Reducer.reduce(&state, .searchProgress(SearchPartial(query: query, found: [3, 9, 700], settledThrough: 767, done: 768, total: count)))
        XCTAssertEqual(state.results, [3, 9, 700])
        XCTAssertEqual(state.selected, 9, "the selection stays on its post")
        XCTAssertTrue(AppView.render(state).rows[state.height - 1].contains("3 of 20,001 posts · searching 768 of 20,001"))
    }

    /// What an older search settled never reaches the list of a newer one.
    func testSettledResultsOfAnotherQueryAreIgnored() throws {
        var state = try AppFixture.state()
        _ = Reducer.reduce(&state, .startSearch)
        _ = Reducer.reduce(&state, .insertText("g"))
        let older = state.query
        _ = Reducer.reduce(&state, .insertText("o"))
        let before = state.results
        _ = Reducer.reduce(&state, .searchProgress(SearchPartial(query: older, found: [0], settledThrough: 13, done: 14, total: 14)))
        XCTAssertEqual(state.results, before)
        XCTAssertNil(state.searchProgress)
    }
}
