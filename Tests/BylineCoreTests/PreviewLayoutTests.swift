@testable import BylineCore
import BylineMarkdown
import XCTest

/// The preview lays a post out only as far as its rows need, and what it shows is the start of the
/// whole post however it got there: asked for more, scrolled, or asked for everything at once.
final class PreviewLayoutTests: XCTestCase {
    func testRowsAskedForAreTheStartOfTheWholePost() throws {
        let posts = try AppFixture.state().store.posts.indices.prefix(6)
        for post in posts {
            for width in [30, 77] {
                let whole = try loadedState(post).fullLines(post, width)
                for count in [0, 1, 5, 37, 38, 200, whole.count, whole.count + 1] {
                    let state = try loadedState(post)
                    let cache = ViewCache()
                    let some = PreviewContent.lines(state, post: post, width: width, atLeast: count, in: cache)
                    XCTAssertGreaterThanOrEqual(some.count, min(count, whole.count))
                    XCTAssertEqual(some, Array(whole.prefix(some.count)), "post \(post) at \(width), \(count) rows")
                    // The cache continues the same layout to the end.
                    XCTAssertEqual(PreviewContent.lines(state, post: post, width: width, in: cache), whole)
                }
            }
        }
    }

    func testScrolledPreviewIsTheSameWhetherLaidOutLazilyOrInFull() throws {
        let post = try AppFixture.state().selected!
        for scroll in [0, 1, 3, 25, 60, 400, Int.max / 2] {
            // The scroll as asked, bounded as the runtime bounds it: by what the view measured.
            var lazy = try loadedState(post)
            let lazyCache = ViewCache()
            lazy.previewScroll = scroll
            lazy.clampPositions()
            AppFixture.settle(&lazy, [], cache: lazyCache)

            var full = try loadedState(post)
            let fullCache = ViewCache()
            let rect = try XCTUnwrap(full.layout.rect(of: .preview))
            _ = PreviewContent.lines(full, post: post, width: rect.width - 2 * PreviewView.margin(rect.width), in: fullCache)
            full.previewScroll = scroll
            full.clampPositions()
            AppFixture.settle(&full, [], cache: fullCache)

            if scroll == 0 {
                // Asking for no more than is there returns what the cache holds: only the first screen.
                let width = rect.width - 2 * PreviewView.margin(rect.width)
                _ = AppView.render(lazy, lazyCache)
                let held = PreviewContent.lines(lazy, post: post, width: width, atLeast: 0, in: lazyCache).count
                XCTAssertLessThan(held, PreviewContent.lines(full, post: post, width: width, in: fullCache).count, "the first frame laid out only its rows")
                XCTAssertGreaterThanOrEqual(held, rect.height)
            }
            XCTAssertNil(lazy.layoutQuestion, "scroll \(scroll)")
            XCTAssertEqual(lazy.previewScroll, full.previewScroll, "scroll \(scroll)")
            XCTAssertEqual(AppView.render(lazy, lazyCache), AppView.render(full, fullCache), "scroll \(scroll)")
        }
    }

    func testAFirstScreenLaidOutAheadIsWhatTheMoveShows() throws {
        let start = try AppFixture.state()
        guard case let .success(body) = start.store.body(of: 1) else { return XCTFail("post 1 reads") }
        let parsed = LoadedPost(markdown: body)
        var ahead = start
        let cache = ViewCache()
        // Laid out off the runtime's thread as a value, then kept by the runtime.
        cache.keep(try XCTUnwrap(PreviewContent.layOutAhead(ahead, post: 1, parsed)))
        XCTAssertEqual(cache.layoutCount, 1, "the first screen is in the cache before the body is in the state")
        AppFixture.send(&ahead, cache: cache, .bodyLoaded(post: 1, parsed), .moveDown)
        XCTAssertEqual(ahead.selected, 1)
        let frame = AppView.render(ahead, cache)
        XCTAssertEqual(cache.layoutCount, 1, "the frame after the move found the layout there")

        var plain = try AppFixture.state()
        AppFixture.send(&plain, .moveDown)
        XCTAssertEqual(frame, AppView.render(plain), "the same frame either way")
        XCTAssertEqual(PreviewContent.lines(ahead, post: 1, width: 40, in: cache), PreviewContent.lines(plain, post: 1, width: 40, in: ViewCache()))
    }

    func testNothingIsLaidOutAheadForTheReader() throws {
        var state = try AppFixture.state()
        AppFixture.send(&state, .openPost)
        guard case let .success(body) = state.store.body(of: 1) else { return XCTFail("post 1 reads") }
        XCTAssertNil(PreviewContent.layOutAhead(state, post: 1, LoadedPost(markdown: body)))
    }

    private func loadedState(_ post: Int) throws -> AppState {
        var state = try AppFixture.state()
        AppFixture.settle(&state, [.loadBody(post)])
        return state
    }
}

private extension AppState {
    /// The post as `byline show` lays it out: every line, without the memo.
    func fullLines(_ post: Int, _ width: Int) -> [StyledLine] {
        PreviewContent.lines(store.posts[post], loaded[post]!, width: width, glyphs: glyphs)
    }
}
