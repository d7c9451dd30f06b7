@testable import BylineCore
import BylineMarkdown
import BylineTestSupport
import XCTest

/// The reader's status line writes its line numbers grouped, as every count on screen is.
final class ReaderStatusNumberTests: XCTestCase {
    func testLineNumbersAreGroupedInALongPost() throws {
        let folder = try TempFolder()
        let body = (1...1_500).map { "Line \($0)." }.joined(separator: "\n\n")
        _ = try folder.write("long.md", "---\ntitle: Long\ndate: 2024-01-01\n---\n" + body + "\n")
        var state = try AppFixture.state(folder.path, width: 80, height: 24)
        AppFixture.send(&state, .openPost, .moveToLast)
        let status = AppView.render(state).rows.last ?? ""
        XCTAssertTrue(status.range(of: "line 2,[0-9]{3}–3,0[0-9]{2} of 3,0[0-9]{2}", options: .regularExpression) != nil, status)
    }
}
