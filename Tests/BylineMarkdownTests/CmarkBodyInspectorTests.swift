import BylineMarkdown
import XCTest

final class CmarkBodyInspectorTests: XCTestCase {
    let inspector = CmarkBodyInspector()

    func testFirstLevelOneHeadingNotAHashInCode() {
        let body = "```sh\n# not a heading\n```\n\n## Second level\n\n# The *Real* Title\n"
        XCTAssertEqual(inspector.firstHeading(in: body), "The Real Title")
        XCTAssertEqual(inspector.firstHeading(in: "Setext\n======\n"), "Setext")
        XCTAssertNil(inspector.firstHeading(in: "## Only level two\n"))
    }

    func testFirstParagraphAsPlainText() {
        let body = "# Title\n\n![diagram](d.png)\n\n{{< figure src=\"x\" >}}\n\nThe **first** real [paragraph](http://x)\nspans `two` lines.\n\nSecond.\n"
        XCTAssertEqual(inspector.firstParagraph(in: body), "The first real paragraph spans two lines.")
        XCTAssertNil(inspector.firstParagraph(in: "# Only a heading\n"))
        XCTAssertNil(inspector.firstParagraph(in: "> quoted\n\n- list item\n"), "only top-level paragraphs summarise a post")
    }

    func testDeepNestingDoesNotOverflow() {
        let quotes = String(repeating: ">", count: 10_000) + " deep\n\nAfter.\n"
        XCTAssertEqual(inspector.firstParagraph(in: quotes), "After.")
        let emphasis = String(repeating: "*a ", count: 20_000) + "end"
        XCTAssertNotNil(inspector.firstParagraph(in: emphasis))
    }

    /// A post exported as HTML has its summary in its first `<p>`: the text of it, links as their text
    /// (no `[n]` markers), comments and entities read as the renderer reads them.
    func testFirstParagraphOfAnHTMLBody() {
        let html = "<!-- exported -->\n<p>Ran on <a href=\"https://wordpress.org/\">WordPress</a> &mdash;\n<em>until</em> now.</p>\n\n<p>Second.</p>\n"
        XCTAssertEqual(inspector.firstParagraph(in: html), "Ran on WordPress \u{2014} until now.")
        XCTAssertEqual(inspector.firstParagraph(in: "<div><img src=\"a.png\"></div>\n\nThen words.\n"), "Then words.",
                       "an HTML block with no text is passed over")
    }
}
