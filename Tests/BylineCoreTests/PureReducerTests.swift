@testable import BylineCore
import XCTest

/// `reduce` is pure and lays nothing out: what needs a layout is kept as asked, bounded by the facts
/// the view measured (`.measured`), which the runtime sends back before the next key.
final class PureReducerTests: XCTestCase {
    private var start: AppState!

    override func setUpWithError() throws {
        start = try AppFixture.state()
    }

    /// Scrolled past the end in the preview and in the reader, the next move up moves at once.
    func testPageDownPastTheEndThenUpMovesAtOnce() throws {
        var state = start!
        AppFixture.send(&state, .focusNextPane, .moveToLast)
        let end = state.previewScroll
        XCTAssertGreaterThan(end, 0, "the selected post is longer than the pane")
        AppFixture.send(&state, .pageDown, .pageDown)
        XCTAssertEqual(state.previewScroll, end)
        AppFixture.send(&state, .moveUp)
        XCTAssertEqual(state.previewScroll, end - 1)

        AppFixture.send(&state, .openPost, .moveToLast)
        guard case let .reading(atEnd) = state.mode else { return XCTFail("\(state.mode)") }
        XCTAssertGreaterThan(atEnd.scroll, 0)
        AppFixture.send(&state, .pageDown, .moveDown, .pageDown, .moveUp)
        XCTAssertEqual(state.mode, .reading(Reader(post: atEnd.post, scroll: atEnd.scroll - 1)))
    }

    /// The bound comes from the facts the reducer is given, never from a layout of its own: told the
    /// post has 50 lines, it scrolls to line 50 less a screen, whatever the post really holds.
    func testTheScrollIsBoundedByTheMeasuredFactsAlone() throws {
        var state = start!
        AppFixture.send(&state, .focusNextPane)
        _ = Reducer.reduce(&state, .moveToLast)
        XCTAssertEqual(state.previewScroll, Int.max / 2, "kept as asked until the facts are in")
        let question = try XCTUnwrap(state.layoutQuestion)
        let rows = try XCTUnwrap(state.layout.rect(of: .preview)).height
        _ = Reducer.reduce(&state, .measured(LayoutFacts(key: question.key, lines: 50, isComplete: true)))
        XCTAssertEqual(state.previewScroll, 50 - rows)
        XCTAssertNil(state.layoutQuestion)

        // Facts for another post (or width) say nothing about this one.
        var other = question.key
        other.post += 1
        _ = Reducer.reduce(&state, .measured(LayoutFacts(key: other, lines: 60, isComplete: true)))
        _ = Reducer.reduce(&state, .moveToLast)
        XCTAssertEqual(state.previewScroll, Int.max / 2)
        XCTAssertNotNil(state.layoutQuestion)
    }

    /// A find's move waits for the matches to be counted, then goes there; none left says so.
    func testFindMovesOnceTheMatchesAreMeasured() throws {
        var state = start!
        AppFixture.send(&state, .openPost, .startFind, .insertText("the"))
        _ = Reducer.reduce(&state, .submitPrompt)
        let question = try XCTUnwrap(state.layoutQuestion)
        XCTAssertEqual(question.find, "the")
        let rows = PaneLayout.readerRows(height: state.height)
        let facts = LayoutFacts(key: question.key, lines: 200, isComplete: true, find: "the", matches: [3, 90, 190])
        _ = Reducer.reduce(&state, .measured(facts))
        func scroll() -> Int? { if case let .reading(reader) = state.mode, reader.intent == nil { return reader.scroll } else { return nil } }
        XCTAssertEqual(state.mode, .reading(Reader(post: 0, scroll: 3, find: .active("the", current: 0))))
        _ = Reducer.reduce(&state, .findNext)
        XCTAssertEqual(scroll(), 90, "counted once: n needs no question")
        _ = Reducer.reduce(&state, .findNext)
        XCTAssertEqual(scroll(), 200 - rows, "a match near the end: the last screen")
        _ = Reducer.reduce(&state, .findPrevious)
        XCTAssertEqual(scroll(), 90)
        _ = Reducer.reduce(&state, .findPrevious)
        XCTAssertEqual(scroll(), 3)
        XCTAssertNil(state.note)
        // Before the first match, N wraps to the last and says so.
        _ = Reducer.reduce(&state, .findPrevious)
        XCTAssertEqual(scroll(), 200 - rows)
        XCTAssertEqual(state.note, "search wrapped to the bottom")
        guard case let .reading(wrapped) = state.mode else { return XCTFail("\(state.mode)") }
        XCTAssertEqual(wrapped.find, .active("the", current: 2))
        _ = Reducer.reduce(&state, .keyPressed)
        XCTAssertNil(state.note)
    }

