@testable import BylineCore
import BylineTestSupport
import XCTest

/// A blog whose posts link to each other in every form a site generator writes, for the reader's links.
enum LinkBlog {
    static let filler = (1...30).map { "Paragraph \($0) of filler, long enough to take a line of its own in the reader." }
        .joined(separator: "\n\n")

    /// The folder, and the slugs of its posts.
    static func make() throws -> TempFolder {
        let folder = try TempFolder("link-blog")
        try folder.write("blog/start.md", """
            ---
            title: Start
            date: 2024-06-01
            ---
            Links: [sibling](./sibling.md), [nested](../guides/deep/index.md), [by slug](sibling-slug),
            [permalink](/blog/sibling-slug/), [dated](/2024/04/09/dated-post.html), [zola](@/guides/deep/index.md),
            [jekyll]({% post_url 2024-04-09-dated-post %}), [hugo]({{< ref "sibling" >}}), [old name](/old/moved-away/),
            [anchor](sibling.md#second-part), [external](https://example.com/a?b=c), [missing](nowhere.md),
            [here](#local-heading), [mail](mailto:me@example.com).

            \(filler)

            ## Local heading

            \(filler)

            The last link: [sibling again](sibling.md).
            """)
        try folder.write("blog/sibling.md", """
            ---
            title: Sibling
            slug: sibling-slug
            date: 2024-05-01
            ---
            First part.

            \(filler)

            ## Second part

            \(filler)
            """)
        try folder.write("guides/deep/index.md", "---\ntitle: Deep guide\ndate: 2024-04-20\n---\nDeep.\n")
        try folder.write("2024-04-09-dated-post.md", "---\ntitle: Dated post\ndate: 2024-04-09\n---\nDated.\n")
        try folder.write("moved.md", "---\ntitle: Moved\ndate: 2024-03-01\naliases: [\"/old/moved-away/\"]\n---\nMoved here.\n")
        return folder
    }

    /// The blog's state reading `start`, at `width`x`height`, its body parsed as the reader parses it
    /// (site syntax first: `post_url` and `ref` become link targets).
    static func reading(_ folder: TempFolder, width: Int = 100, height: Int = 30) throws -> AppState {
        var state = try AppFixture.state(folder.path, width: width, height: height)
        let start = AppFixture.number(state, "start")
        state.selected = start
        AppFixture.send(&state, .openPost, .bodyLoaded(post: start, LoadedPost(try state.store.limitedBody(of: start).get())))
        return state
    }
}

final class ReaderLinkTests: XCTestCase {
    private var folder: TempFolder!
    private var start: AppState!

    override func setUpWithError() throws {
        folder = try LinkBlog.make()
        start = try LinkBlog.reading(folder)
    }


    private func reader(_ state: AppState) -> Reader {
        guard case let .reading(reader) = state.mode else {
            XCTFail("not reading")
            return Reader(post: -1)
        }
        return reader
    }

    private func number(_ slug: String) -> Int { AppFixture.number(start, slug) }

    /// `[n]` typed and followed.
    private func follow(_ state: inout AppState, _ reference: Int) {
        AppFixture.send(&state, .insertText(String(reference)), .submitPrompt)
    }

    // MARK: Current link

    func testTabMakesTheFirstLinkOnScreenCurrentThenTheNextAndShiftTabTheOneBefore() {
        var state = start!
        AppFixture.send(&state, .nextLink)
        XCTAssertEqual(reader(state).currentLink, CurrentLink(index: 0, reference: 1))
        XCTAssertEqual(state.note, "[1] ./sibling.md", "the current link's target is shown")
        XCTAssertEqual(reader(state).scroll, 0)
        AppFixture.send(&state, .nextLink, .nextLink)
        XCTAssertEqual(reader(state).currentLink, CurrentLink(index: 2, reference: 3))
        AppFixture.send(&state, .previousLink)
        XCTAssertEqual(reader(state).currentLink, CurrentLink(index: 1, reference: 2))
        XCTAssertEqual(reader(state).intent, nil, "settled")
    }

    func testTabIsAnIntentTheMeasuredLinksSettle() {
        // Exhaustive: the reducer alone records the intent; the facts it waits for are the view's.
        let (next, effects) = reduce(start, .nextLink)
        var expected = start!
        var waiting = reader(start)
        waiting.intent = .seekLink(forward: true)
        expected.mode = .reading(waiting)
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(next.layoutQuestion?.links, true, "the reader asks for the links' places")
    }

