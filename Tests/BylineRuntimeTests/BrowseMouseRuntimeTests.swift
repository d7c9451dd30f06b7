import BylineCore
import XCTest

/// The browsing screen's mouse through the whole runtime: a decoded mouse key reaches the reducer as
/// `Action.mouse` (the keymap passes it through in every context) and the frame shows its effect.
final class BrowseMouseRuntimeTests: XCTestCase {
    func testAClickOnATagTogglesItThroughTheRuntime() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore(), width: 100, height: 30)
        defer { harness.stop() }
        harness.waitForScreen(containing: "14 of 14 posts")
        // The second row of the tag pane (its content starts on row 2) is `go`, the second most used tag.
        harness.backend.feed(.key(.mouse(MouseEvent(.press(button: 0), row: 3, column: 4))))
        harness.waitForScreen(containing: "10 of 14 posts · tags")
        XCTAssertTrue(harness.backend.text.split(separator: "\n")[0].contains("·  go"), harness.backend.text)
        harness.backend.feed(.key(.mouse(MouseEvent(.release, row: 3, column: 4))),
                             .key(.mouse(MouseEvent(.press(button: 0), row: 3, column: 4))))
        harness.waitForScreen(containing: "14 of 14 posts · tags")
        // Typed letters after a click are still keys: `/` in the tag pane opens the tag prompt.
        harness.backend.type("/my")
        harness.waitForScreen(containing: "tag: my")
    }

    /// `S` to oldest first sorts the titles off the input thread, so that the next `S` finds them sorted.
    func testTheTitleOrderIsSortedAheadOfTheSForIt() throws {
        let store = try RuntimeHarness.shippedStore()
        let harness = RuntimeHarness(store: store, width: 100, height: 30)
        defer { harness.stop() }
        harness.waitForScreen(containing: "14 of 14 posts")
        XCTAssertFalse(store.titleOrderCache.isBuilt)
        harness.backend.type("S")
        harness.waitForScreen(containing: "oldest first")
        harness.settle()
        XCTAssertTrue(store.titleOrderCache.isBuilt, "sorted in the background before the S that shows it")
        harness.backend.type("S")
        harness.waitForScreen(containing: "by title")
    }
}
