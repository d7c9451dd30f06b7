import BylineCore
import BylineMarkdown
import XCTest

/// Input built to break renderers must render, without overflowing the stack. How long it takes is
/// measured by `make bench`, not asserted here.
final class HostileInputTests: XCTestCase {
    private func lines(_ markdown: String, width: Int = 80) -> [StyledLine] {
        DocumentLayout.lines(for: MarkdownDocument.parse(markdown), width: width)
    }

    func testTenThousandNestedQuotes() {
        let result = lines(String(repeating: ">", count: 10_000) + " deep\n")
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(result[0].text.hasSuffix("deep"))
        XCTAssertLessThanOrEqual(result[0].width, 80)
        XCTAssertEqual(result[0].text.filter { $0 == "│" }.count, Block.maximumNesting, "nesting beyond the limit is flattened")
    }

    func testTenThousandNestedLists() {
        let markdown = (0..<10_000).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
        let result = lines(markdown)
        XCTAssertTrue(result.contains { $0.text.contains("item 9999") })
        XCTAssertTrue(result.allSatisfy { $0.width <= 80 })
    }

    func testListMarkersNestedOnOneLine() {
        let result = lines(String(repeating: "- ", count: 10_000) + "x\n")
        XCTAssertTrue(result.contains { $0.text.contains("x") })
    }

    func testOneMegabyteLine() {
        let word = "lorem ipsum dolor sit amet "
        let line = String(repeating: word, count: (1 << 20) / word.utf8.count)
        let result = lines(line, width: 100)
        XCTAssertGreaterThan(result.count, 10_000)
        XCTAssertTrue(result.allSatisfy { $0.width <= 100 })
        let code = lines("```\n" + String(repeating: "x", count: 1 << 20) + "\n```\n", width: 100)
        XCTAssertGreaterThan(code.count, 10_000)
    }

    func testHundredThousandRowTable() {
        var markdown = "| id | name | note |\n|---|---|---|\n"
        for row in 0..<100_000 { markdown += "| \(row) | name \(row) | some note |\n" }
        let result = lines(markdown)
        XCTAssertEqual(result.count, 100_000 + 4)
        XCTAssertEqual(result.last?.text.first, "└")
    }

    func testUnclosedTemplatesStayLinear() {
        let result = lines(String(repeating: "{{ {% ", count: 100_000))
        XCTAssertFalse(result.isEmpty)
    }
}