    func testTabPastTheScreenScrollsToTheNextLinkBelowIt() throws {
        var state = try LinkBlog.reading(folder, width: 100, height: 12)
        let links = ReaderContent.links(state, state.readerKey(reader(state)), in: ViewCache())
        XCTAssertEqual(links.count, 15, "14 links in the first paragraph, one at the end")
        for _ in 0..<14 { AppFixture.send(&state, .nextLink) }
        XCTAssertEqual(reader(state).currentLink?.index, 13)
        AppFixture.send(&state, .nextLink)
        let last = links[14]
        XCTAssertEqual(reader(state).currentLink, CurrentLink(index: 14, reference: 8), "sibling.md, as hugo's ref became")
        let rows = PaneLayout.readerRows(height: 12)
        XCTAssertTrue((reader(state).scroll..<(reader(state).scroll + rows)).contains(last.line), "scrolled to it")
        AppFixture.send(&state, .nextLink)
        XCTAssertEqual(state.note, "no more links below")
        XCTAssertEqual(reader(state).currentLink?.index, 14)
    }

    func testTabWithNoCurrentLinkOnScreenStartsFromTheScreen() {
        var state = start!
        AppFixture.send(&state, .nextLink, .moveToLast)
        AppFixture.send(&state, .previousLink)
        XCTAssertEqual(reader(state).currentLink?.index, 14, "the last link on screen, not the one before [1]")
    }

    // MARK: Number prompt

    func testDigitsOpenTheLinkNumberPromptWhichEditsAndCancels() {
        XCTAssertEqual(Keymap.action(for: .character("1"), in: .reader), .insertText("1"))
        let (typed, effects) = reduce(start, .insertText("1"))
        var expected = start!
        var prompt = reader(start)
        prompt.linkNumber = "1"
        expected.mode = .reading(prompt)
        XCTAssertEqual(typed, expected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(typed.keyContext, .link)
        XCTAssertEqual(Keymap.action(for: .character("2"), in: .link), .insertText("2"))
        XCTAssertEqual(Keymap.action(for: .enter, in: .link), .submitPrompt)
        XCTAssertEqual(Keymap.action(for: .escape, in: .link), .cancelPrompt)
        XCTAssertEqual(Keymap.action(for: .backspace, in: .link), .deleteBackward)

        let twelve = reduce(typed, .insertText("2")).0
        XCTAssertEqual(reader(twelve).linkNumber, "12")
        XCTAssertEqual(reader(reduce(twelve, .insertText("x")).0).linkNumber, "12", "only digits")
        XCTAssertEqual(reader(reduce(twelve, .deleteBackward).0).linkNumber, "1")
        XCTAssertEqual(reduce(typed, .cancelPrompt).0, start, "Esc closes it, nothing else changes")
        XCTAssertTrue(AppView.render(twelve).rows.last!.contains("link: 12"), "the prompt on the status line")
    }

    func testANumberThatIsNoLinkSaysSo() {
        var state = start!
        follow(&state, 99)
        XCTAssertEqual(state.note, "no link [99] in this post")
        XCTAssertEqual(reader(state).post, number("start"))
        XCTAssertNil(reader(state).linkNumber)
    }

    // MARK: Following

    func testEveryInternalLinkFormOpensItsPost() {
        let expected: [(Int, String)] = [
            (1, "sibling-slug"), (2, "deep"), (3, "sibling-slug"), (4, "sibling-slug"), (5, "dated-post"),
            (6, "deep"), (7, "dated-post"), (8, "sibling-slug"), (9, "moved"),
        ]
        for (reference, slug) in expected {
            var state = start!
            follow(&state, reference)
            XCTAssertEqual(reader(state).post, number(slug), "[\(reference)] opens \(slug)")
            XCTAssertEqual(state.history.back.map(\.post), [number("start")], "[\(reference)] is remembered")
            XCTAssertNotNil(state.loaded[number(slug)], "its body was asked for and loaded")
        }
    }

    func testAnAnchorOpensThePostAtItsHeading() throws {
        var state = start!
        follow(&state, 10)
        let sibling = number("sibling-slug")
        XCTAssertEqual(reader(state).post, sibling)
        let laidOut = PreviewContent.laidOut(state, state.readerKey(reader(state)), atLeast: .max, in: ViewCache())
        let heading = try XCTUnwrap(state.loaded[sibling]?.document.heading(anchor: "second-part"))
        XCTAssertEqual(reader(state).scroll, laidOut.headingLines[heading])
        XCTAssertEqual(laidOut.lines[reader(state).scroll].text, "Second part")
        XCTAssertNil(reader(state).intent)
    }

    func testAnAnchorInThePostScrollsThereAndBackReturns() {
        var state = start!
        follow(&state, 13)
        XCTAssertEqual(reader(state).post, number("start"))
        XCTAssertGreaterThan(reader(state).scroll, 0)
        AppFixture.send(&state, .historyBack)
        XCTAssertEqual(reader(state).scroll, 0)
    }

    func testAnExternalLinkShowsItsAddressAndOpensNothing() {
        var state = start!
        AppFixture.send(&state, .insertText("11"))
        let before = state
        let (next, effects) = reduce(state, .submitPrompt)
        var expected = before
        var closed = reader(before)
        closed.linkNumber = nil
        expected.mode = .reading(closed)
        expected.note = "https://example.com/a?b=c"
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [])
        state = next
        follow(&state, 14)
        XCTAssertEqual(state.note, "mailto:me@example.com")
    }

