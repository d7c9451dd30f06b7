@testable import BylineCore
import BylineTestSupport
import XCTest

/// Find that answers: which match is current out of how many, wrap-around with a note, "no match",
/// the current match drawn apart. Whole next states compared, on facts given by hand; then the
/// real layout's count and a golden status line.
final class FindFeedbackTests: XCTestCase {
    let golden = Golden()
    private var start: AppState!

    override func setUpWithError() throws {
        start = try AppFixture.state()
    }


    private func reader(_ state: AppState) -> Reader? {
        if case let .reading(reader) = state.mode { return reader }
        return nil
    }

    /// The first post open in the reader at `scroll`, `text` typed in the find prompt, not yet submitted.
    private func typing(_ text: String, scroll: Int = 0) -> AppState {
        var state = start!
        AppFixture.send(&state, .openPost)
        var reading = reader(state)!
        reading.scroll = scroll
        reading.find = .typing(text)
        state.mode = .reading(reading)
        return state
    }

    /// `state` with the reader at `scroll` and `find`, no intent left, and `note`.
    private func expected(_ state: AppState, scroll: Int, find: Find, note: String? = nil) -> AppState {
        var expected = state
        var reading = reader(state)!
        reading.scroll = scroll
        reading.find = find
        reading.intent = nil
        expected.mode = .reading(reading)
        expected.note = note
        return expected
    }

    private func measured(_ state: AppState, _ find: String, _ matches: [Int], lines: Int = 200) -> LayoutFacts {
        LayoutFacts(key: state.readerKey(reader(state)!), lines: lines, isComplete: true, find: find, matches: matches)
    }

    func testSubmittingWithoutAMatchSaysSoAndKeepsTheText() throws {
        var (state, effects) = reduce(typing("zzq", scroll: 5), .submitPrompt)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(state.layoutQuestion?.find, "zzq")
        let facts = measured(state, "zzq", [])
        (state, _) = reduce(state, .measured(facts))
        var want = expected(state, scroll: 5, find: .active("zzq", current: nil), note: "no match for \"zzq\"")
        want.layoutFacts = facts
        XCTAssertEqual(state, want)
        // n says it again; the note goes with the next key.
        (state, _) = reduce(state, .keyPressed)
        XCTAssertNil(state.note)
        (state, _) = reduce(state, .findNext)
        XCTAssertEqual(state.note, "no match for \"zzq\"")
        XCTAssertEqual(reader(state)?.scroll, 5)
    }

    func testMatchesAreCountedAndSteppedOneByOneWrappingWithANote() throws {
        var (state, _) = reduce(typing("the"), .submitPrompt)
        (state, _) = reduce(state, .measured(measured(state, "the", [3, 3, 90])))
        XCTAssertEqual(state, expected(state, scroll: 3, find: .active("the", current: 0)))
        let steps: [(Action, Int, Int, String?)] = [
            (.findNext, 3, 1, nil),                              // the second match of the same line: no scroll
            (.findNext, 90, 2, nil),
            (.findNext, 3, 0, "search wrapped to the top"),      // past the last: the first, said
            (.findPrevious, 90, 2, "search wrapped to the bottom"), // before the first: the last, said
            (.findPrevious, 3, 1, nil),
        ]
        for (action, scroll, current, note) in steps {
            (state, _) = reduce(state, .keyPressed)
            let (next, effects) = reduce(state, action)
            XCTAssertEqual(effects, [])
            XCTAssertEqual(next, expected(state, scroll: scroll, find: .active("the", current: current), note: note), "\(action) to \(current)")
            state = next
        }
    }

    func testAwayFromTheCurrentMatchNStartsFromTheScreen() throws {
        var (state, _) = reduce(typing("the"), .submitPrompt)
        (state, _) = reduce(state, .measured(measured(state, "the", [3, 90, 150])))
        // Paged away from the current match (line 3): n goes to the first match from the top line on.
        var reading = reader(state)!
        reading.scroll = 60
        state.mode = .reading(reading)
        var (next, _) = reduce(state, .findNext)
        XCTAssertEqual(next, expected(state, scroll: 90, find: .active("the", current: 1)))
        // And N to the last above it.
        reading.scroll = 120
        state.mode = .reading(reading)
        (next, _) = reduce(state, .findPrevious)
        XCTAssertEqual(next, expected(state, scroll: 90, find: .active("the", current: 1)))
        // Submitted below the last match: the first, with the note.
        (next, _) = reduce(typing("the", scroll: 160), .submitPrompt)
        (next, _) = reduce(next, .measured(measured(next, "the", [3, 90, 150])))
        XCTAssertEqual(reader(next)?.find, .active("the", current: 0))
        XCTAssertEqual(reader(next)?.scroll, 3)
        XCTAssertEqual(next.note, "search wrapped to the top")
    }

