import BylineCore
import BylineMarkdown
import BylineRuntime
import BylineTestSupport
import Foundation
import XCTest

/// The reading state file makes the pass over every post (marks by number, new since the last visit)
/// as it loads, off the input thread, for the store it loads for.
final class ReadingStatePreparedTests: XCTestCase {
    func testTheLoadedStateComesWithItsMarksByNumber() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.state.sqlite"
        let first = try RuntimeHarness.shippedStore()
        let file = ReadingStateFile(path: path, clock: { 1_000 })
        _ = file.load(first)
        file.save(ReadingStateChange([.init(key: PostKey(first.posts[3]), marks: PostMarks(read: true), fields: .read)]))
        file.save(ReadingStateChange([.init(key: PostKey(first.posts[5]), marks: PostMarks(saved: true), fields: .saved)]))

        let store = try RuntimeHarness.shippedStore()
        let answers = ReadingStateFile(path: path, clock: { 2_000 }).load(store)
        guard case let .readingStateLoaded(loaded)? = answers.first else { return XCTFail("\(answers)") }
        let prepared = try XCTUnwrap(loaded.prepared)
        XCTAssertTrue(prepared.isFor(store))
        XCTAssertFalse(prepared.isFor(first), "made for the store it was loaded for")
        XCTAssertEqual(Array(prepared.read), [3])
        XCTAssertEqual(Array(prepared.saved), [5])
        XCTAssertEqual(prepared.newSinceLastVisit, 0, "every post was seen on the first visit")
        XCTAssertEqual(prepared, PreparedMarks(reading: loaded, store: store))
    }
}

/// The first frame waits a moment for the reading state only where reading it takes a moment: a
/// large blog's list comes at once, its marks after it.
final class ReadingStateFirstFrameTests: XCTestCase {
    func testALargeBlogsFirstFrameDoesNotWaitForTheState() throws {
        let folder = try TempFolder()
        let count = 5_000
        for number in 0..<count {
            _ = try folder.write("p\(number).md", "---\ntitle: Post \(number)\ndate: 2024-01-01\ntags: [t\(number % 7)]\n---\nBody.\n")
        }
        let store = try PostStore.load(root: folder.path, inspector: CmarkBodyInspector())
        XCTAssertEqual(store.posts.count, count)
        // The state is not read until the test says so: a first frame that waited for it would never
        // come, the driven clock standing still.
        let release = DispatchSemaphore(value: 0)
        let performers = Performers(loadReadingState: { _ in
            release.wait()
            return [.readingStateLoaded(ReadingState())]
        })
        let harness = RuntimeHarness(store: store, performers: performers)
        defer { harness.stop() }
        harness.waitForScreen(containing: "5,000 of 5,000 posts")
        XCTAssertFalse(harness.backend.text.contains("saved"), "no marks before the state came")
        release.signal()
        harness.waitForScreen(containing: "★ saved")
    }
}
