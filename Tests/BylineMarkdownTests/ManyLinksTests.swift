import BylineCore
import BylineMarkdown
import Foundation
import XCTest

/// A long document with many links (a changelog links every commit and pull request: Node.js 12's has
/// 8,400) is walked in time linear in its links: giving a link its number must not copy the numbers
/// given so far. The bound only catches the quadratic walk: 110 s here in a debug build, 1.3 s fixed.
final class ManyLinksTests: XCTestCase {
    func testFiftyThousandLinksAreNumberedInLinearTime() {
        let links = 50_000
        let markdown = (1...links).map { "- [commit \($0)](https://example.org/c/\($0)) and [again](https://example.org/c/\($0))" }
            .joined(separator: "\n")
        let start = Date()
        let document = MarkdownDocument.parse(markdown)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(document.references.count, links)
        XCTAssertEqual(document.references.last, "https://example.org/c/\(links)")
        XCTAssertLessThan(seconds, 10, "\(links) links walked in \(Int(seconds)) s")
        print("ManyLinksTests: \(links) links parsed and walked in \(Int(seconds * 1000)) ms")
    }
}