    func testALongAddressIsCutWithAnEllipsisOnTheStatusLine() throws {
        let long = try TempFolder("long-url")
        try long.write("a.md", "---\ntitle: A\n---\n[far](https://example.com/\(String(repeating: "x", count: 300)))\n")
        var state = try AppFixture.state(long.path, width: 80, height: 24)
        AppFixture.send(&state, .openPost)
        follow(&state, 1)
        let status = AppView.render(state).rows.last!
        XCTAssertTrue(status.contains("https://example.com/xxx"))
        XCTAssertTrue(status.hasSuffix("…"), status)
    }

    func testAHostileAddressReachesTheStatusLineAndTheClipboardEffectOnlyAsVisibleText() throws {
        let hostile = try TempFolder("hostile-url")
        try hostile.write("a.md", "---\ntitle: A\n---\n[bad](https://example.com/\u{1b}]52;c;x\u{07}\u{9b}31m)\n")
        var state = try AppFixture.state(hostile.path, width: 80, height: 24)
        AppFixture.send(&state, .openPost, .nextLink, .followLink)
        let note = try XCTUnwrap(state.note)
        XCTAssertTrue(note.hasPrefix("https://example.com/"), note)
        XCTAssertFalse(note.unicodeScalars.contains { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) }, note)
        let screen = AppView.render(state)
        XCTAssertFalse(screen.rows.joined().unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 || $0.value == 0x9b })
        let (_, effects) = reduce(state, .copyLink)
        guard case let .copyToClipboard(copied)? = effects.first else { return XCTFail("no copy") }
        XCTAssertFalse(copied.unicodeScalars.contains { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) }, copied)
    }

    func testALinkToNoPostOfTheBlogSaysSo() {
        var state = start!
        follow(&state, 12)
        XCTAssertEqual(state.note, "no post \"nowhere.md\" in this blog")
        XCTAssertEqual(reader(state).post, number("start"))
        XCTAssertEqual(state.history, ReadingHistory())
    }

    func testEnterFollowsTheCurrentLinkAndSaysWhenThereIsNone() {
        let (none, effects) = reduce(start, .followLink)
        var expected = start!
        expected.note = "no current link: Tab to one, or type its number"
        XCTAssertEqual(none, expected)
        XCTAssertEqual(effects, [])
        var state = start!
        AppFixture.send(&state, .nextLink, .nextLink, .followLink)
        XCTAssertEqual(reader(state).post, number("deep"))
        XCTAssertEqual(state.history.back.first?.currentLink, CurrentLink(index: 1, reference: 2))
    }

    // MARK: Copy

    func testYCopiesTheCurrentLinkWithAnEffect() {
        var state = start!
        for _ in 0..<11 { AppFixture.send(&state, .nextLink) }
        XCTAssertEqual(reader(state).currentLink?.reference, 11)
        let (next, effects) = reduce(state, .copyLink)
        var expected = state
        expected.note = "copied https://example.com/a?b=c"
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.copyToClipboard("https://example.com/a?b=c")])
        XCTAssertEqual(Keymap.action(for: .character("y"), in: .reader), .copyLink)
    }

    func testYWithNoCurrentLinkSaysSo() {
        let (next, effects) = reduce(start, .copyLink)
        var expected = start!
        expected.note = "no current link to copy: Tab to one first"
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [])
    }

    // MARK: History

    func testBackRestoresTheScrollExactlyAndForwardGoesAgain() {
        var state = start!
        AppFixture.send(&state, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown)
        XCTAssertEqual(reader(state).scroll, 7)
        follow(&state, 1)
        AppFixture.send(&state, .pageDown)
        let siblingScroll = reader(state).scroll
        XCTAssertEqual(reader(state).post, number("sibling-slug"))
        AppFixture.send(&state, .historyBack)
        XCTAssertEqual(reader(state).post, number("start"))
        XCTAssertEqual(reader(state).scroll, 7)
        XCTAssertEqual(state.history.forward.count, 1)
        AppFixture.send(&state, .historyForward)
        XCTAssertEqual(reader(state).post, number("sibling-slug"))
        XCTAssertEqual(reader(state).scroll, siblingScroll)
        XCTAssertEqual(Keymap.action(for: .backspace, in: .reader), .historyBack)
        XCTAssertEqual(Keymap.action(for: .character("B"), in: .reader), .historyBack)
        XCTAssertEqual(Keymap.action(for: .character("F"), in: .reader), .historyForward)
    }

    func testBackWithNothingToGoBackToSaysSo() {
        let (next, effects) = reduce(start, .historyBack)
        var expected = start!
        expected.note = "nothing to go back to (q leaves the reader)"
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(reduce(start, .historyForward).0.note, "nothing to go forward to")
    }

    func testFollowingForgetsTheWayForwardAndLeavingTheReaderEndsTheTrail() {
        var state = start!
        follow(&state, 1)
        AppFixture.send(&state, .historyBack)
        follow(&state, 2)
        XCTAssertEqual(state.history.forward, [])
        AppFixture.send(&state, .back)
        XCTAssertEqual(state.mode, .browsing)
        XCTAssertEqual(state.history, ReadingHistory())
    }

    func testTheWalkThroughTheListIsNotHistory() {
        var state = start!
        follow(&state, 1)
        AppFixture.send(&state, .nextPost)
        XCTAssertEqual(state.history.back.count, 1, "] and [ walk the list without adding to the history")
        AppFixture.send(&state, .historyBack)
        XCTAssertEqual(reader(state).post, number("start"))
    }

    func testTheHistoryIsBounded() {
        var history = ReadingHistory()
        for post in 0..<(ReadingHistory.limit + 10) {
            history.followed(from: .init(post: post, path: "p\(post).md", numbering: 0, scroll: 0))
        }
        XCTAssertEqual(history.back.count, ReadingHistory.limit)
        XCTAssertEqual(history.back.first?.post, 10, "the oldest steps go first")
    }

    // MARK: Mouse

    func testAClickOnALinkFollowsIt() throws {
        var state = start!
        let links = ReaderContent.links(state, state.readerKey(reader(state)), in: ViewCache())
        let segment = try XCTUnwrap(links[4].segments.first)
        let column = PaneLayout.readerColumn(width: state.width)
        let click = MouseEvent(.press(button: 0), row: 1 + segment.line - reader(state).scroll, column: column.x + segment.column + 1)
        AppFixture.send(&state, .mouse(click))
        XCTAssertEqual(reader(state).post, number("dated-post"))
        XCTAssertEqual(state.history.back.first?.currentLink, CurrentLink(index: 4, reference: 5))
    }

    func testAClickBesideALinkDoesNothing() {
        var state = start!
        let column = PaneLayout.readerColumn(width: state.width)
        AppFixture.send(&state, .mouse(MouseEvent(.press(button: 0), row: 3, column: column.x + column.width - 1)))
        AppFixture.send(&state, .mouse(MouseEvent(.press(button: 0), row: 5, column: 0)))
        XCTAssertEqual(reader(state).post, number("start"))
        XCTAssertNil(reader(state).intent)
        XCTAssertEqual(state.history, ReadingHistory())
    }

    func testTheWheelScrollsThreeLines() {
        var state = start!
        AppFixture.send(&state, .mouse(MouseEvent(.wheelDown, row: 5, column: 5)))
        XCTAssertEqual(reader(state).scroll, 3)
        AppFixture.send(&state, .mouse(MouseEvent(.wheelDown, row: 5, column: 5)), .mouse(MouseEvent(.wheelUp, row: 5, column: 5)))
        XCTAssertEqual(reader(state).scroll, 3)
        AppFixture.send(&state, .mouse(MouseEvent(.wheelUp, row: 5, column: 5)), .mouse(MouseEvent(.wheelUp, row: 5, column: 5)))
        XCTAssertEqual(reader(state).scroll, 0)
        // Exhaustive: the wheel records the scroll and keeps it in the post.
        let (next, _) = reduce(start, .mouse(MouseEvent(.wheelDown, row: 1, column: 1)))
        var expected = start!
        var scrolled = reader(start)
        scrolled.scroll = 3
        scrolled.intent = .keepInPost
        expected.mode = .reading(scrolled)
        XCTAssertEqual(next, expected)
    }

    // MARK: The look-up

    func testThePostLookUpIsBuiltOncePerStoreAndSharedByItsCopies() {
        let store = start.store
        XCTAssertFalse(store.linkIndex.isBuilt, "nothing followed yet")
        var state = start!
        follow(&state, 1)
        XCTAssertTrue(store.linkIndex.isBuilt, "built by the first follow, for every copy of the store")
        XCTAssertEqual(store.linkIndex.post(for: "SIBLING-SLUG", from: "x.md", in: store), number("sibling-slug"))
        XCTAssertEqual(store.linkIndex.post(for: "../../outside.md", from: "blog/start.md", in: store), nil)
    }

    func testCandidatePathsResolveRelativeToTheLinkingPost() {
        XCTAssertEqual(PostLinkIndex.candidatePaths("../guides/deep/index.md", from: "blog/start.md").first, "guides/deep/index.md")
        XCTAssertEqual(PostLinkIndex.candidatePaths("./sibling.md", from: "blog/start.md").first, "blog/sibling.md")
        XCTAssertEqual(PostLinkIndex.candidatePaths("@/blog/x.md", from: "a/b.md"), ["blog/x.md", "content/blog/x.md"])
        XCTAssertEqual(PostLinkIndex.candidatePaths("../other/", from: "blog/a/index.md").prefix(2), ["blog/other/index.md", "blog/other/_index.md"])
    }
}

