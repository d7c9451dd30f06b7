import BylineCore
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
