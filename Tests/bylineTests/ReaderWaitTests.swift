import BylineIndex
import BylineMarkdown
import XCTest
@testable import byline

/// The input loop never sleeps on news that is already there: a store loaded while the loop looked
/// elsewhere once waited for the next key (or half a second), and the first frame came without it.
final class ReaderWaitTests: XCTestCase {
    func testNewsAlreadyThereIsTakenAtOnce() {
        for searchRunning in [false, true] {
            for loadRunning in [false, true] {
                XCTAssertNil(ReaderApp.wait(searchRunning: searchRunning, searchHasResult: false, loadRunning: loadRunning, loadHasNews: true))
                XCTAssertNil(ReaderApp.wait(searchRunning: searchRunning, searchHasResult: true, loadRunning: loadRunning, loadHasNews: false))
            }
        }
    }

    func testRunningWorkIsLookedAtOften() {
        XCTAssertEqual(ReaderApp.wait(searchRunning: false, searchHasResult: false, loadRunning: false, loadHasNews: false),
                       ReaderApp.pollMilliseconds)
        XCTAssertEqual(ReaderApp.wait(searchRunning: true, searchHasResult: false, loadRunning: false, loadHasNews: false),
                       ReaderApp.searchPollMilliseconds)
        XCTAssertEqual(ReaderApp.wait(searchRunning: false, searchHasResult: false, loadRunning: true, loadHasNews: false),
                       ReaderApp.loadPollMilliseconds)
        XCTAssertLessThanOrEqual(ReaderApp.loadPollMilliseconds, 5)
    }

    /// A loader hands a store over, then finishes: asked in that order (running, then news), the loop
    /// sees either "running" (and looks again soon) or the news.
    func testAFinishedLoaderLeavesNoStoreWaiting() throws {
        let blog = CachedBlog(root: BylineRunner.shippedPosts, includeDrafts: false, inspector: CmarkBodyInspector(),
                              policy: .init(path: nil, writable: false))
        let load = BackgroundLoad()
        load.start(blog, fromCache: false)
        let deadline = Date().addingTimeInterval(10)
        while load.isRunning, Date() < deadline { usleep(1000) }
        XCTAssertFalse(load.isRunning)
        XCTAssertTrue(load.hasNews, "the loaded store waits to be taken")
        XCTAssertNil(ReaderApp.wait(searchRunning: false, searchHasResult: false, loadRunning: load.isRunning, loadHasNews: load.hasNews))
        XCTAssertEqual(load.take().stores.first?.posts.count, 14)
        XCTAssertFalse(load.hasNews)
    }
}
