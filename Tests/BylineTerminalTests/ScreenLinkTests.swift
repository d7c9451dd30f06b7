import BylineCore
import XCTest
@testable import BylineTerminal

/// Links carried into the `Screen` and the cells the painter writes again as OSC 8 hyperlinks: those
/// in a link, and those whose link went away or changed with the same text.
final class ScreenLinkTests: XCTestCase {
    private typealias Run = ScreenDiff.Run
    private typealias LinkRun = ScreenPainter.LinkRun

    private func screen(_ lines: [[StyledSpan]], width: Int = 20, height: Int = 3) -> Screen {
        var screen = Screen(width: width, height: height)
        for (row, spans) in lines.enumerated() { screen.put(StyledLine(spans), row: row, column: 0) }
        return screen
    }

    func testCellsNameTheirLinkAndACellStaysSmall() {
        let frame = screen([[StyledSpan("see "), StyledSpan("here", .link, link: "https://a.example"), StyledSpan(" and "),
                             StyledSpan("日本", .link, link: "https://b.example")],
                            [StyledSpan("again", .link, link: "https://a.example")]])
        XCTAssertEqual(frame.links, ["https://a.example", "https://b.example"], "each URL once")
        XCTAssertNil(frame.link(row: 0, column: 3))
        XCTAssertEqual((4..<8).map { frame.link(row: 0, column: $0) }, Array(repeating: "https://a.example", count: 4))
        XCTAssertEqual((13..<17).map { frame.link(row: 0, column: $0) }, Array(repeating: "https://b.example", count: 4), "both halves of wide characters")
        XCTAssertEqual(frame.link(row: 1, column: 0), "https://a.example")
        XCTAssertEqual(MemoryLayout<Screen.Cell>.stride, 32, "the link number sits in the cell's padding")
        var covered = frame
        covered.fill(row: 0, column: 0, width: 20)
        XCTAssertNil(covered.link(row: 0, column: 5), "a cell written over loses its link")
    }

    func testADiffSeesALinkChangeUnderTheSameText() {
        // Scrolled: the same text now in a different link, which happens to have the same number.
        let old = screen([[StyledSpan("text", .link, link: "https://a.example")]])
        let new = screen([[StyledSpan("text", .link, link: "https://b.example")]])
        XCTAssertEqual(old[0, 0].link, new[0, 0].link)
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 0..<4)])
        let plain = screen([[StyledSpan("text", .link)]])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: plain), [Run(row: 0, columns: 0..<4)], "a link gone")
        XCTAssertEqual(ScreenDiff.changedRuns(from: plain, to: old), [Run(row: 0, columns: 0..<4)], "a link come")
    }

    func testLinkRunsCoverLinkedCellsAndCellsThatLostTheirLink() {
        let old = screen([[StyledSpan("ab"), StyledSpan("cd", .link, link: "u1")], [StyledSpan("xy", .link, link: "u2")]])
        let new = screen([[StyledSpan("ab", .link, link: "u3"), StyledSpan("cd", .link)], [StyledSpan("xy", .link, link: "u2")]])
        let runs = ScreenDiff.changedRuns(from: old, to: new)
        let links = ScreenPainter.linkRuns(runs, from: old, to: new, rows: 3, columns: 20)
        // Row 0: "ab" now in u3 (number 1 in the new frame), "cd" lost u1 (written plain). Row 1 unchanged.
        XCTAssertEqual(links, [LinkRun(row: 0, columns: 0..<2, link: 1), LinkRun(row: 0, columns: 2..<4, link: 0)])
        XCTAssertEqual(new.url(ofLink: 1), "u3")

        // A first frame (or a redraw): every linked cell; none at the bottom-right corner.
        let corner = screen([[], [], [StyledSpan(String(repeating: " ", count: 18)), StyledSpan("zz", .link, link: "u")]])
        XCTAssertEqual(ScreenPainter.linkRuns(ScreenDiff.changedRuns(from: nil, to: corner), from: nil, to: corner, rows: 3, columns: 20),
                       [LinkRun(row: 2, columns: 18..<19, link: 1)])
        // A changed row: its linked cells that did not change are written too (ncurses may have scrolled
        // another line into it, with that line's targets); rows that did not change are left alone.
        let before = screen([[StyledSpan("old"), StyledSpan(" kept", .link, link: "k")], [StyledSpan("same", .link, link: "s")]])
        let after = screen([[StyledSpan("new"), StyledSpan(" kept", .link, link: "k")], [StyledSpan("same", .link, link: "s")]])
        XCTAssertEqual(ScreenPainter.linkRuns(ScreenDiff.changedRuns(from: before, to: after), from: before, to: after, rows: 3, columns: 20),
                       [LinkRun(row: 0, columns: 3..<8, link: 1)])
        // No links, nothing to write: a frame costs what it did.
        let none = screen([[StyledSpan("plain")]])
        XCTAssertEqual(ScreenPainter.linkRuns(ScreenDiff.changedRuns(from: nil, to: none), from: nil, to: none, rows: 3, columns: 20), [])
    }

    func testPaddingNeverReachesPutp() {
        let pieces = ScreenPainter.pieces(Array("a$<5>b$$<x\u{0}y".utf8)).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(pieces, ["a$", "<5>b$", "$", "<x", "y"])
        for piece in pieces { XCTAssertFalse(piece.contains("$<"), piece) }
    }
}
