@testable import BylineCore
import BylineTestSupport
import Foundation
import XCTest

/// The reader's outline (`o`): every action and transition, whole next states compared; the overlay
/// and the section on the status line as golden screens, width-safe down to the minimum size.
final class OutlineTests: XCTestCase {
    let golden = Golden()

    /// A blog of one post with five headings (a CJK and emoji one, a long one) between paragraphs.
    static func headingsBlog() throws -> TempFolder {
        let folder = try TempFolder()
        let filler = (1...6).map { "Paragraph \($0) of filler text, long enough to wrap onto a second line at eighty columns or so." }
            .joined(separator: "\n\n")
        let body = """
        Intro before any heading.

        # Why Swift?

        \(filler)

        ## 日本語の見出し 🎉

        \(filler)

        ### A very long heading that has to be cut with an ellipsis in a narrow outline box

        \(filler)

        ## Café au lait

        \(filler)

        ## Last words

        \(filler)
        """
        try folder.write("headings.md", "---\ntitle: Headings 見出し\ndate: 2024-01-01\n---\n\n" + body + "\n")
        try folder.write("plain.md", "---\ntitle: Plain\ndate: 2023-01-01\n---\n\nNo headings here at all.\n")
        return folder
    }


    private func reader(_ state: AppState) -> Reader? {
        if case let .reading(reader) = state.mode { return reader }
        return nil
    }

    /// Facts as the view would measure them for the reader's post: complete, with these heading lines.
    private func facts(_ state: AppState, lines: Int = 300, headingLines: [Int] = [10, 40, 80, 120, 200]) throws -> LayoutFacts {
        let reader = try XCTUnwrap(reader(state))
        return LayoutFacts(key: state.readerKey(reader), lines: lines, isComplete: true, headingLines: headingLines)
    }

    /// The headings post open in the reader at `scroll`, the facts for it measured.
    private func readingState(scroll: Int = 0) throws -> (AppState, TempFolder) {
        let folder = try Self.headingsBlog()
        var state = try AppFixture.state(folder.path)
        XCTAssertEqual(state.store.posts[state.selected!].title, "Headings 見出し")
        AppFixture.send(&state, .openPost)
        _ = Reducer.reduce(&state, .measured(try facts(state)))
        var reader = try XCTUnwrap(reader(state))
        reader.scroll = scroll
        state.mode = .reading(reader)
        return (state, folder)
    }

    func testOOpensTheOutlineOnTheSectionTheScreenIsIn() throws {
        let (state, _folder) = try readingState(scroll: 50)
        _ = _folder
        // The cursor waits for the headings' lines: a question, then the answer.
        var (next, effects) = reduce(state, .showOutline)
        XCTAssertEqual(effects, [])
        var expected = state
        var opening = try XCTUnwrap(reader(state))
        opening.overlay = .outline(cursor: 0)
        opening.intent = .outlineAtSection
        expected.mode = .reading(opening)
        // Facts already in for this post settle it at once: the section of line 50 is heading 1 (line 40).
        var settled = try XCTUnwrap(reader(state))
        settled.overlay = .outline(cursor: 1)
        expected.mode = .reading(settled)
        XCTAssertEqual(next, expected)
        XCTAssertEqual(next.keyContext, .outline)
        XCTAssertNil(next.layoutQuestion)

        // Without facts for the reader's layout, it asks, and settles on the answer.
        var waiting = state
        waiting.layoutFacts = nil
        (next, _) = reduce(waiting, .showOutline)
        var asked = waiting
        asked.mode = .reading(opening)
        XCTAssertEqual(next, asked)
        XCTAssertEqual(next.layoutQuestion?.lines, .max)
        let measured = try facts(state)
        (next, _) = reduce(next, .measured(measured))
        var answered = waiting
        answered.layoutFacts = measured
        answered.mode = .reading(settled)
        XCTAssertEqual(next, answered)

        // Above the first heading, the cursor starts on the first.
        let (top, _top) = try readingState(scroll: 0)
        _ = _top
        (next, _) = reduce(top, .showOutline)
        XCTAssertEqual(reader(next)?.overlay, .outline(cursor: 0))
    }

