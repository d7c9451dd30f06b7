@testable import BylineCore
import BylineMarkdown
import XCTest

/// The headings of a post and the lines they start on: what the outline, an `#anchor` and the
/// reader's section name stand on.
final class HeadingLinesTests: XCTestCase {
    func testEachHeadingLineHoldsItsHeadingAtEveryWidthAndAcrossParts() throws {
        let markdown = """
        Intro paragraph that is long enough to wrap at a narrow width, twice over.

        # First *part*

        Text.

        ## Why Swift?

        > a quote

        ### Why Swift?

        - a list

        #### Deep

        ## 日本語の見出し 🎉
        """
        let loaded = LoadedPost(markdown: markdown)
        let headings = loaded.document.headings
        XCTAssertEqual(headings.map(\.level), [1, 2, 3, 4, 2])
        XCTAssertEqual(headings.map(\.title), ["First part", "Why Swift?", "Why Swift?", "Deep", "日本語の見出し 🎉"])
        XCTAssertEqual(headings.map(\.anchor), ["first-part", "why-swift", "why-swift-1", "deep", "日本語の見出し-"])
        for width in [12, 30, 80] {
            let prefix = [StyledLine("header"), StyledLine()]
            var whole = DocumentLayout.Progressive(loaded.document, width: width, glyphs: .unicode, prefix: prefix)
            whole.extend(toAtLeast: .max)
            XCTAssertEqual(whole.headingLines.count, headings.count)
            for (index, line) in whole.headingLines.enumerated() {
                let first = headings[index].title.split(separator: " ").first.map(String.init) ?? ""
                XCTAssertTrue(whole.lines[line].text.contains(first.prefix(3)), "width \(width): line \(line) is \(whole.lines[line].text)")
                XCTAssertFalse(whole.lines[line - 1].text.contains(first.prefix(3)) && index > 0 && whole.lines[line - 1].text.contains("#"))
            }
            // Laid out a few lines at a time, the same lines.
            var parts = DocumentLayout.Progressive(loaded.document, width: width, glyphs: .unicode, prefix: prefix)
            var asked = 1
            while !parts.isComplete { parts.extend(toAtLeast: asked); asked += 2 }
            XCTAssertEqual(parts.headingLines, whole.headingLines)
        }
    }

    func testAnAnchorFindsItsHeading() {
        let document = LoadedPost(markdown: "# Getting started\n\n## Why Swift?\n\n## Why Swift?\n\n## Café au lait\n").document
        XCTAssertEqual(document.heading(anchor: "getting-started"), 0)
        XCTAssertEqual(document.heading(anchor: "why-swift-1"), 2)
        XCTAssertEqual(document.heading(anchor: "Why-Swift"), 1)
        XCTAssertEqual(document.heading(anchor: "caf%C3%A9-au-lait"), 3)
        XCTAssertNil(document.heading(anchor: "nowhere"))
        XCTAssertNil(document.heading(anchor: "%zz"))
    }
}