    /// Counted on the real layout: one entry per match, lines with two listed twice, the same count
    /// the marks show; `3 of N` on the status line, the current match `current`, the others `match`.
    func testTheStatusLineSaysWhichMatchOutOfHowManyAndTheCurrentOneStandsOut() throws {
        var state = start!
        state.selected = AppFixture.number(state, "reducing-latency-in-go-apis")
        let cache = ViewCache()
        AppFixture.send(&state, cache: cache, .openPost, .startFind, .insertText("pool"), .submitPrompt, .findNext, .findNext)
        let reading = try XCTUnwrap(reader(state))
        let matches = ReaderContent.matchingLines(state, state.readerKey(reading), query: "pool", in: cache)
        let lines = ReaderContent.lines(state, post: reading.post)
        // Counted another way: pieces between the (ASCII, so case-folded byte for byte) text.
        let counted = lines.map { $0.text.lowercased().components(separatedBy: "pool").count - 1 }
        XCTAssertEqual(matches.count, counted.reduce(0, +), "one entry per match")
        for (number, count) in counted.enumerated() { XCTAssertEqual(matches.filter { $0 == number }.count, count, "line \(number)") }
        XCTAssertEqual(matches, Array(matches.sorted()))
        XCTAssertGreaterThan(matches.count, 3)
        XCTAssertEqual(reading.find, .active("pool", current: 2))
        let screen = AppView.render(state, cache)
        let status = screen.rows[state.height - 1]
        XCTAssertTrue(status.contains("/pool 3 of \(matches.count)"), status)
        var current = 0, others = 0
        for row in 1..<(state.height - 1) {
            for column in 0..<state.width {
                let style = screen[row, column].style
                if style.contains(.currentMatch) { current += 1 } else if style.contains(.match) { others += 1 }
            }
        }
        XCTAssertEqual(current, 4, "one match, four letters, drawn as the current one")
        XCTAssertGreaterThan(others, 0)
        golden.assert(Golden.text(of: screen), named: "find.120x40.txt")

        // No match: the note on the status line, the text kept with `0 of 0`.
        AppFixture.send(&state, cache: cache, .startFind, .insertText("zzqx"), .submitPrompt)
        let none = AppView.render(state, cache).rows[state.height - 1]
        XCTAssertTrue(none.contains("/zzqx 0 of 0 · no match for \"zzqx\""), none)
        golden.assert(Golden.text(of: AppView.render(state, cache)), named: "find-none.120x40.txt")
    }

    func testTheCurrentMatchIsMarkedWithoutColourToo() {
        for theme in [Theme.mono, .dark, .light] {
            let plain = theme.withoutColors
            XCTAssertNotEqual(plain.attributes(for: [.match, .currentMatch]), plain.attributes(for: .match), theme.name)
            XCTAssertNotEqual(theme.attributes(for: [.match, .currentMatch]), theme.attributes(for: .match), theme.name)
        }
        XCTAssertEqual(TextStyle([.match, .currentMatch]).description, "match+current")
    }

    /// The marks and the count agree on lines where matches sit side by side or overlap.
    func testMatchesDoNotOverlapAndTheOrdinalPicksTheCurrentOne() {
        let line = StyledLine("aaaa Aa", .plain)
        let marked = Highlight.matches(of: "aa", in: line, current: 1)
        XCTAssertEqual(marked.spans.map(\.text), ["aa", "aa", " ", "Aa"])
        XCTAssertEqual(marked.spans.map(\.style), [.match, [.match, .currentMatch], .plain, .match])
        XCTAssertEqual(FindText.ranges(of: FindText.folded("aa"), in: FindText.folded("aaaa Aa")).count, 3)
        XCTAssertEqual(FindText.ranges(of: FindText.folded("東京"), in: FindText.folded("東京と東京🎉")), [0..<2, 3..<5])
    }
}
