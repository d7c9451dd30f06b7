@testable import BylineCore
import XCTest

/// Issue 18's steadier browsing, action by action, comparing the whole next state: the tag pane keeps
/// its order while toggling, a search selects its first result, `Esc` drops the search alone, `/` in
/// the tag pane finds a tag, `S` orders the list.
final class BrowseReducerTests: XCTestCase {
    private var start: AppState!

    override func setUpWithError() throws {
        start = try AppFixture.state()
    }


    /// The whole states equal; on failure, the names of the fields that differ (not two pages of dump).
    private func assertSame(_ next: AppState, _ expected: AppState, file: StaticString = #filePath, line: UInt = #line) {
        guard next != expected else { return }
        let differing = zip(Mirror(reflecting: next).children, Mirror(reflecting: expected).children)
            .filter { "\($0.value)" != "\($1.value)" }.map { "\($0.label ?? "?"): \(String("\($0.value)".prefix(300))) vs \(String("\($1.value)".prefix(300)))" }
        XCTFail("states differ in " + differing.joined(separator: "\n"), file: file, line: line)
    }

    /// `state` with the derived fields a filter change refreshes: results (newest first), tag counts.
    private func refiltered(_ state: AppState) -> AppState {
        var state = state
        state.setResultsInOrder(state.store.matches(state.query))
        state.orderedTags = state.countedTags
        return state
    }

    // MARK: The tag pane keeps its order

