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
}
