@testable import BylineCore
import BylineTestSupport
import XCTest

/// Golden screens: rows of the grid, then style runs, at the sizes people use.
final class ViewGoldenTests: XCTestCase {
    let golden = Golden()
    static let sizes = [(120, 40), (80, 24), (50, 20), (30, 8)]

    private func assertScreens(_ folder: String, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for (width, height) in Self.sizes {
            let state = try AppFixture.state(folder, width: width, height: height)
            let screen = AppView.render(state)
            golden.assert(Golden.text(of: screen), named: "\(name).\(width)x\(height).txt", file: file, line: line)
        }
    }

    func testShippedBlog() throws { try assertScreens(Fixtures.shippedPosts, named: "posts") }

    func testEmptyFolder() throws { try assertScreens(Fixtures.path("empty-blog"), named: "empty") }

    func testCJKAndEmojiBlog() throws { try assertScreens(Fixtures.path("unicode-blog"), named: "unicode") }

    func testFilteredSearchingReadingAndHelp() throws {
        var state = try AppFixture.state()
        AppFixture.send(&state, .focusTags)
        state.tagCursor = "go"
        AppFixture.send(&state, .toggleRequired)
        state.tagCursor = "career"
        AppFixture.send(&state, .toggleExcluded)
        golden.assert(Golden.text(of: AppView.render(state)), named: "filtered.120x40.txt")

        AppFixture.send(&state, .clearFilter, .startSearch, .insertText("latency"))
        golden.assert(Golden.text(of: AppView.render(state)), named: "searching.120x40.txt")

        AppFixture.send(&state, .submitPrompt, .openPost, .pageDown)
        golden.assert(Golden.text(of: AppView.render(state)), named: "reader.120x40.txt")

        AppFixture.send(&state, .showHelp)
        golden.assert(Golden.text(of: AppView.render(state)), named: "help.120x40.txt")
    }

    func testEveryCellFitsAndWideCharactersAreWhole() throws {
        for folder in [Fixtures.shippedPosts, Fixtures.path("unicode-blog")] {
            for (width, height) in Self.sizes + [(100, 30), (60, 15), (40, 10), (39, 9)] {
                let screen = AppView.render(try AppFixture.state(folder, width: width, height: height))
                XCTAssertEqual(screen.cells.count, width * height)
                for row in 0..<height {
                    for column in 0..<width where screen[row, column].width == 2 {
                        XCTAssertLessThan(column + 1, width)
                        XCTAssertEqual(screen[row, column + 1].width, 0, "a wide character keeps its right half")
                    }
                }
            }
        }
    }

    func testTooSmall() throws {
        let screen = AppView.render(try AppFixture.state(width: 39, height: 20))
        XCTAssertTrue(screen.rows.contains { $0.contains("terminal too small (need 40x10)") })
    }
}
