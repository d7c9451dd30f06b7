import BylineCore
import BylineRuntime
import XCTest

/// Following a link in the whole reader in-process: the number typed, the post it names opened (its body
/// read off the input thread), `B` back to the same place, `y` handing the address to the backend.
final class LinkRuntimeTests: XCTestCase {
    func testANumberAndEnterFollowALinkAndBGoesBackToTheSameScroll() throws {
        let store = try RuntimeHarness.shippedStore()
        let harness = RuntimeHarness(store: store)
        defer { harness.stop() }
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.feed(.key(.enter))
        harness.waitForScreen(containing: "line 1–")
        harness.backend.type("jjjj")
        harness.waitForScreen(containing: "line 5–")
        // [1] is graceful-shutdown-in-go.md, a sibling post named by its relative path.
        harness.backend.type("1")
        harness.waitForScreen(containing: "link: 1")
        harness.backend.feed(.key(.enter))
        harness.waitForScreen(containing: "Graceful Shutdown in Go Microservices Done Right")
        harness.waitForScreen(containing: "fifteen times a day")
        XCTAssertTrue(store.linkIndex.isBuilt, "the look-up was built (warmed after the body with links, or by the follow)")
        harness.backend.type("B")
        harness.waitForScreen(containing: "line 5–")
        XCTAssertTrue(harness.backend.text.contains("WebSockets"), harness.backend.text)
    }

    func testTabThenYCopiesTheCurrentLinksAddress() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore())
        defer { harness.stop() }
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.feed(.key(.enter))
        harness.waitForScreen(containing: "line 1–")
        harness.backend.feed(.key(.tab))
        harness.waitForScreen(containing: "[1] graceful-shutdown-in-go.md")
        harness.backend.type("y")
        harness.waitForScreen(containing: "copied graceful-shutdown-in-go.md")
        XCTAssertEqual(harness.backend.copied, ["graceful-shutdown-in-go.md"])
    }
}
