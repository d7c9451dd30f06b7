import BylineCore
import BylineMarkdown
import XCTest

/// A long body's tree is walked in two halves on two cores, the second numbering its links and notes
/// on from the first. Forced onto short documents here (`parallelAbove: 0`), the halves must give
/// exactly the document one walk gives.
final class SplitWalkTests: XCTestCase {
    private func assertSplitEqualsWhole(_ markdown: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let whole = MarkdownDocument.parse(markdown, parallelAbove: .max) { 7 }
        let split = MarkdownDocument.parse(markdown, parallelAbove: 0) { 7 }
        XCTAssertEqual(split.document, whole.document, message, file: file, line: line)
        XCTAssertEqual(split.extra, 7, file: file, line: line)
    }

    func testEveryFixtureAndEveryPairOfThem() throws {
        let texts = try MarkdownFixtures.names.map { try MarkdownFixtures.text($0) }
        for (name, text) in zip(MarkdownFixtures.names, texts) { assertSplitEqualsWhole(text, name) }
        // Pairs put every fixture in either half, with links and notes on both sides of the cut.
        for (a, first) in texts.enumerated() {
            for (b, second) in texts.enumerated() {
                assertSplitEqualsWhole(first + "\n\n" + second, "\(MarkdownFixtures.names[a]) then \(MarkdownFixtures.names[b])")
            }
        }
    }

    func testRandomDocuments() {
        var random = SeededRandom(seed: 0x5911)
        for round in 0..<300 {
            assertSplitEqualsWhole(RandomMarkdown.document(&random), "random document \(round)")
        }
    }

    /// Links and notes met first in one half and again in the other keep one number.
    func testNumbersCarryAcrossTheCut() {
        let first = "See [a](https://a.example) and [b](https://b.example)[^x] and ![pic](https://p.example/i.png).\n\n"
        let second = "Again [a](https://a.example), new [c](https://c.example), note[^y] and again[^x].\n\n"
        let notes = "[^x]: Note x with [d](https://d.example).\n\n[^y]: Note y, [a](https://a.example).\n"
        let markdown = String(repeating: first, count: 5) + String(repeating: second, count: 5) + notes
        assertSplitEqualsWhole(markdown, "links and notes on both sides")
        let document = MarkdownDocument.parse(markdown, parallelAbove: 0) {}.document
        XCTAssertEqual(document.references, ["https://a.example", "https://b.example", "https://p.example/i.png",
                                             "https://c.example", "https://d.example"])
        XCTAssertEqual(document.footnotes.count, 2)
    }

    /// The cut falls where it may: these bodies are split (more than one top-level block), and a
    /// sabotaged second half, numbering from one, would differ.
    func testTheSecondHalfDoesNotStartFromOne() {
        let markdown = (1...40).map { "Paragraph \($0) links [here](https://example.org/\($0))." }.joined(separator: "\n\n")
        let document = MarkdownDocument.parse(markdown, parallelAbove: 0) {}.document
        XCTAssertEqual(document.references.count, 40)
        guard case let .paragraph(spans)? = document.blocks.last else { return XCTFail("a paragraph last") }
        XCTAssertTrue(spans.contains { $0.text == "[40]" && $0.style == .reference }, "the last link is number 40")
    }
}
