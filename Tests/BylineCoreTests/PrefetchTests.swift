@testable import BylineCore
import BylineMarkdown
import BylineTestSupport
import XCTest

/// Parsing ahead: when the input is idle the reducer asks for the selection's neighbours, a move onto
/// one finds it parsed, and the parsed bodies kept stay bounded however far the reader wanders.
final class PrefetchTests: XCTestCase {
    private var start: AppState!

    override func setUpWithError() throws {
        start = try AppFixture.state()
    }

    func testIdleAsksForTheNeighboursOfTheSelectionOnce() {
        var state = start!
        AppFixture.send(&state, .moveDown)
        XCTAssertEqual(state.selected, 1)
        XCTAssertNil(state.loaded[2])
        let effects = Reducer.reduce(&state, .inputIdle)
        XCTAssertEqual(effects, [.prefetchBodies([2])], "post 0 above is parsed already; post 2 below is asked for")
        XCTAssertEqual(state.prefetching, [2])
        XCTAssertEqual(Reducer.reduce(&state, .inputIdle), [], "asked once while it is under way")
        var expected = state
        expected.prefetching = []
        expected.loaded[2] = LoadedPost(markdown: try! XCTUnwrap(bodyText(state, 2)))
        XCTAssertEqual(Reducer.reduce(&state, .bodyLoaded(post: 2, expected.loaded[2]!)), [])
        XCTAssertEqual(state, expected)
        XCTAssertEqual(Reducer.reduce(&state, .inputIdle), [], "nothing left to parse ahead")
    }

    func testIdleAtTheEndsAsksOnlyForTheOneNeighbour() {
        var state = start!
        XCTAssertEqual(Reducer.reduce(&state, .inputIdle), [.prefetchBodies([1])], "at the top, the post below")
        var other = start!
        AppFixture.send(&other, .moveToLast)
        XCTAssertEqual(Reducer.reduce(&other, .inputIdle), [.prefetchBodies([12])], "at the bottom, the post above")
    }

    func testAMoveOntoAPrefetchedPostIssuesNoLoad() {
        var state = start!
        AppFixture.send(&state, .inputIdle)
        XCTAssertNotNil(state.loaded[1], "parsed ahead")
        var next = state
        let effects = Reducer.reduce(&next, .moveDown)
        XCTAssertEqual(effects, [], "no load: the body is there")
        var expected = state
        expected.selected = 1
        XCTAssertEqual(next, expected)
    }

    func testAMoveOntoAPostStillBeingPrefetchedAsksForItAsUsual() {
        var state = start!
        XCTAssertEqual(Reducer.reduce(&state, .inputIdle), [.prefetchBodies([1])])
        let effects = Reducer.reduce(&state, .moveDown)
        XCTAssertEqual(effects, [.loadBody(1)], "the runtime takes the parse under way")
        XCTAssertEqual(state.loading, [1])
        XCTAssertEqual(state.prefetching, [1])
        AppFixture.settle(&state, effects)
        XCTAssertEqual(state.loading, [])
        XCTAssertEqual(state.prefetching, [])
        XCTAssertNotNil(state.loaded[1])
    }

