import BylineCore
import BylineMarkdown
import XCTest

/// A body cut to its limit can still hold tens of thousands of links: numbering them is linear.
/// Each new link copied every link before it (the builder was copied for a call), so 24,000 links
/// in a 4 MiB post took `show` 14 s (release).
final class ManyLinksTests: XCTestCase {
    func testFortyThousandLinksAreNumberedInLinearTime() {
        let links = (0..<40_000).map { "[l\($0)](https://example.org/\($0)) ![i\($0)](https://example.org/i\($0).png)" }
        let body = links.joined(separator: "\n\n")
        let started = Monotonic.seconds()
        let document = MarkdownDocument.parse(body)
        XCTAssertLessThan(Monotonic.seconds() - started, 15, "a hang is caught here, not a speed")
        XCTAssertEqual(document.references.count, 80_000)
        XCTAssertEqual(document.references.last, "https://example.org/i39999.png")
    }
}