    func testTheCursorMovesWithinTheHeadings() throws {
        let (state, _folder) = try readingState(scroll: 50)
        _ = _folder
        let (open, _) = reduce(state, .showOutline)
        func moved(_ from: AppState, _ action: Action, to cursor: Int, file: StaticString = #filePath, line: UInt = #line) -> AppState {
            let (next, effects) = reduce(from, action)
            var expected = from
            var reading = reader(from)!
            reading.overlay = .outline(cursor: cursor)
            expected.mode = .reading(reading)
            XCTAssertEqual(next, expected, "\(action)", file: file, line: line)
            XCTAssertEqual(effects, [], file: file, line: line)
            return next
        }
        var state2 = moved(open, .moveDown, to: 2)
        state2 = moved(state2, .moveUp, to: 1)
        state2 = moved(state2, .moveToLast, to: 4)
        state2 = moved(state2, .moveDown, to: 4)
        state2 = moved(state2, .moveToFirst, to: 0)
        state2 = moved(state2, .moveUp, to: 0)
        state2 = moved(state2, .pageDown, to: 4)
        state2 = moved(state2, .pageUp, to: 0)
        // Keys the outline does not use change nothing: the reader behind it does not scroll or find.
        for action in [Action.findNext, .startFind, .nextPost, .showOutline] {
            XCTAssertEqual(reduce(state2, action).0, state2, "\(action)")
        }
    }

    func testEnterGoesToTheHeadingAndClosesTheOutline() throws {
        let (state, _folder) = try readingState(scroll: 50)
        _ = _folder
        var (next, _) = reduce(state, .showOutline)
        (next, _) = reduce(next, .moveDown)
        let (went, effects) = reduce(next, .goToHeading)
        XCTAssertEqual(effects, [])
        var expected = next
        var reading = reader(next)!
        reading.overlay = .none
        reading.scroll = 80
        expected.mode = .reading(reading)
        XCTAssertEqual(went, expected)
        XCTAssertEqual(went.keyContext, .reader)

        // The last heading near the end (line 200 of 220): the scroll stops at the post's last screen.
        (next, _) = reduce(next, .measured(try facts(next, lines: 220)))
        (next, _) = reduce(next, .moveToLast)
        let (last, _) = reduce(next, .goToHeading)
        XCTAssertEqual(reader(last)?.scroll, 220 - PaneLayout.readerRows(height: 40))
        XCTAssertEqual(reader(last)?.overlay, ReaderOverlay.none)
    }

    func testQEscAndOCloseTheOutlineWhereItWas() throws {
        let (state, _folder) = try readingState(scroll: 50)
        _ = _folder
        let (open, _) = reduce(state, .showOutline)
        for key in [Key.character("q"), .escape, .character("o")] {
            let action = try XCTUnwrap(Keymap.action(for: key, in: open.keyContext))
            XCTAssertEqual(action, .back)
            let (closed, effects) = reduce(open, action)
            XCTAssertEqual(closed, state, "\(key.label) closes it and changes nothing else")
            XCTAssertEqual(effects, [])
        }
    }

    func testTheOutlineKeysAreInTheOneTable() {
        XCTAssertEqual(Keymap.action(for: .character("o"), in: .reader), .showOutline)
        XCTAssertEqual(Keymap.action(for: .enter, in: .outline), .goToHeading)
        XCTAssertEqual(Keymap.action(for: .character("j"), in: .outline), .moveDown)
        XCTAssertEqual(Keymap.action(for: .character("k"), in: .outline), .moveUp)
        XCTAssertEqual(Keymap.action(for: .character("G"), in: .outline), .moveToLast)
        XCTAssertEqual(Keymap.action(for: .pageDown, in: .outline), .pageDown)
        XCTAssertEqual(Keymap.action(for: .character("/"), in: .outline), nil)
        XCTAssertEqual(Keymap.action(for: .character("o"), in: .find), .insertText("o"), "typed in the find prompt, o is text")
        XCTAssertEqual(Keymap.hints(in: .outline), ["j/k move", "Enter go", "o/q close"])
        XCTAssertTrue(Keymap.hints(in: .reader).contains("o outline"))
    }

