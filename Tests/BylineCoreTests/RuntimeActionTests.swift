@testable import BylineCore
import XCTest

/// The actions the runtime sends about itself: the start, which asks for the loading the first store
/// still needs, a key that dismisses the note, and a body the runtime did not read after all. The
/// runtime writes no field of the state: these are how it asks.
final class RuntimeActionTests: XCTestCase {
    func testAStartOnAnEmptyStoreAsksForTheBlogAndShowsLoading() throws {
        var state = try AppFixture.state()
        _ = Reducer.reduce(&state, .progress(nil))
        XCTAssertEqual(Reducer.reduce(&state, .start(.load)), [.loadBlog])
        XCTAssertEqual(state.progress, .init(verb: "loading", done: 0, total: nil))
    }

    func testAStartOnTheCachedStoreAsksForARefreshAndACompleteStoreForNothing() throws {
        var state = try AppFixture.state()
        var before = state
        // With the reading state, asked for at the start of either (`ReadingStateReducerTests`).
        before.readingStateLoad = .asked
        XCTAssertEqual(Reducer.reduce(&state, .start(.refresh)), [.refreshBlog, .loadReadingState])
        XCTAssertEqual(state, before, "a refresh is asked for, not shown")
        state = try AppFixture.state()
        XCTAssertEqual(Reducer.reduce(&state, .start(.complete)), [.loadReadingState])
        XCTAssertEqual(state, before)
    }

    func testAKeyDismissesTheNote() throws {
        var state = try AppFixture.state()
        _ = Reducer.reduce(&state, .note("no more matches"))
        XCTAssertEqual(state.note, "no more matches")
        _ = Reducer.reduce(&state, .keyPressed)
        XCTAssertNil(state.note)
    }

    /// The runtime's former write is an action now: a body moved past is no longer being loaded, the
    /// other bodies under way still are. (PureReducerTests had a second test of `.bodyAbandoned`, of
    /// the second half alone: merged here.)
    func testABodyDroppedIsNoLongerLoadingAndIsAskedForAgainWhenShown() throws {
        var state = try AppFixture.state()
        let effects = Reducer.reduce(&state, .moveDown)
        let post = try XCTUnwrap(state.selected)
        XCTAssertEqual(effects, [.loadBody(post)])
        XCTAssertEqual(state.loading, [post])
        // The runtime did not read it (the selection had moved on in the same batch of keys)...
        _ = Reducer.reduce(&state, .moveDown)
        let next = try XCTUnwrap(state.selected)
        _ = Reducer.reduce(&state, .bodyAbandoned(post: post))
        XCTAssertEqual(state.loading, [next], "only the abandoned body stops loading")
        // ...so coming back to it asks for it again, instead of waiting forever.
        XCTAssertEqual(Reducer.reduce(&state, .moveUp), [.loadBody(post)])
        XCTAssertTrue(state.loading.contains(post))
    }
}
