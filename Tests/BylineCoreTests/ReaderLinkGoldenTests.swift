@testable import BylineCore
import BylineTestSupport
import XCTest

/// The reader with a current link, as a golden screen: the link's cells carry `curlink` (reverse video
/// in every theme), and the status line shows where it points; then the link-number prompt.
final class ReaderLinkGoldenTests: XCTestCase {
    let golden = Golden()

    func testTheCurrentLinkAndTheNumberPrompt() throws {
        var state = try AppFixture.state(width: 80, height: 24)
        state.selected = AppFixture.number(state, "clean-architecture-go-apis")
        AppFixture.send(&state, .openPost, .nextLink)
        guard case let .reading(reader) = state.mode else { return XCTFail("not reading") }
        XCTAssertEqual(reader.currentLink, CurrentLink(index: 0, reference: 1))
        XCTAssertGreaterThan(reader.scroll, 0, "scrolled down to the first link, below the first screen")
        let screen = AppView.render(state)
        golden.assert(Golden.text(of: screen), named: "reader-current-link.80x24.txt")
        XCTAssertTrue(Theme.mono.attributes(for: [.link, .currentLink]).reverse, "visible without colour")
        XCTAssertTrue(Theme.dark.withoutColors.attributes(for: [.link, .currentLink]).reverse)

        AppFixture.send(&state, .insertText("2"))
        golden.assert(Golden.text(of: AppView.render(state)), named: "reader-link-prompt.80x24.txt")
    }
}