    func testRequiringATagKeepsEveryRowInPlaceAndOnlyRecounts() throws {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown)
        XCTAssertEqual(state.tagCursor, "go")
        let order = state.orderedTags.map(\.key)
        let (next, effects) = reduce(state, .toggleRequired)
        var expected = state
        expected.tagStates = ["go": .required]
        expected = refiltered(expected)
        expected.selected = expected.results.first
        expected.loading.insert(expected.results.first!)
        assertSame(next, expected)
        XCTAssertEqual(effects, [.loadBody(expected.results.first!)])
        XCTAssertEqual(next.orderedTags.map(\.key), order, "no row moved")
        XCTAssertEqual(next.orderedTags.first { $0.key == "mysql" }?.count, 0, "counts update in place")
    }

    func testSpaceThenJJLandsTwoRowsBelowThePressedRow() {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown)
        let order = state.orderedTags.map(\.key)
        AppFixture.send(&state, .toggleRequired, .moveDown, .moveDown)
        XCTAssertEqual(state.tagCursor, order[3])
    }

    func testExcludingATagLeavesTheCursorOnItsRow() {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown, .moveDown)
        let order = state.orderedTags.map(\.key)
        let (next, effects) = reduce(state, .toggleExcluded)
        var expected = state
        expected.tagStates = [order[2]: .excluded]
        expected = refiltered(expected)
        if let first = expected.results.first, expected.selected == first, expected.isUnasked(first) { expected.loading.insert(first) }
        assertSame(next, expected)
        XCTAssertEqual(effects, expected.loading.subtracting(state.loading).map { .loadBody($0) })
        XCTAssertEqual(next.orderedTags.map(\.key), order)
        XCTAssertEqual(next.orderedTags.firstIndex { $0.holds(next.tagCursor) }, 2, "the cursor stays on the row pressed")
        XCTAssertEqual(next.tagScroll, 0)
    }

    func testSortingAgainOnSAndWhenTheFilterIsCleared() throws {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown, .toggleRequired)
        let kept = state.orderedTags.map(\.key)
        // `s` twice: by name, then by count among the current results.
        AppFixture.send(&state, .toggleTagSort, .toggleTagSort)
        let byCount = state.orderedTags.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        XCTAssertEqual(state.orderedTags, byCount)
        XCTAssertNotEqual(state.orderedTags.map(\.key), kept, "the fixture's counts among go's posts reorder")
        // `c` clears and sorts as a fresh start does.
        let (cleared, _) = reduce(state, .clearFilter)
        var expected = state
        expected.tagStates = [:]
        expected = refiltered(expected)
        expected.tagOrder = start.tagOrder
        expected.orderedTags = start.orderedTags
        XCTAssertEqual(cleared, expected)
    }

    func testANewStoreSortsTheRows() throws {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown, .toggleRequired)
        let store = try loadStore(Fixtures.shippedPosts)
        AppFixture.send(&state, .storeReplaced(StoreUpdate(store, serial: 7)))
        let byCount = state.orderedTags.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        XCTAssertEqual(state.orderedTags, byCount)
    }

    // MARK: A search selects its first result

    func testEachKeyOfASearchSelectsTheFirstResultAtTheTop() throws {
        var state = try AppFixture.state(width: 120, height: 20)
        AppFixture.send(&state, .moveToLast, .startSearch)
        XCTAssertGreaterThan(state.listScroll, 0)
        let (next, effects) = reduce(state, .insertText("e"))
        var expected = state
        expected.search = "e"
        // What a key finds at once (titles, summaries, tags): the bodies' matches come with the search.
        expected.refreshResults()
        expected.orderedTags = expected.countedTags
        expected.selected = expected.results.first
        expected.listScroll = 0
        expected.pendingSearch = expected.query
        if let first = expected.results.first, expected.isUnasked(first) { expected.loading.insert(first) }
        assertSame(next, expected)
        XCTAssertEqual(effects.first, .search(expected.query))
    }

    func testTheFinalResultsMoveASelectionStillOnTheFirstResult() throws {
        var state = start!
        AppFixture.send(&state, .startSearch)
        _ = Reducer.reduce(&state, .insertText("go"))
        XCTAssertEqual(state.selected, state.results.first)
        let final = state.store.matches(state.query)
        let (next, _) = reduce(state, .searchFinished(query: state.query, results: final))
        XCTAssertEqual(next.results, final)
        XCTAssertEqual(next.selected, final.first)
        XCTAssertEqual(next.listScroll, 0)
    }

    func testTheFinalResultsLeaveASelectionTheReaderMoved() throws {
        var state = start!
        AppFixture.send(&state, .startSearch)
        _ = Reducer.reduce(&state, .insertText("go"))
        _ = Reducer.reduce(&state, .moveDown)
        let moved = try XCTUnwrap(state.selected)
        let final = state.store.matches(state.query)
        XCTAssertTrue(final.contains(moved))
        let (next, _) = reduce(state, .searchFinished(query: state.query, results: final))
        XCTAssertEqual(next.selected, moved)
    }

    // MARK: Esc clears the search, and only the search

    func testEscapeInBrowseClearsTheSearchAndKeepsTheTags() {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown, .toggleRequired, .startSearch, .insertText("go"), .submitPrompt)
        XCTAssertEqual(Keymap.action(for: .escape, in: .tags), .clearSearch)
        XCTAssertEqual(Keymap.action(for: .escape, in: .list), .clearSearch)
        let (next, effects) = reduce(state, .clearSearch)
        var expected = state
        expected.search = ""
        expected = refiltered(expected)
        assertSame(next, expected)
        XCTAssertEqual(next.tagStates, ["go": .required])
        XCTAssertEqual(effects, [])
    }

    func testEscapeWithNoSearchDoesNothing() {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown, .toggleRequired)
        let (next, effects) = reduce(state, .clearSearch)
        XCTAssertEqual(next, state)
        XCTAssertEqual(effects, [])
    }

    // MARK: `/` in the tag pane finds a tag

    func testSlashInTheTagPaneOpensTheTagPrompt() {
        var state = start!
        AppFixture.send(&state, .focusTags)
        XCTAssertEqual(Keymap.action(for: .character("/"), in: .tags), .startTagFind)
        XCTAssertEqual(Keymap.action(for: .character("/"), in: .list), .startSearch)
        XCTAssertEqual(Keymap.action(for: .character("/"), in: .preview), .startSearch)
        let (next, effects) = reduce(state, .startTagFind)
        var expected = state
        expected.mode = .findingTag(TagFind(text: "", returnTo: "backend"))
        assertSame(next, expected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(next.keyContext, .tagFind)
        XCTAssertEqual(Keymap.action(for: .character("q"), in: .tagFind), .insertText("q"))
        XCTAssertEqual(Keymap.action(for: .escape, in: .tagFind), .cancelPrompt)
        XCTAssertEqual(Keymap.action(for: .enter, in: .tagFind), .submitPrompt)
    }

    func testTypingMovesTheCursorToThePrefixThenTheContainingTag() {
        var state = start!
        AppFixture.send(&state, .focusTags, .startTagFind)
        let (typed, _) = reduce(state, .insertText("P"))
        var expected = state
        expected.mode = .findingTag(TagFind(text: "P", returnTo: "backend"))
        expected.tagCursor = "performance"
        XCTAssertEqual(typed, expected,  "a name starting with it, case aside")
        var contains = state
        AppFixture.send(&contains, .insertText("s"), .insertText("q"), .insertText("l"))
        XCTAssertEqual(contains.tagCursor, "mysql", "no name starts with sql: one containing it")
        XCTAssertEqual(contains.orderedTags, state.orderedTags)
    }

    func testAccentsAndCaseAsideWhenFolding() {
        XCTAssertEqual(LatinFolding.folded("Café Crème"), "cafe creme")
        XCTAssertEqual(LatinFolding.folded("cafe\u{301}"), "cafe")
        let rows = [AppState.TagRow(key: "écriture", name: "Écriture", count: 1, state: .off)]
        XCTAssertEqual(TagFind.firstMatch("ecr", in: rows), "écriture")
        XCTAssertEqual(TagFind.firstMatch("ÉCR", in: rows), "écriture")
        XCTAssertNil(TagFind.firstMatch("x", in: rows))
    }

    func testNoMatchSaysSoAndLeavesTheCursor() {
        var state = start!
        AppFixture.send(&state, .focusTags, .moveDown, .startTagFind)
        let (next, effects) = reduce(state, .insertText("zz"))
        var expected = state
        expected.mode = .findingTag(TagFind(text: "zz", returnTo: "go"))
        expected.note = "no tag matches \u{201C}zz\u{201D}"
        assertSame(next, expected)
        XCTAssertEqual(effects, [])
    }

    func testEnterKeepsTheCursorAndEscapeTakesItBack() {
        var state = start!
        AppFixture.send(&state, .focusTags, .startTagFind, .insertText("my"))
        XCTAssertEqual(state.tagCursor, "mysql")
        let (kept, _) = reduce(state, .submitPrompt)
        var expected = state
        expected.mode = .browsing
        XCTAssertEqual(kept, expected)
        let (back, _) = reduce(state, .cancelPrompt)
        expected.tagCursor = "backend"
        expected.tagScroll = 0
        XCTAssertEqual(back, expected)
        // Backspace to nothing goes back to where the prompt started.
        let (emptied, _) = reduce(reduce(state, .deleteBackward).0, .deleteBackward)
        XCTAssertEqual(emptied.tagCursor, "backend")
        XCTAssertEqual(emptied.mode, .findingTag(TagFind(text: "", returnTo: "backend")))
    }

    // MARK: `S` orders the list

    func testSCyclesNewestOldestTitleAndKeepsTheSelectedPost() throws {
        var state = start!
        AppFixture.send(&state, .moveDown, .moveDown)
        let selected = try XCTUnwrap(state.selected)
        XCTAssertEqual(Keymap.action(for: .character("S"), in: .list), .cycleListOrder)
        let newest = state.results
        let (oldest, effects) = reduce(state, .cycleListOrder)
        var expected = state
        expected.listOrder = .oldest
        expected.setResultsInOrder(newest)
        XCTAssertEqual(oldest, expected)
        XCTAssertEqual(effects, [.prepareTitleOrder], "the title order, next, is sorted off the input thread meanwhile")

        let (byTitle, titleEffects) = reduce(oldest, .cycleListOrder)
        XCTAssertEqual(titleEffects, [])
        expected.listOrder = .title
        let titles = newest.sorted { a, b in
            let (x, y) = (LatinFolding.folded(state.store.posts[a].title), LatinFolding.folded(state.store.posts[b].title))
            return x != y ? x.utf8.lexicographicallyPrecedes(y.utf8) : a < b
        }
        expected.setResultsInOrder(newest)
        XCTAssertEqual(expected.results, titles)
        expected.listScroll = byTitle.listScroll
        XCTAssertEqual(byTitle, expected)
        XCTAssertEqual(byTitle.selected, selected, "the selection stays on its post")

        let (again, _) = reduce(byTitle, .cycleListOrder)
        expected.listOrder = .newest
        expected.setResultsInOrder(newest)
        expected.listScroll = again.listScroll
        XCTAssertEqual(again, expected)
    }

    func testAFilterInTitleOrderListsByTitle() {
        var state = start!
        AppFixture.send(&state, .cycleListOrder, .cycleListOrder, .focusTags, .moveDown, .toggleRequired)
        let titles = state.results.map { LatinFolding.folded(state.store.posts[$0].title) }
        XCTAssertEqual(titles, titles.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(Set(state.results), Set(state.store.matches(state.query)))
        XCTAssertEqual(state.resultsNewestFirst, state.store.matches(state.query))
    }

    func testThePostsHeaderSaysTheOrder() {
        var state = start!
        AppFixture.send(&state, .cycleListOrder)
        XCTAssertTrue(AppView.render(state).rows[1].contains("Posts (oldest first)"))
        AppFixture.send(&state, .cycleListOrder)
        XCTAssertTrue(AppView.render(state).rows[1].contains("Posts (by title)"))
        AppFixture.send(&state, .cycleListOrder)
        XCTAssertFalse(AppView.render(state).rows[1].contains("Posts ("))
    }
}
