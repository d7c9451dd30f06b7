@testable import BylineCore
import BylineTestSupport
import XCTest

/// The mouse on the browsing screen (`Reducer.browseMouse`): a click focuses the pane under it and
/// selects the row; a click on a tag toggles it; the wheel scrolls the pane under the pointer. Each
/// compared as the whole next state.
final class BrowseMouseTests: XCTestCase {

    private func click(row: Int, column: Int) -> Action { .mouse(MouseEvent(.press(button: 0), row: row, column: column)) }
    private func wheel(down: Bool, row: Int, column: Int) -> Action { .mouse(MouseEvent(down ? .wheelDown : .wheelUp, row: row, column: column)) }

    private func rect(_ state: AppState, _ pane: Pane) throws -> PaneLayout.Rect { try XCTUnwrap(state.layout.rect(of: pane)) }

    func testAClickOnAPostFocusesTheListAndSelectsIt() throws {
        var state = try AppFixture.state()
        AppFixture.send(&state, .focusTags)
        let list = try rect(state, .list)
        XCTAssertEqual(state.listItemHeight, 2)
        // The second row of the fourth post: its summary line.
        let (next, effects) = reduce(state, click(row: list.y + 3 * 2 + 1, column: list.x + 5))
        var expected = state
        expected.focus = .list
        expected.selected = state.results[3]
        expected.loading.insert(state.results[3])
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.loadBody(state.results[3])])
    }

    func testAClickBelowTheLastPostOnlyFocusesTheList() throws {
        var state = try AppFixture.state()
        AppFixture.send(&state, .focusTags)
        let list = try rect(state, .list)
        let (next, _) = reduce(state, click(row: list.y + list.height - 1, column: list.x + 1))
        XCTAssertEqual(state.results.count, 14, "14 two-row posts end above the pane's last row")
        var expected = state
        expected.focus = .list
        XCTAssertEqual(next, expected)
    }

    func testAClickOnATagTogglesItAndASecondClickUntoggles() throws {
        let state = try AppFixture.state()
        let tags = try rect(state, .tags)
        let key = state.orderedTags[1].key
        let (once, effects) = reduce(state, click(row: tags.y + 1, column: tags.x + 3))
        var expected = state
        AppFixture.send(&expected, .focusTags, .moveDown, .toggleRequired)
        XCTAssertEqual(expected.tagStates, [key: .required])
        var reduced = state
        reduced.focus = .tags
        reduced.tagCursor = key
        var viaKeys = reduced
        let keyEffects = Reducer.reduce(&viaKeys, .toggleRequired)
        XCTAssertEqual(once, viaKeys, "a click is the cursor on the tag and Space")
        XCTAssertEqual(effects, keyEffects)
        XCTAssertEqual(once.orderedTags.map(\.key), state.orderedTags.map(\.key), "the row stays where it was clicked")
        let (twice, _) = reduce(once, click(row: tags.y + 1, column: tags.x + 3))
        XCTAssertEqual(twice.tagStates, [:])
        XCTAssertEqual(twice.tagCursor, key)
        XCTAssertEqual(twice.results, state.results)
    }

    func testAClickOnAnExcludedTagRequiresIt() throws {
        var state = try AppFixture.state()
        AppFixture.send(&state, .focusTags, .toggleExcluded)
        let tags = try rect(state, .tags)
        let (next, _) = reduce(state, click(row: tags.y, column: tags.x + 3))
        XCTAssertEqual(next.tagStates, [state.orderedTags[0].key: .required])
    }

    func testTheTitleBarTheStatusLineAndTheEdgesDoNothing() throws {
        let state = try AppFixture.state()
        let list = try rect(state, .list)
        for (row, column) in [(0, 5), (0, list.x + 2), (state.height - 1, 3), (state.height - 1, list.x + 2), (list.y + 2, list.x - 1)] {
            let (next, effects) = reduce(state, click(row: row, column: column))
            XCTAssertEqual(next, state, "click at \(row),\(column)")
            XCTAssertEqual(effects, [])
            XCTAssertEqual(reduce(state, wheel(down: true, row: row, column: column)).0, state, "wheel at \(row),\(column)")
        }
    }

    func testAClickOnAPaneHeaderFocusesThePane() throws {
        let state = try AppFixture.state()
        let preview = try rect(state, .preview)
        let (next, _) = reduce(state, click(row: preview.y - 1, column: preview.x + 2))
        var expected = state
        expected.focus = .preview
        XCTAssertEqual(next, expected)
        let tags = try rect(state, .tags)
        expected.focus = .tags
        XCTAssertEqual(reduce(state, click(row: tags.y - 1, column: tags.x)).0, expected)
    }

    func testOtherButtonsAndReleasesDoNothing() throws {
        let state = try AppFixture.state()
        let list = try rect(state, .list)
        for kind: MouseEvent.Kind in [.press(button: 2), .press(button: 1), .release] {
            XCTAssertEqual(reduce(state, .mouse(MouseEvent(kind, row: list.y + 4, column: list.x + 2))).0, state)
        }
    }

    func testTheMouseDoesNothingWhileAPromptIsOpen() throws {
        var state = try AppFixture.state()
        AppFixture.send(&state, .startSearch)
        let list = try rect(state, .list)
        XCTAssertEqual(reduce(state, click(row: list.y + 4, column: list.x + 2)).0, state)
        AppFixture.send(&state, .cancelPrompt, .focusTags, .startTagFind)
        XCTAssertEqual(reduce(state, click(row: list.y + 4, column: list.x + 2)).0, state)
    }

    func testTheWheelOverTheListScrollsOnePostANotchAndDragsTheSelectionAlong() throws {
        var state = try AppFixture.state(width: 120, height: 20)
        AppFixture.send(&state, .focusTags)
        let list = try rect(state, .list)
        XCTAssertEqual(state.listItemHeight, 2, "three rows a notch are one post of two rows")
        let (next, effects) = reduce(state, wheel(down: true, row: list.y + 2, column: list.x + 2))
        var expected = state
        expected.listScroll = 1
        expected.selected = state.results[1]
        expected.loading.insert(state.results[1])
        XCTAssertEqual(next, expected, "the focus stays; the selection, scrolled off, comes to the top row")
        XCTAssertEqual(effects, [.loadBody(state.results[1])])
        let (back, _) = reduce(next, wheel(down: false, row: list.y + 2, column: list.x + 2))
        expected.listScroll = 0
        XCTAssertEqual(back, expected, "the selection, still on screen, stays")
        XCTAssertEqual(reduce(back, wheel(down: false, row: list.y, column: list.x + 2)).0, back, "no scroll above the top")
    }

    func testTheWheelOverOneRowPostsScrollsThreePosts() throws {
        let state = try AppFixture.state(width: 120, height: 12)
        let list = try rect(state, .list)
        XCTAssertEqual(state.listItemHeight, 1)
        let (next, _) = reduce(state, wheel(down: true, row: list.y, column: list.x + 2))
        XCTAssertEqual(next.listScroll, 3)
        XCTAssertEqual(next.selected, state.results[3])
    }

    func testTheWheelOverTheTagsScrollsThreeRowsAndKeepsTheCursorOnScreen() throws {
        let state = try AppFixture.state(width: 120, height: 10)
        let tags = try rect(state, .tags)
        XCTAssertGreaterThan(state.orderedTags.count, tags.height + 3)
        let (next, effects) = reduce(state, wheel(down: true, row: tags.y, column: tags.x + 1))
        var expected = state
        expected.tagScroll = 3
        expected.tagCursor = state.orderedTags[3].key
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [])
        let (up, _) = reduce(next, wheel(down: false, row: tags.y, column: tags.x + 1))
        expected.tagScroll = 0
        XCTAssertEqual(up, expected, "the cursor on screen stays on its tag")
    }

    func testTheWheelOverThePreviewScrollsItThreeLines() throws {
        let state = try AppFixture.state()
        let preview = try rect(state, .preview)
        var next = state
        AppFixture.send(&next, wheel(down: true, row: preview.y + 3, column: preview.x + 3))
        XCTAssertEqual(next.previewScroll, 3)
        XCTAssertEqual(next.focus, .list, "the wheel does not move the focus")
        XCTAssertEqual(next.selected, state.selected)
        AppFixture.send(&next, wheel(down: false, row: preview.y + 3, column: preview.x + 3), wheel(down: false, row: preview.y, column: preview.x + 3))
        XCTAssertEqual(next.previewScroll, 0)
    }

    func testTheTwoPaneLayoutClicksThePaneOnScreen() throws {
        let state = try AppFixture.state(width: 80, height: 24)
        XCTAssertNil(state.layout.rect(of: .preview))
        let list = try rect(state, .list)
        let (next, _) = reduce(state, click(row: list.y, column: list.x + 1))
        XCTAssertEqual(next.focus, .list)
        XCTAssertEqual(next.selected, state.results[0])
    }

    func testAClickOnTheLanguagesHeadingDoesNothing() throws {
        let site = try loadStore(Fixtures.site("jekyll"))
        let mine = site.posts.indices.filter { site.posts[$0].path.contains("language-") }.map {
            PostStore.LoadedFile(path: site.posts[$0].path, absolutePath: site.absolutePath(of: $0), stamp: nil, post: site.posts[$0], diagnostics: [])
        }
        let store = PostStore.assemble(root: site.root, realRoot: site.realRoot, layout: site.layout, entries: mine, finderDiagnostics: [], includeDrafts: false)
        var state = AppState(store: store, blogName: "jekyll", width: 120, height: 40)
        AppFixture.settle(&state, Reducer.reduce(&state, .resize(width: 120, height: 40)))
        let heading = try XCTUnwrap(state.orderedTags.firstIndex { $0.isHeading })
        let tags = try rect(state, .tags)
        let (next, effects) = reduce(state, click(row: tags.y + heading - state.tagScroll, column: tags.x + 3))
        XCTAssertEqual(next, state)
        XCTAssertEqual(effects, [])
        // The language under it toggles as a tag does.
        let (language, _) = reduce(state, click(row: tags.y + heading + 1 - state.tagScroll, column: tags.x + 3))
        XCTAssertEqual(language.tagStates, [state.orderedTags[heading + 1].key: .required])
    }
}
