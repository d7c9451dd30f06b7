import BylineCore
import BylineRuntime
import BylineTestSupport
import Foundation
import Synchronization
import XCTest

/// The reading state in the running reader: loaded off the input thread before the first frame, and
/// every change written by the time the session has ended, however soon after it the quit came.
final class ReadingStateRuntimeTests: XCTestCase {
    func testTheStateLoadsAtStartAndAChangeIsWrittenBeforeTheSessionEnds() throws {
        let store = try RuntimeHarness.shippedStore()
        let saved = Mutex<[ReadingStateChange]>([])
        var loaded = ReadingState(lastVisit: 10)
        for post in store.posts.prefix(3) { loaded.posts[post.path] = StoredPost(key: PostKey(post), marks: PostMarks(), firstSeen: 20) }
        let answer = loaded
        let performers = Performers(loadReadingState: { _ in
            return [.readingStateLoaded(answer)]
        }, saveReadingState: { change in
            // Slow, so that a quit right behind the change would end the session first if it did not wait.
            usleep(100_000)
            saved.withLock { $0.append(change) }
        })
        let harness = RuntimeHarness(store: store, performers: performers)
        harness.waitForScreen(containing: "welcome back — 3 new posts since your last visit")
        harness.backend.feed(.key(.character("r")))
        harness.backend.feed(.key(.character("q")))
        XCTAssertEqual(harness.waitForEnding(), .quit)
        XCTAssertEqual(saved.withLock { $0 }, [ReadingStateChange([.init(key: PostKey(store.posts[0]), marks: PostMarks(read: true), fields: .read)])])
    }

    func testAHangUpInTheReaderKeepsWhereItStopped() throws {
        let store = try RuntimeHarness.shippedStore()
        let saved = Mutex<[ReadingStateChange]>([])
        let performers = Performers(loadReadingState: { _ in [.readingStateLoaded(ReadingState())] },
                                    saveReadingState: { change in saved.withLock { $0.append(change) } })
        let harness = RuntimeHarness(store: store, performers: performers)
        harness.waitForScreen(containing: "14 of 14 posts")
        harness.backend.feed(.key(.enter))
        harness.waitForScreen(containing: "line 1–")
        harness.backend.feed(.key(.pageDown))
        XCTAssertTrue(harness.waitUntil { !harness.backend.text.contains("line 1–") })
        harness.backend.feed(.hangup)
        XCTAssertEqual(harness.waitForEnding(), .hangup)
        let last = try XCTUnwrap(saved.withLock { $0.last })
        XCTAssertEqual(last.posts.map(\.key), [PostKey(store.posts[0])])
        XCTAssertEqual(last.posts.first?.marks.read, true)
        XCTAssertGreaterThan(last.posts.first?.marks.position?.line ?? 0, 0, "the page down is kept")
    }

    /// Saved posts are counted and filtered from the marks by number (`MarkSets`, made as the state
    /// loads): loading a state with saved posts builds no look-up of every path (0.6 s of CPU at
    /// 100,000 posts), and the saved row still finds them.
    func testLoadingAStateWithSavedPostsNeedsNoLookUpOfEveryPath() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.state.sqlite"
        let first = try RuntimeHarness.shippedStore()
        let file = ReadingStateFile(path: path)
        _ = file.load(first)
        file.save(ReadingStateChange([.init(key: PostKey(first.posts[2]), marks: PostMarks(saved: true))]))

        let store = try RuntimeHarness.shippedStore()
        let answers = ReadingStateFile(path: path).load(store)
        guard case let .readingStateLoaded(loaded)? = answers.first else { return XCTFail("\(answers)") }
        XCTAssertTrue(loaded.marks(of: store.posts[2].path).saved)
        var state = AppState(store: store, blogName: "b", width: 80, height: 24)
        for action: Action in [.readingStateLoaded(loaded), .focusTags, .moveUp, .toggleRequired] { _ = Reducer.reduce(&state, action) }
        XCTAssertEqual(state.results, [2], "the saved row filters on the saved post")
        XCTAssertEqual(state.orderedTags.first?.count, 1)
        XCTAssertFalse(store.linkIndex.isBuilt, "no look-up of every path was built for it")
    }
}