    /// The same actions from equal states give equal states and effects: nothing is read from a cache,
    /// and none is shared between copies of a state.
    func testReducingTheSameActionsFromEqualStatesGivesEqualResults() {
        let actions: [Action] = [.focusNextPane, .pageDown, .moveToLast, .focusTags, .moveDown, .toggleRequired,
                                 .openPost, .pageDown, .startFind, .insertText("go"), .submitPrompt, .findNext, .back,
                                 .startSearch, .insertText("a"), .submitPrompt, .inputIdle]
        var first = start!, second = start!
        for action in actions {
            let effects = (Reducer.reduce(&first, action), Reducer.reduce(&second, action))
            XCTAssertEqual(effects.0, effects.1, "\(action)")
            XCTAssertEqual(first, second, "\(action)")
        }
    }

    /// The view cache only remembers: a runtime keeping one cache and one drawing each action with a
    /// fresh cache reach the same states and the same frames.
    func testTheViewCacheChangesNoStateAndNoFrame() throws {
        let actions: [Action] = [.focusNextPane, .pageDown, .pageDown, .moveToLast, .pageDown, .moveUp, .focusNextPane,
                                 .moveDown, .openPost, .moveToLast, .pageDown, .moveUp, .startFind, .insertText("the"),
                                 .submitPrompt, .findNext, .findNext, .findPrevious, .resize(width: 80, height: 24),
                                 .findNext, .moveToLast, .moveUp, .back, .resize(width: 120, height: 40), .focusNextPane]
        var kept = start!, fresh = start!
        let cache = ViewCache()
        for action in actions {
            AppFixture.send(&kept, cache: cache, action)
            AppFixture.send(&fresh, action)
            XCTAssertEqual(kept, fresh, "\(action)")
            XCTAssertNil(kept.layoutQuestion, "answered before the next key: \(action)")
            XCTAssertEqual(AppView.render(kept, cache), AppView.render(fresh, ViewCache()), "\(action)")
        }
    }

    /// `==` is synthesized: every stored field takes part, so a field added later cannot be left out of
    /// the reducer tests' comparisons. Checked against the fields as reflection lists them.
    func testEveryStoredFieldTakesPartInEquality() throws {
        let key = LayoutKey(post: 0, numbering: 0, width: 10, glyphs: .unicode, body: .loaded)
        let actions: [Action] = [.keyPressed, .moveDown, .focusNextPane, .focusTags, .toggleTagSort, .startSearch, .openPost,
                                 .showHelp, .note("x"), .progress(.init(verb: "loading", done: 1, total: 2)),
                                 .measured(LayoutFacts(key: key, lines: 3, isComplete: true)), .resize(width: 80, height: 24),
                                 .bodyFailed(post: 5, message: "gone"), .bodyAbandoned(post: 1), .inputIdle]
        var states = [start!]
        for action in actions {
            var state = start!
            _ = Reducer.reduce(&state, action)
            states.append(state)
        }
        func fields(_ state: AppState) -> [String] {
            Mirror(reflecting: state).children.map { "\($0.label ?? "")=\(String(reflecting: $0.value))" }
        }
        XCTAssertTrue(Mirror(reflecting: start!).children.contains { $0.label == "layoutFacts" })
        for a in states {
            for b in states {
                XCTAssertEqual(a == b, fields(a) == fields(b))
            }
        }
    }
}
