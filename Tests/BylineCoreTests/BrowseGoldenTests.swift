@testable import BylineCore
import BylineTestSupport
import XCTest

/// Golden screens of issue 18's browsing changes: the help overlay wrapped at narrow widths, the
/// status line's hints kept by priority, the tag prompt.
final class BrowseGoldenTests: XCTestCase {
    let golden = Golden()

    func testTheHelpWrapsAtFiftyAndFortyColumns() throws {
        for (width, height) in [(50, 20), (40, 12)] {
            var state = try AppFixture.state(width: width, height: height)
            AppFixture.send(&state, .showHelp)
            golden.assert(Golden.text(of: AppView.render(state)), named: "help.\(width)x\(height).txt")
            // Scrolled to the end: the last binding's last line is on screen, and no further.
            AppFixture.send(&state, .moveToLast)
            let last = HelpContent.maximumScroll(width: width, height: height)
            XCTAssertEqual(state.mode, .help(over: .browsing, scroll: last))
            golden.assert(Golden.text(of: AppView.render(state)), named: "help-end.\(width)x\(height).txt")
            let lines = HelpContent.lines(width: HelpContent.textWidth(screenWidth: width))
            XCTAssertTrue(AppView.render(state).rows.contains { $0.contains(lines.last!.text.trimmingCharacters(in: .whitespaces)) })
        }
    }

    func testEveryHelpLineFitsItsWidthAndKeepsItsWords() {
        for width in [34, 46, 96] {
            let lines = HelpContent.lines(width: width)
            XCTAssertTrue(lines.allSatisfy { $0.width <= width }, "at \(width)")
            let words = lines.map(\.text).joined(separator: " ").split(separator: " ")
            for binding in Keymap.bindings {
                for word in binding.help.split(separator: " ") { XCTAssertTrue(words.contains(word), "\(word) at \(width)") }
            }
        }
    }

    func testTheHelpScrollStaysInRangeWhenTheScreenWidens() throws {
        var state = try AppFixture.state(width: 40, height: 12)
        AppFixture.send(&state, .showHelp, .moveToLast)
        AppFixture.send(&state, .resize(width: 120, height: 12))
        XCTAssertEqual(state.mode, .help(over: .browsing, scroll: HelpContent.maximumScroll(width: 120, height: 12)))
    }

    func testTheStatusLineKeepsHelpToTheLast() throws {
        for (width, height) in [(80, 24), (60, 20), (50, 20), (40, 12)] {
            var state = try AppFixture.state(width: width, height: height)
            AppFixture.send(&state, .focusTags)
            golden.assert(Golden.text(of: AppView.render(state)), named: "status-tags.\(width)x\(height).txt")
        }
        for width in [80, 70, 60, 50] {
            let state = try AppFixture.state(width: width, height: 20)
            let status = AppView.render(state).rows[19]
            XCTAssertTrue(status.contains("? help"), status)
        }
    }

    func testHintsAreChosenByPriorityAndShownInTableOrder() {
        let hints: [(hint: String, priority: Int)] = [("a one", 5), ("b two", 50), ("c three", 10), ("? help", 100)]
        XCTAssertEqual(Hints.fitting(hints, width: 100).text, "   a one  b two  c three  ? help")
        XCTAssertEqual(Hints.fitting(hints, width: 25).text, "   b two  c three  ? help")
        XCTAssertEqual(Hints.fitting(hints, width: 16).text, "   b two  ? help")
        XCTAssertEqual(Hints.fitting(hints, width: 9).text, "   ? help")
        XCTAssertEqual(Hints.fitting(hints, width: 8).text, "")
    }

    func testTheTagPromptOnTheStatusLine() throws {
        var state = try AppFixture.state(width: 80, height: 24)
        AppFixture.send(&state, .focusTags, .startTagFind, .insertText("my"))
        golden.assert(Golden.text(of: AppView.render(state)), named: "tagfind.80x24.txt")
        AppFixture.send(&state, .insertText("zz"))
        XCTAssertTrue(AppView.render(state).rows[23].contains("no tag matches \u{201C}myzz\u{201D}"))
    }

    func testCountsAreGroupedAndLoadingSaysItsCountAlone() throws {
        let count = 4_723
        let posts = (0..<count).map { number in
            Post(path: "p\(number).md", slug: "p\(number)", title: "Post \(number)", date: nil, tags: ["all"], summary: "", draft: false, fileSize: 0)
        }
        let store = PostStore(root: "/nowhere", realRoot: "/nowhere", layout: .plain, posts: PostList(posts), tags: TagIndex(posts: posts),
                              languages: TagIndex(languagesOf: posts), diagnostics: [], absolutePaths: posts.map { _ in nil })
        var state = AppState(store: store, blogName: "b", width: 120, height: 40)
        _ = Reducer.reduce(&state, .resize(width: 120, height: 40))
        XCTAssertTrue(AppView.render(state).rows[39].hasPrefix(" 4,723 of 4,723 posts · list "))
        XCTAssertTrue(AppView.render(state).rows[2].hasPrefix("   all       4,723│"), "tag counts grouped too: \(AppView.render(state).rows[2])")
        _ = Reducer.reduce(&state, .progress(.init(verb: "loading", done: 4_723, total: nil)))
        XCTAssertTrue(AppView.render(state).rows[39].hasPrefix(" loading 4,723 posts · list "), AppView.render(state).rows[39])
        _ = Reducer.reduce(&state, .progress(.init(verb: "refreshing", done: 1_200, total: 4_723)))
        XCTAssertTrue(AppView.render(state).rows[39].hasPrefix(" 4,723 of 4,723 posts · refreshing 1,200 of 4,723 · list "))
        _ = Reducer.reduce(&state, .startSearch)
        XCTAssertTrue(AppView.render(state).rows[39].contains("  4,723 of 4,723 posts"))
    }
}
