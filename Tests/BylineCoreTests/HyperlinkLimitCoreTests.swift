@testable import BylineCore
import XCTest

/// The styled-line writer keeps the same limit on OSC 8 targets as the flat one `show` uses.
final class HyperlinkLimitCoreTests: XCTestCase {
    func testTargetsPastTheLimitAreNotLinks() {
        let atLimit = String(repeating: "a", count: ANSIText.maximumHyperlinkBytes)
        let past = atLimit + "a"
        // A space percent-encodes to three bytes: this one is under the limit raw, over it written.
        let encodedPast = String(repeating: " ", count: ANSIText.maximumHyperlinkBytes / 3 + 1)
        let lines = [atLimit, past, encodedPast].map { url in
            StyledLine([StyledSpan("link", .link, link: url), StyledSpan(" after", .plain)])
        }
        let output = ANSIText.render(lines, theme: .dark, colors: .none, hyperlinks: true).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(output[0].contains("\u{1B}]8;;\(atLimit)\u{1B}\\"))
        XCTAssertTrue(output[0].contains("\u{1B}]8;;\u{1B}\\"))
        for line in output[1...2] {
            XCTAssertFalse(line.contains("\u{1B}]8;"), "no link opened or closed: \(line.prefix(80))")
            XCTAssertTrue(line.contains("link"))
        }
    }
}
