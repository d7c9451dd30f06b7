import BylineCore
import BylineMarkdown
import XCTest

/// Behaviour of the renderer, construct by construct, beyond the goldens.
final class RendererTests: XCTestCase {
    private func render(_ markdown: String, width: Int = 40, glyphs: Glyphs = .unicode) -> [String] {
        DocumentLayout.lines(for: MarkdownDocument.parse(markdown), width: width, glyphs: glyphs).map { line in
            var text = line.text
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    private func spans(_ markdown: String) -> [StyledSpan] {
        guard case let .paragraph(spans)? = MarkdownDocument.parse(markdown).blocks.first else { return [] }
        return spans
    }

    func testInlineStylesNest() {
        let result = spans("**bold *both*** ~~gone~~ `code` [link *em*](http://x)")
        XCTAssertTrue(result.contains { $0.text == "both" && $0.style == [.strong, .emphasis] })
        XCTAssertTrue(result.contains { $0.text == "gone" && $0.style == .strikethrough })
        XCTAssertTrue(result.contains { $0.text == "code" && $0.style == .code })
        XCTAssertTrue(result.contains { $0.text == "em" && $0.style == [.link, .emphasis] && $0.link == "http://x" })
        XCTAssertTrue(result.contains { $0.text == "[1]" && $0.style == .reference })
    }

    func testHeadingsAreDistinctWithoutColour() {
        let lines = render("# One\n\n## Two\n\n### Three\n\n#### Four\n")
        XCTAssertEqual(lines, ["One", "═══", "", "Two", "───", "", "### Three", "", "#### Four"])
    }

    func testOrderedListsKeepTheirStartAndAlignNumbers() {
        XCTAssertEqual(render("7. seven\n8. eight\n9. nine\n10. ten\n"), [" 7. seven", " 8. eight", " 9. nine", "10. ten"])
    }

    func testTightAndLooseListsAreSpacedAsWritten() {
        XCTAssertEqual(render("- a\n- b\n"), ["• a", "• b"])
        XCTAssertEqual(render("- a\n\n- b\n"), ["• a", "", "• b"])
    }

    func testNestedContentHangsUnderItsMarker() {
        XCTAssertEqual(render("- one two three four five six seven eight nine ten\n  - nested\n", width: 30),
                       ["• one two three four five six", "  seven eight nine ten", "  ◦ nested"])
    }

    func testTaskItems() {
        XCTAssertEqual(render("- [ ] todo\n- [x] done\n"), ["☐ todo", "☑ done"])
        XCTAssertEqual(render("- [ ] todo\n- [x] done\n", glyphs: .ascii), ["[ ] todo", "[x] done"])
    }

    func testNestedQuotesHaveNestedBars() {
        XCTAssertEqual(render("> a\n>\n> > b\n"), ["│ a", "│", "│ │ b"])
    }

    func testLinksAndImagesAreNumberedOnceEach() {
        let lines = render("[a](http://one) [b](http://two) [c](http://one) ![pic](p.png)\n", width: 60)
        XCTAssertEqual(lines, ["a[1] b[2] c[1] [image: pic][3]", "", "References", "[1] http://one", "[2] http://two", "[3] p.png"])
    }

    func testFootnotesAreCollectedAtTheEnd() {
        let lines = render("Text[^b] and[^a].\n\n[^a]: Note A.\n[^b]: Note B.\n[^unused]: Never referenced.\n")
        XCTAssertEqual(lines, ["Text[^1] and[^2].", "", "Notes", "[^1] Note B.", "[^2] Note A."])
    }

    /// Links and notes met again far on keep their first number; a link inside a note is numbered
    /// where the note is (kept from SplitWalkTests, when the walk was split in two).
    func testLinksAndNotesKeepTheirNumbersThroughALongDocument() {
        let first = "See [a](https://a.example) and [b](https://b.example)[^x] and ![pic](https://p.example/i.png).\n\n"
        let second = "Again [a](https://a.example), new [c](https://c.example), note[^y] and again[^x].\n\n"
        let notes = "[^x]: Note x with [d](https://d.example).\n\n[^y]: Note y, [a](https://a.example).\n"
        let document = MarkdownDocument.parse(String(repeating: first, count: 5) + String(repeating: second, count: 5) + notes)
        XCTAssertEqual(document.references, ["https://a.example", "https://b.example", "https://p.example/i.png",
                                             "https://c.example", "https://d.example"])
        XCTAssertEqual(document.footnotes.count, 2)
        guard case let .paragraph(spans)? = document.blocks.last else { return XCTFail("a paragraph last") }
        XCTAssertEqual(spans.filter { $0.style == .reference }.map(\.text), ["[1]", "[4]", "[^2]", "[^1]"])
    }

    func testCodeIsNeverRewrappedAndLongLinesContinueVisibly() {
        let lines = render("```\nshort\nabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ\n```\n", width: 20)
        XCTAssertEqual(lines, ["  short", "  abcdefghijklmnopqr", "↪ stuvwxyz0123456789", "↪ ABCDEFGHIJ"])
    }

    func testTabsInCodeExpandToStopsOfFour() {
        XCTAssertEqual(render("```\n\tx\ty\n```\n"), ["      x   y"])
    }

    func testTableAlignmentAndRecordsFallback() {
        XCTAssertEqual(render("| a | b |\n|--:|:-:|\n| 1 | 22 |\n"), [
            "┌───┬────┐", "│ a │ b  │", "├───┼────┤", "│ 1 │ 22 │", "└───┴────┘",
        ])
        let header = (1...12).map { "h\($0)" }.joined(separator: " | ")
        let row = (1...12).map { "v\($0)" }.joined(separator: " | ")
        let lines = render("| \(header) |\n|\(String(repeating: "---|", count: 12))\n| \(row) |\n", width: 30)
        XCTAssertEqual(lines.prefix(3), ["h1: v1", "h2: v2", "h3: v3"])
        XCTAssertEqual(lines.count, 12)
    }

    func testRawHTMLKeepsTextAndDecodesEntities() {
        XCTAssertEqual(render("<p>a &amp; b &lt;c&gt; &#169;</p>\n"), ["a & b <c> ©"])
        XCTAssertEqual(render("x <span>y</span> z\n"), ["x y z"])
    }

    func testTemplateCodeIsDimmedAsWritten() {
        let result = spans("before {{<figure src=\"a\">}} after {% raw %}\n")
        let template = result.filter { $0.style.contains(.template) }.map(\.text).joined()
        XCTAssertEqual(template, "{{<figure src=\"a\">}}{% raw %}")
        XCTAssertEqual(result.map(\.text).joined(), "before {{<figure src=\"a\">}} after {% raw %}")
    }

    func testControlsAreVisibleWhereverTheyComeFrom() {
        let markdown = "lit \u{1B}[2J ent &#27;[1m hex &#x9b; bidi \u{202E}x\n\n```\ncode \u{1B}[0m \u{7F}\n```\n\n<p>&#x1b;]0;t&#7;</p>\n"
        let text = render(markdown, width: 80).joined(separator: "\n")
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        XCTAssertTrue(text.contains("lit ␛[2J ent ␛[1m hex ⦗9B⦘ bidi ⦗RLO⦘x"), text)
        XCTAssertTrue(text.contains("code ␛[0m ␡"), text)
        XCTAssertTrue(text.contains("␛]0;t␇"), text)
        XCTAssertTrue(spans("a\u{1B}b").contains { $0.text == "␛" && $0.style == .escaped })
    }

    func testWideTextWrapsByDisplayWidth() {
        let lines = render("日本語の文章は空白がない。句読点は行頭に来ない。", width: 10)
        XCTAssertEqual(lines, ["日本語の文", "章は空白が", "ない。句読", "点は行頭に", "来ない。"])
        XCTAssertEqual(render("🎉🎉🎉🎉🎉🎉", width: 7), ["🎉🎉🎉", "🎉🎉🎉"])
        XCTAssertEqual(render("e\u{301}e\u{301}e\u{301}e\u{301}", width: 2), ["e\u{301}e\u{301}", "e\u{301}e\u{301}"])
    }

    func testALongWordIsBrokenNotLost() {
        XCTAssertEqual(render("ab abcdefghijkl", width: 5), ["ab", "abcde", "fghij", "kl"])
    }
}
