import BylineCore
import BylineMarkdown
import XCTest

/// HTML built to break a renderer: it renders, in bounded depth, with nothing unsafe on screen.
final class HostileHTMLTests: XCTestCase {
    private func lines(_ markdown: String, width: Int = 80) -> [StyledLine] {
        DocumentLayout.lines(for: MarkdownDocument.parse(markdown), width: width)
    }

    private func assertSafe(_ lines: [StyledLine], width: Int = 80, file: StaticString = #filePath, line: UInt = #line) {
        for rendered in lines {
            XCTAssertLessThanOrEqual(rendered.width, width, file: file, line: line)
            XCTAssertFalse(rendered.text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                           rendered.text, file: file, line: line)
        }
    }

    /// The nesting of a document's blocks.
    private func depth(_ blocks: [Block]) -> Int {
        blocks.map { block in
            switch block {
            case let .quote(inner): return 1 + depth(inner)
            case let .list(list): return 1 + (list.items.map { depth($0.blocks) }.max() ?? 0)
            default: return 0
            }
        }.max() ?? 0
    }

    func testHundredThousandNestedDivs() {
        let result = lines(String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000) + "\n\nafter\n")
        assertSafe(result)
        XCTAssertEqual(result.last?.text, "after")
    }

    func testNestedQuotesAndListsAreFlattened() {
        let quotes = MarkdownDocument.parse(String(repeating: "<blockquote>", count: 1_000) + "deep\n")
        XCTAssertLessThanOrEqual(depth(quotes.blocks), Block.maximumNesting)
        let lists = MarkdownDocument.parse(String(repeating: "<ul><li>", count: 1_000) + "deep\n")
        XCTAssertLessThanOrEqual(depth(lists.blocks), Block.maximumNesting)
        assertSafe(DocumentLayout.lines(for: lists, width: 80))
    }

    func testTenMegabyteAttribute() {
        assertSafe(lines("<p><a href=\"" + String(repeating: "a", count: 10 << 20) + "\">text</a> after</p>\n"))
        // Within the size parsed, a long value is cut (where no character is split: `data:` and 1,021 `é`):
        // a `data:` image would otherwise fill the references.
        let document = MarkdownDocument.parse("<p><img alt=\"x\" src=\"data:" + String(repeating: "é", count: 1 << 19) + "\"> after</p>\n")
        XCTAssertEqual(document.references.first?.utf8.count, 2047 + "…".utf8.count)
        XCTAssertTrue(document.references.first?.hasSuffix("éé…") == true)
    }

    func testUnclosedTags() {
        let result = lines("<div><p>one<ul><li>two<table><tr><td>three<pre>four\n\nfive\n")
        assertSafe(result)
        let text = result.map(\.text).joined(separator: "\n")
        for word in ["one", "two", "three"] { XCTAssertTrue(text.contains(word), text) }
    }

    func testNulBytes() {
        let result = lines("<p>a\u{0}b</p>\n<pre>c\u{0}d</pre>\n")
        assertSafe(result)
        XCTAssertTrue(result.contains { $0.text.contains("a") && $0.text.contains("b") })
    }

    func testEscapeSequencesInScriptsAndTextAreNotSent() {
        let html = "<script>\u{1B}[2J\u{1B}]0;owned\u{7}</script><p>\u{1B}[31mred &#27;[0m &#x1b;]8;;x&#7; &#x9b;1m \u{202E}x</p>\n"
        let result = lines(html)
        assertSafe(result)
        let text = result.map(\.text).joined(separator: "\n")
        XCTAssertFalse(text.contains("owned"))
        XCTAssertEqual(text, "␛[31mred ␛[0m ␛]8;;x␇ ⦗9B⦘1m ⦗RLO⦘x")
        XCTAssertTrue(result[0].spans.contains { $0.text == "␛" && $0.style == .escaped })
    }

    func testManyInlineTagsStayLinear() {
        let result = lines(String(repeating: "<b>a</b> <a href=\"u\">l</a> ", count: 20_000) + "\n")
        assertSafe(result)
        XCTAssertFalse(result.isEmpty)
    }
}
