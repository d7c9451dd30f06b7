import BylineCore
import BylineRuntime
import Synchronization
import XCTest

/// The reader end to end in-process: keys in, screens out, background work held and released by the
/// test, time moved by the test.
final class ReaderRuntimeTests: XCTestCase {
    func testTheFirstScreenComesWholeWithTheSelectedPostsBody() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore())
        defer { harness.stop() }
        harness.waitForScreen(containing: "Why WebSockets")
        // The first frame waited for the body it asked for: no "loading" frame drawn over at once.
        XCTAssertEqual(harness.backend.frames, 1)
        XCTAssertTrue(harness.backend.text.contains("Two years ago"), harness.backend.text)
    }

    func testAFirstLoadThatAnswersInTimeGivesAWholeFirstFrame() throws {
        let store = try RuntimeHarness.shippedStore()
        let empty = PostStore.assemble(root: RuntimeHarness.shippedPosts, realRoot: RuntimeHarness.shippedPosts, layout: .plain,
                                       entries: [], finderDiagnostics: [], includeDrafts: false)
        let performers = Performers(blog: { refresh, context in
            XCTAssertFalse(refresh)
            context.send(.progress(.init(verb: "loading", done: 3, total: 14)))
            context.send(.storeReplaced(StoreUpdate(store, serial: 1)))
            context.send(.progress(nil))
        })
        let harness = RuntimeHarness(store: empty, performers: performers, start: .load)
        defer { harness.stop() }
        harness.waitForScreen(containing: "Two years ago")
        XCTAssertEqual(harness.backend.frames, 1, "no empty \"loading\" frame before the loaded one")
    }

    func testASlowFirstLoadShowsProgressAfterTheWait() throws {
        let empty = PostStore.assemble(root: RuntimeHarness.shippedPosts, realRoot: RuntimeHarness.shippedPosts, layout: .plain,
                                       entries: [], finderDiagnostics: [], includeDrafts: false)
        let gate = Gates<Int>(holding: [1])
        let performers = Performers(blog: { _, _ in gate.pass(1) })
        let harness = RuntimeHarness(store: empty, performers: performers, start: .load)
        defer {
            gate.release(1)
            harness.stop()
        }
        XCTAssertTrue(harness.waitUntil { gate.hasArrived(1) && harness.backend.isWaiting })
        XCTAssertEqual(harness.backend.frames, 0, "the first frame waits for the load")
        harness.backend.advance(by: 0.05)
        harness.waitForScreen(containing: "loading")
    }

    func testJMovesTheSelectionAndThePreviewFollows() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore())
        defer { harness.stop() }
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.type("j")
        harness.waitForScreen(containing: "▸2026-10-20 Designing")
        XCTAssertTrue(harness.waitUntil { harness.backend.text.contains("Production Traffic") })
        XCTAssertFalse(harness.backend.text.contains("Two years ago"), "the preview shows the new selection")
    }

    func testANewerSearchCancelsTheOlderAndOnlyItsResultLands() throws {
        let store = try RuntimeHarness.shippedStore()
        let graceful = try XCTUnwrap(store.posts.firstIndex { $0.slug == "graceful-shutdown-in-go" })
        let pools = try XCTUnwrap(store.posts.firstIndex { $0.slug == "worker-pools-in-go" })
        let gates = Gates<String>(holding: ["q", "qz"])
        let cancelledSeen = Mutex<[String: Bool]>([:])
        let performers = Performers(search: { query, _, context in
            let words = query.search
            gates.pass(words)
            cancelledSeen.withLock { $0[words] = context.isCancelled }
            context.send(.searchFinished(query: query, results: words == "q" ? [pools] : [graceful]))
        })
        let harness = RuntimeHarness(store: store, performers: performers)
        defer { harness.stop() }
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.type("/q")
        XCTAssertTrue(harness.waitUntil { gates.hasArrived("q") })
        harness.backend.type("z")
        XCTAssertTrue(harness.waitUntil { gates.hasArrived("qz") })
        gates.release("qz")
        harness.waitForScreen(containing: "Graceful Shutdow")
        gates.release("q")
        harness.settle()
        XCTAssertEqual(cancelledSeen.withLock { $0 }, ["q": true, "qz": false], "the older search was cancelled by the newer")
        XCTAssertTrue(harness.backend.text.contains("Graceful Shutdow"))
        XCTAssertFalse(harness.backend.text.contains("Worker Pools"), "the cancelled search's result was dropped")
    }

    func testABodyArrivingAfterTheSelectionMovedOnLeavesTheScreenAlone() throws {
        let store = try RuntimeHarness.shippedStore()
        let gates = Gates<Int>(holding: [1])
        let performers = Performers(body: { post, store in
            gates.pass(post)
            return Performers.body(post, in: store)
        })
        let harness = RuntimeHarness(store: store, performers: performers)
        defer {
            gates.release(1)
            harness.stop()
        }
        harness.waitForScreen(containing: "Two years ago")
        // Post 1 is held (parsed ahead, and asked for by the move onto it): its frame shows it loading
        // once the wait for its body is over.
        harness.backend.type("j")
        XCTAssertTrue(harness.waitUntil { gates.hasArrived(1) && harness.backend.isWaiting })
        harness.backend.advance(by: 1)
        harness.waitForScreen(containing: "▸2026-10-20 Designing")
        harness.backend.type("j")
        harness.waitForScreen(containing: "▸2026-09-29 Rate Limiting")
        XCTAssertTrue(harness.waitUntil { harness.backend.text.contains("The first rate limiter") && harness.backend.isWaiting })
        let before = (harness.backend.text, harness.backend.frames)
        gates.release(1)
        harness.settle()
        XCTAssertEqual(harness.backend.text, before.0, "the late body of a post no longer shown changed the screen")
        XCTAssertEqual(harness.backend.frames, before.1, "and painted no frame")
    }

    func testTheIdleTimeoutFollowsTheDrivenClock() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore(), idleTimeout: 60)
        defer { harness.stop() }
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.advance(by: 59)
        harness.settle()
        XCTAssertNil(harness.ended, "59 of 60 seconds")
        harness.backend.type("j")  // a key starts the minute again
        harness.waitForScreen(containing: "▸2026-10-20 Designing")
        harness.settle()
        harness.backend.advance(by: 59)
        harness.settle()
        XCTAssertNil(harness.ended)
        harness.backend.advance(by: 1)
        XCTAssertEqual(harness.waitForEnding(), .idle(seconds: 60))
        XCTAssertEqual(harness.ended?.status, 0)
    }

    func testQuitEndsWithStatusZero() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore())
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.type("q")
        XCTAssertEqual(harness.waitForEnding(), .quit)
        XCTAssertEqual(harness.ended?.status, 0)
    }

    func testControlCEndsWithStatus130() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore())
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.feed(.key(.control("c")))
        XCTAssertEqual(harness.waitForEnding(), .interrupt)
        XCTAssertEqual(harness.ended?.status, 130)
    }

    func testAHangupEndsWithStatus129AndASignalWith128PlusIt() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore())
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.feed(.hangup)
        XCTAssertEqual(harness.waitForEnding(), .hangup)
        XCTAssertEqual(harness.ended?.status, 129)
        XCTAssertEqual(ReaderRuntime.Ending.signal(15).status, 143)
    }

    func testCtrlLRepaintsEveryCell() throws {
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore())
        defer { harness.stop() }
        harness.waitForScreen(containing: "Two years ago")
        harness.backend.feed(.key(.control("l")))
        XCTAssertTrue(harness.waitUntil { harness.backend.invalidations == 1 })
    }
}
