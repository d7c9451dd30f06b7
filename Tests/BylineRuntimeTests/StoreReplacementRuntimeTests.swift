import BylineCore
import BylineMarkdown
import BylineRuntime
import BylineTestSupport
import XCTest

/// A refreshed store gives post numbers other meanings: a body read from the old store and answered
/// after the new one arrived is dropped (its effect cancelled), never shown as the new post's.
final class StoreReplacementRuntimeTests: XCTestCase {
    func testABodyOfTheOldStoreAnsweredAfterTheNewArrivedIsDropped() throws {
        let old = try RuntimeHarness.shippedStore()
        let folder = try TempFolder()
        _ = try folder.write("alpha.md", "---\ntitle: Alpha\ndate: 2026-12-02\n---\nAlpha's own words.\n")
        _ = try folder.write("beta.md", "---\ntitle: Beta\ndate: 2026-12-01\n---\nBeta's own words.\n")
        let new = try PostStore.load(root: folder.path, inspector: CmarkBodyInspector())
        let blogGate = Gates<String>(holding: ["refresh"])
        let bodyGate = Gates<Int>(holding: [1])
        // The new store's post 1 is held too, so the only answer about post 1 before the move is the old one's.
        let newBodyGate = Gates<Int>(holding: [1])
        let performers = Performers(blog: { refresh, context in
            XCTAssertTrue(refresh)
            blogGate.pass("refresh")
            context.send(.storeReplaced(StoreUpdate(new, serial: 1)))
        }, body: { post, store in
            if store.realRoot == old.realRoot { bodyGate.pass(post) } else { newBodyGate.pass(post) }
            return Performers.body(post, in: store)
        })
        let harness = RuntimeHarness(store: old, performers: performers, start: .refresh)
        defer {
            blogGate.release("refresh")
            bodyGate.release(1)
            newBodyGate.release(1)
            harness.stop()
        }
        harness.waitForScreen(containing: "Two years ago")
        // The old store's post 1, parsed ahead, is held; the refresh lands meanwhile.
        XCTAssertTrue(harness.waitUntil { bodyGate.hasArrived(1) && blogGate.hasArrived("refresh") })
        blogGate.release("refresh")
        harness.waitForScreen(containing: "Alpha's own words.")
        bodyGate.release(1)
        XCTAssertTrue(harness.waitUntil { newBodyGate.hasArrived(1) && harness.runtime.effectsRunning == 1 && harness.backend.isWaiting })
        harness.backend.type("j")
        XCTAssertTrue(harness.waitUntil { harness.backend.isWaiting })
        harness.backend.advance(by: 1)
        harness.waitForScreen(containing: "▸")
        XCTAssertTrue(harness.waitUntil { harness.backend.isWaiting && harness.backend.text.contains("Beta") })
        XCTAssertFalse(harness.backend.text.contains("Most outages I have been"), "the old store's post 1 shown as the new one's:\n\(harness.backend.text)")
        newBodyGate.release(1)
        harness.waitForScreen(containing: "Beta's own words.")
    }
}