    func testInTheTagPaneTheToggleTargetIsParsedAhead() {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown)
        XCTAssertEqual(state.tagCursor, "go")
        XCTAssertEqual(state.selected, 0)
        // Requiring `go` moves the selection to post 2 (see ReducerTests); excluding it keeps post 0.
        XCTAssertEqual(Reducer.reduce(&state, .inputIdle), [.prefetchBodies([1, 2])], "the post below, then the toggle's")
        var toggled = state
        AppFixture.settle(&toggled, [.prefetchBodies([1, 2])])
        let effects = Reducer.reduce(&toggled, .toggleRequired)
        XCTAssertEqual(toggled.selected, 2)
        XCTAssertEqual(effects, [], "the toggle finds the newly selected body parsed")
    }

    func testToggleTargetsParsedAheadAreKeptWhenFarFromTheSelection() {
        var state = start!
        for _ in 0..<13 { AppFixture.send(&state, .moveDown, .inputIdle) }
        AppFixture.send(&state, .focusTags)
        var targets: [Int] = []
        for _ in 0..<state.orderedTags.count where targets.isEmpty {
            AppFixture.send(&state, .moveDown)
            targets = state.toggleTargets()
        }
        XCTAssertFalse(targets.isEmpty, "some tag's toggle moves the selection off post 13")
        AppFixture.send(&state, .inputIdle)
        for _ in 0..<2 {
            XCTAssertEqual(Reducer.reduce(&state, .inputIdle), [], "neither dropped nor asked for again")
            for target in targets { XCTAssertNotNil(state.loaded[target], "target \(target) kept across pauses") }
            XCTAssertLessThanOrEqual(state.loaded.count, AppState.keptBodies + targets.count + 2)
        }
    }

    func testTheReaderParsesAheadToo() {
        var state = start!
        AppFixture.send(&state, .openPost)
        XCTAssertEqual(Reducer.reduce(&state, .inputIdle), [.prefetchBodies([1])], "the next post, for `n`")
    }

    func testParsedBodiesStayBoundedAndNearTheSelection() {
        var state = start!
        XCTAssertLessThan(AppState.keptBodies, state.results.count - 1, "the fixture is long enough to reach the bound")
        for _ in 0..<13 { AppFixture.send(&state, .moveDown, .inputIdle) }
        XCTAssertEqual(state.selected, 13)
        XCTAssertEqual(state.loaded.count, AppState.keptBodies, "14 posts were parsed; the bound keeps 12")
        XCTAssertEqual(Set(state.loaded.keys), Set(2...13), "the nearest to the selection are kept")
        AppFixture.send(&state, .moveToFirst)
        XCTAssertEqual(state.selected, 0)
        XCTAssertNotNil(state.loaded[0], "a dropped body is asked for again when shown again")
        XCTAssertEqual(state.loaded.count, AppState.keptBodies + 1, "dropped only when the input pauses")
        AppFixture.send(&state, .inputIdle)
        XCTAssertEqual(state.loaded.count, AppState.keptBodies + 1, "the nearest twelve, then the one below parsed ahead")
        XCTAssertNil(state.loaded[13], "now the farthest")
        XCTAssertNotNil(state.loaded[1], "and the one below the selection, parsed ahead")
    }

    func testWithoutAPauseTheBoundIsTwiceAsLoose() throws {
        let folder = try TempFolder()
        for day in 1...28 {
            try folder.write("post-\(day).md", "---\ntitle: Post \(day)\ndate: 2024-02-\(day < 10 ? "0" : "")\(day)\n---\nBody \(day).\n")
        }
        var state = try AppFixture.state(folder.path)
        XCTAssertEqual(state.results.count, 28)
        for _ in 0..<27 { AppFixture.send(&state, .moveDown) }
        XCTAssertEqual(state.loaded.count, 2 * AppState.keptBodies, "a held key never waits on freeing bodies, up to a bound")
        XCTAssertNotNil(state.loaded[state.selected!])
        AppFixture.send(&state, .inputIdle)
        XCTAssertEqual(state.loaded.count, AppState.keptBodies)
    }

    func testTheBoundKeepsTheReadersPost() {
        var state = start!
        AppFixture.send(&state, .openPost)
        for _ in 0..<13 { AppFixture.send(&state, .nextPost, .inputIdle) }
        XCTAssertEqual(state.readerPost, 13)
        XCTAssertNotNil(state.loaded[13])
        XCTAssertLessThanOrEqual(state.loaded.count, AppState.keptBodies)
    }

    private func bodyText(_ state: AppState, _ post: Int) -> String? {
        guard case let .success(body) = state.store.body(of: post) else { return nil }
        return body
    }
}
