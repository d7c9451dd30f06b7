@testable import BylineCore
import BylineMarkdown
import XCTest

/// Laying a post out only as far as it is shown gives the start of the whole layout, for every
/// number of rows asked, whether asked at once or a little more each time.
final class ProgressiveLayoutTests: XCTestCase {
    private let header = [StyledLine("Title", [.title, .heading2]), StyledLine("2024-01-02", .meta), StyledLine()]

    func testEveryPrefixIsTheStartOfTheWholeLayout() throws {
        for name in MarkdownFixtures.names {
            let document = MarkdownDocument.parse(try MarkdownFixtures.text(name))
            for width in [12, 40, 80] {
                for prefix in [[], header] {
                    let whole = prefix + DocumentLayout.lines(for: document, width: width)
                    var growing = DocumentLayout.Progressive(document, width: width, glyphs: .unicode, prefix: prefix)
                    for count in 0...(whole.count + 2) {
                        var fresh = DocumentLayout.Progressive(document, width: width, glyphs: .unicode, prefix: prefix)
                        fresh.extend(toAtLeast: count)
                        growing.extend(toAtLeast: count)
                        for layout in [fresh, growing] {
                            XCTAssertGreaterThanOrEqual(layout.lines.count, min(count, whole.count), "\(name) at \(width), \(count) rows")
                            XCTAssertEqual(layout.lines.map(bytes), whole.prefix(layout.lines.count).map(bytes), "\(name) at \(width), \(count) rows")
                            if count > whole.count { XCTAssertTrue(layout.isComplete) }
                        }
                    }
                    XCTAssertEqual(growing.lines.map(bytes), whole.map(bytes))
                }
            }
        }
    }

    func testCompleteLinesStayAsGiven() {
        var layout = DocumentLayout.Progressive(complete: header)
        layout.extend(toAtLeast: 100)
        XCTAssertTrue(layout.isComplete)
        XCTAssertEqual(layout.lines, header)
    }

    /// A line's spans as bytes, links and styles: `String`'s `==` would let canonically equivalent
    /// text pass, and a terminal receives bytes.
    private func bytes(_ line: StyledLine) -> [[UInt8]] {
        line.spans.flatMap { [Array($0.text.utf8), Array(($0.link ?? "").utf8), withUnsafeBytes(of: $0.style.rawValue) { Array($0) }] }
    }
}