    func testAPostWithoutHeadingsSaysSoAndEnterStaysPut() throws {
        let folder = try Self.headingsBlog()
        var state = try AppFixture.state(folder.path, width: 80, height: 24)
        AppFixture.send(&state, .moveDown, .openPost, .showOutline)
        XCTAssertEqual(state.store.posts[reader(state)!.post].title, "Plain")
        XCTAssertEqual(reader(state)?.overlay, .outline(cursor: 0))
        let screen = AppView.render(state)
        XCTAssertTrue(screen.rows.contains { $0.contains("no headings in this post") })
        XCTAssertEqual(reduce(state, .goToHeading).0, state)
        XCTAssertEqual(reduce(state, .moveDown).0, state)
    }

    func testBeforeTheBodyIsInTheOutlineSaysLoading() throws {
        let folder = try Self.headingsBlog()
        var state = try AppFixture.state(folder.path, width: 80, height: 24)
        AppFixture.send(&state, .openPost)
        let post = reader(state)!.post
        state.loaded[post] = nil
        state.loading.insert(post)
        _ = Reducer.reduce(&state, .showOutline)
        if let measured = AppView.measure(state, ViewCache()) { _ = Reducer.reduce(&state, measured) }
        XCTAssertEqual(reader(state)?.overlay, .outline(cursor: 0))
        XCTAssertTrue(AppView.render(state).rows.contains { $0.contains("loading…") })
    }

    /// The overlay over the reader, at the usual sizes and the smallest: the cursor marked, `(here)`
    /// after the section the screen is in, CJK and emoji whole, a long title cut with an ellipsis.
    func testOutlineGoldensAndEveryCellFits() throws {
        let folder = try Self.headingsBlog()
        for (width, height) in [(120, 40), (80, 24), (40, 10)] {
            var state = try AppFixture.state(folder.path, width: width, height: height)
            AppFixture.send(&state, .openPost, .showOutline, .moveDown, .moveDown, .goToHeading, .showOutline, .moveUp)
            let screen = AppView.render(state)
            golden.assert(Golden.text(of: screen), named: "outline.\(width)x\(height).txt")
            for row in 0..<height {
                for column in 0..<width where screen[row, column].width == 2 {
                    XCTAssertLessThan(column + 1, width)
                    XCTAssertEqual(screen[row, column + 1].width, 0, "a wide character keeps its right half")
                }
            }
            XCTAssertTrue(screen.rows.contains { $0.contains("(here)") }, "\(width)x\(height)")
            XCTAssertTrue(screen.rows.contains { $0.contains("A very long heading") && $0.contains("…") }, "\(width)x\(height)")
        }
    }

    /// The status line names the section of the screen's top line, cut to fit; the position stays whole.
    func testTheStatusLineNamesTheSection() throws {
        let folder = try Self.headingsBlog()
        for (width, height) in [(120, 40), (80, 24), (50, 20), (40, 10)] {
            var state = try AppFixture.state(folder.path, width: width, height: height)
            AppFixture.send(&state, .openPost, .showOutline, .moveDown, .goToHeading)
            let status = AppView.render(state).rows[height - 1]
            XCTAssertTrue(status.contains("% · line "), "\(width): \(status)")
            let position = status.components(separatedBy: " · ").prefix(2).joined(separator: " · ")
            XCTAssertTrue(position.range(of: #"^ \d+% · line \d+–\d+ of \d+"#, options: .regularExpression) != nil, "\(width): \(status)")
            if width >= 50 { XCTAssertTrue(status.contains("§ 日本語"), "\(width): \(status)") }
        }
        var state = try AppFixture.state(folder.path, width: 80, height: 24)
        AppFixture.send(&state, .openPost)
        XCTAssertFalse(AppView.render(state).rows[23].contains("§"), "above the first heading: no section")
        AppFixture.send(&state, .showOutline, .goToHeading)
        golden.assert(Golden.text(of: AppView.render(state)), named: "section.80x24.txt")
    }
}