/// Where links sit in laid-out lines: the fact Tab, a click and the current link's look come from.
final class LayoutLinkTests: XCTestCase {
    func testALinkWrappedOverLinesHasASegmentOnEachWithItsMarker() {
        let document = LoadedPost(markdown: "日本 [a link whose text wraps over two lines](https://x.example) then [b](b.md) and [^1].\n\n[^1]: note\n").document
        let lines = DocumentLayout.lines(for: document, width: 24)
        let links = LayoutLink.links(in: lines)
        XCTAssertEqual(links.map(\.reference), [1, 2])
        let first = links[0]
        XCTAssertGreaterThan(first.segments.count, 1, "wrapped")
        XCTAssertEqual(first.segments[0], LayoutLink.Segment(line: 0, column: 5, width: 17), "after 日本 and a space: 5 columns")
        for segment in first.segments {
            XCTAssertLessThanOrEqual(segment.column + segment.width, 24)
        }
        let markerLine = lines[first.segments.last!.line].text
        XCTAssertTrue(markerLine.contains("[1]"))
        XCTAssertTrue(first.covers(line: 0, column: 5))
        XCTAssertFalse(first.covers(line: 0, column: 4))
    }

    func testTheReferenceListAndFootnotesAreNoLinks() {
        let document = LoadedPost(markdown: "See [x](x.md)[^n].\n\n[^n]: A note.\n").document
        let lines = DocumentLayout.lines(for: document, width: 60)
        XCTAssertTrue(lines.contains { $0.text.hasPrefix("[1]") }, "the reference list is drawn")
        let links = LayoutLink.links(in: lines)
        XCTAssertEqual(links.map(\.reference), [1])
        XCTAssertEqual(links.first?.segments, [LayoutLink.Segment(line: 0, column: 4, width: 4)], "x and [1], not the [^1] after it")
    }

    func testManyLinksAreFoundInOnePass() {
        let markdown = (1...3000).map { "[link \($0)](https://example.com/\($0))" }.joined(separator: " ")
        let lines = DocumentLayout.lines(for: LoadedPost(markdown: markdown).document, width: 80)
        let links = LayoutLink.links(in: lines)
        XCTAssertEqual(links.count, 3000)
        XCTAssertEqual(links.last?.reference, 3000)
    }

    func testTheCurrentLinkIsMarkedCellForCell() {
        let line = StyledLine([StyledSpan("ab ", .plain), StyledSpan("日本link", .link, link: "x"), StyledSpan("[1]", .reference)])
        let marked = LinkMark.marking(line, column: 3, width: 11)
        XCTAssertEqual(marked.text, line.text)
        XCTAssertEqual(marked.spans.map(\.style), [.plain, [.link, .currentLink], [.reference, .currentLink]])
    }
}
