@testable import BylineCore
import XCTest

/// Every action from representative states, comparing the whole next state and the effects.
final class ReducerTests: XCTestCase {
    private var start: AppState!

    override func setUpWithError() throws {
        start = try AppFixture.state()
    }


    func testStartSelectsTheNewestPostAndLoadsItsBody() throws {
        XCTAssertEqual(start.results.count, 14)
        XCTAssertEqual(start.selected, 0)
        XCTAssertEqual(start.focus, .list)
        XCTAssertEqual(start.mode, .browsing)
        XCTAssertNotNil(start.loaded[0], "the runtime loaded the selected body")
        XCTAssertEqual(start.tagCursor, "backend")
        XCTAssertEqual(start.results, start.store.matches(start.query), "cached results equal the store's answer")
    }

    func testMoveDownSelectsTheNextPostAndAsksForItsBody() {
        let (next, effects) = reduce(start, .moveDown)
        var expected = start!
        expected.selected = 1
        expected.loading = [1]
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.loadBody(1)])
    }

    func testMovesStopAtTheEnds() {
        XCTAssertEqual(reduce(start, .moveUp).0, start)
        var state = start!
        AppFixture.send(&state, .moveToLast)
        XCTAssertEqual(state.selected, 13)
        let (again, effects) = reduce(state, .moveDown)
        XCTAssertEqual(again, state)
        XCTAssertEqual(effects, [])
    }

    func testPagingMovesByAPageOfItems() {
        var state = start!
        AppFixture.send(&state, .pageDown)
        XCTAssertEqual(state.results.firstIndex(of: state.selected!), min(state.listItemsPerPage, 13))
        AppFixture.send(&state, .pageUp)
        XCTAssertEqual(state.selected, 0)
    }

    func testFocusCyclesThroughThePanes() {
        var expected = start!
        expected.focus = .preview
        XCTAssertEqual(reduce(start, .focusNextPane).0, expected)
        expected.focus = .tags
        XCTAssertEqual(reduce(start, .focusPreviousPane).0, expected)
        XCTAssertEqual(reduce(start, .focusTags).0, expected)
    }

    func testRequiringATagFiltersAndCountsFacets() {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown)
        XCTAssertEqual(state.tagCursor, "go")
        let (next, effects) = reduce(state, .toggleRequired)
        XCTAssertEqual(effects, [.loadBody(2)], "the newly selected post's body is asked for")
        var expected = state
        expected.tagStates = ["go": .required]
        XCTAssertEqual(next.tagStates, expected.tagStates)
        XCTAssertEqual(next.results.count, 10)
        XCTAssertEqual(next.results, next.store.matches(next.query))
        XCTAssertEqual(next.filterDescription, "go")
        XCTAssertEqual(next.orderedTags.first { $0.key == "architecture" }?.count, 3, "counts among the results")
        XCTAssertEqual(next.orderedTags.first { $0.key == "mysql" }?.count, 0, "kept, not hidden")
        XCTAssertEqual(next.selected, 2, "the selection moved to the first post still listed")
        XCTAssertEqual(reduce(next, .toggleRequired).0.results.count, 14, "toggling again clears it")
    }

    func testExcludingAndMatchModes() {
        var state = start!
        AppFixture.send(&state, .focusTags)
        state.tagCursor = "career"
        AppFixture.send(&state, .toggleExcluded)
        XCTAssertEqual(state.results.count, 13)
        XCTAssertEqual(state.filterDescription, "NOT career")
        state.tagCursor = "go"
        AppFixture.send(&state, .toggleRequired)
        XCTAssertEqual(state.filterDescription, "go AND NOT career")
        state.tagCursor = "databases"
        AppFixture.send(&state, .toggleRequired)
        XCTAssertEqual(state.results.count, 0)
        AppFixture.send(&state, .toggleMatchMode)
        XCTAssertEqual(state.match, .any)
        XCTAssertEqual(state.filterDescription, "(go OR databases) AND NOT career")
        XCTAssertEqual(state.results.count, 11)
        AppFixture.send(&state, .clearFilter)
        XCTAssertEqual(state.results.count, 14)
        XCTAssertEqual(state.tagStates, [:])
    }

    func testTheSelectionStaysOnItsPostWhenTheFilterChanges() {
        var state = start!
        let latency = AppFixture.number(state, "reducing-latency-in-go-apis")
        state.selected = latency
        AppFixture.send(&state, .focusTags)
        state.tagCursor = "performance"
        AppFixture.send(&state, .toggleRequired)
        XCTAssertEqual(state.results.count, 2)
        XCTAssertEqual(state.selected, latency)
    }

    func testSortingTags() {
        var state = start!
        AppFixture.send(&state, .focusTags, .toggleTagSort)
        XCTAssertEqual(state.tagSort, .name)
        XCTAssertEqual(state.orderedTags.map(\.key).prefix(3), ["architecture", "backend", "career"])
        XCTAssertEqual(state.tagCursor, "backend", "the cursor stays on its tag")
    }

    func testSearchFiltersAsYouTypeAndSearchesBodies() {
        let (searching, _) = reduce(start, .startSearch)
        XCTAssertEqual(searching.mode, .searching(previous: ""))
        var state = searching
        var effects: [Effect] = []
        for character in "latency" { effects = Reducer.reduce(&state, .insertText(String(character))) }
        XCTAssertEqual(effects.first, .search(state.query), "body search asked of the runtime")
        AppFixture.settle(&state, effects)
        XCTAssertEqual(state.results.map { state.store.posts[$0].slug }, ["reducing-latency-in-go-apis"])
        AppFixture.send(&state, .submitPrompt)
        XCTAssertEqual(state.mode, .browsing)
        XCTAssertEqual(state.search, "latency")
        AppFixture.send(&state, .startSearch, .insertText("x"), .cancelPrompt)
        XCTAssertEqual(state.search, "latency", "Esc restores the search from before the prompt")
        XCTAssertEqual(state.results.count, 1)
    }

    func testStaleSearchResultsAreIgnored() {
        var state = start!
        AppFixture.send(&state, .startSearch)
        _ = Reducer.reduce(&state, .insertText("go"))
        let stale = PostQuery(search: "g")
        let (next, _) = reduce(state, .searchFinished(query: stale, results: []))
        XCTAssertEqual(next.results, state.results)
    }

    func testOpeningReadingAndGoingBack() {
        var state = start!
        AppFixture.send(&state, .openPost)
        XCTAssertEqual(state.mode, .reading(Reader(post: 0)))
        AppFixture.send(&state, .pageDown)
        XCTAssertEqual(state.mode, .reading(Reader(post: 0, scroll: PaneLayout.readerRows(height: 40) - 1)))
        AppFixture.send(&state, .nextPost)
        XCTAssertEqual(state.mode, .reading(Reader(post: 1)))
        XCTAssertEqual(state.selected, 1)
        AppFixture.send(&state, .back)
        XCTAssertEqual(state.mode, .browsing)
        XCTAssertEqual(state.selected, 1)
    }

    func testFindInThePost() throws {
        var state = start!
        let latency = AppFixture.number(state, "reducing-latency-in-go-apis")
        state.selected = latency
        AppFixture.send(&state, .openPost, .startFind)
        XCTAssertEqual(state.keyContext, .find)
        for character in "pprof" { AppFixture.send(&state, .insertText(String(character))) }
        AppFixture.send(&state, .submitPrompt)
        guard case let .reading(reader) = state.mode else { return XCTFail("not reading") }
        XCTAssertEqual(reader.find, .active("pprof", current: 0))
        let lines = ReaderContent.lines(state, post: latency).map { $0.text.lowercased() }
        XCTAssertTrue(lines[reader.scroll].contains("pprof") || reader.scroll == max(0, lines.count - PaneLayout.readerRows(height: 40)))
        AppFixture.send(&state, .findNext)
        guard case let .reading(after) = state.mode else { return XCTFail("not reading") }
        XCTAssertGreaterThanOrEqual(after.scroll, reader.scroll)
    }

    func testHelpOpensAndGoesBack() throws {
        let small = try AppFixture.state(width: 80, height: 12)
        let (help, _) = reduce(small, .showHelp)
        XCTAssertEqual(help.mode, .help(over: .browsing, scroll: 0))
        XCTAssertEqual(reduce(help, .moveDown).0.mode, .help(over: .browsing, scroll: 1))
        XCTAssertEqual(reduce(help, .back).0.mode, .browsing)
    }

    func testQuitAndRedrawAreEffects() {
        XCTAssertEqual(reduce(start, .quit).1, [.quit])
        XCTAssertEqual(reduce(start, .interrupt).1, [.interrupt])
        XCTAssertEqual(reduce(start, .interrupt).0, start, "an interrupt changes nothing: the runtime ends the session")
        XCTAssertEqual(reduce(start, .redraw).1, [.redraw])
    }

    func testResizeKeepsTheSelectionVisible() {
        var state = start!
        AppFixture.send(&state, .moveToLast, .resize(width: 70, height: 12))
        let index = state.results.firstIndex(of: state.selected!)!
        XCTAssertTrue((state.listScroll..<(state.listScroll + state.listItemsPerPage)).contains(index))
    }

    func testBodyFailureIsShown() {
        let (next, _) = reduce(start, .bodyFailed(post: 3, message: "cannot read: Permission denied"))
        XCTAssertEqual(next.failed[3], "cannot read: Permission denied")
    }
}
