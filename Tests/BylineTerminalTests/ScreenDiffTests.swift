import BylineCore
import XCTest
@testable import BylineTerminal

/// Which cells a frame repaints: only what changed, with wide characters kept whole.
final class ScreenDiffTests: XCTestCase {
    private typealias Run = ScreenDiff.Run

    private func screen(_ width: Int, _ height: Int, _ lines: [String], selected: Int? = nil) -> Screen {
        var screen = Screen(width: width, height: height)
        for (row, text) in lines.enumerated() { screen.put(StyledLine([StyledSpan(text)]), row: row, column: 0) }
        if let selected { screen.addStyle(.selection, row: selected, column: 0, width: width) }
        return screen
    }

    func testFirstFrameRepaintsEverything() {
        let frame = screen(10, 3, ["a"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: nil, to: frame), (0..<3).map { Run(row: $0, columns: 0..<10) })
    }

    func testNewSizeRepaintsEverything() {
        let old = screen(10, 3, ["a"]), new = screen(12, 3, ["a"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new).count, 3)
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new).first, Run(row: 0, columns: 0..<12))
    }

    func testSameFrameRepaintsNothing() {
        let frame = screen(20, 5, ["日本語 🎉", "hello"], selected: 1)
        XCTAssertEqual(ScreenDiff.changedRuns(from: frame, to: frame), [])
    }

    func testEmptyScreenHasNoRuns() {
        XCTAssertEqual(ScreenDiff.changedRuns(from: nil, to: Screen(width: 0, height: 0)), [])
    }

    func testMovingTheSelectionRepaintsOnlyTheTwoRows() {
        let lines = ["first post", "second 日本", "third 🎉", "fourth"]
        let old = screen(30, 8, lines, selected: 1), new = screen(30, 8, lines, selected: 2)
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 1, columns: 0..<30), Run(row: 2, columns: 0..<30)])
    }

    func testOneChangedCharacterIsOneCell() {
        let old = screen(10, 2, ["counter 1"]), new = screen(10, 2, ["counter 2"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 8..<9)])
    }

    func testSeparateChangesOnARowAreSeparateRuns() {
        let old = screen(10, 1, ["abcdefgh"]), new = screen(10, 1, ["aXcdefYh"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 1..<2), Run(row: 0, columns: 6..<7)])
    }

    func testWideCharacterReplacedByNarrowOnesTakesBothColumns() {
        let old = screen(6, 1, ["x日y"]), new = screen(6, 1, ["xaby"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 1..<3)])
    }

    func testNarrowCharactersReplacedByAWideOne() {
        let old = screen(6, 1, ["xaby"]), new = screen(6, 1, ["x日y"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 1..<3)])
    }

    func testChangingOnlyTheLeftHalfStillTakesTheRightHalf() {
        // 日 → 本: only the left cell's text differs, but the character spans two columns.
        let old = screen(6, 1, ["a日"]), new = screen(6, 1, ["a本"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 1..<3)])
    }

    func testChangingOnlyTheRightHalfTakesTheLeftHalf() {
        let old = screen(6, 1, ["a日b"])
        var new = old
        new.addStyle(.match, row: 0, column: 2, width: 1)  // the right half only
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 1..<3)])
    }

    func testShiftedWideCharacters() {
        let old = screen(8, 1, ["a日本"]), new = screen(8, 1, ["日本a"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 0..<5)])
    }

    func testEmojiChangeInACJKRow() {
        let old = screen(12, 2, ["中文 🎉 end", "same"]), new = screen(12, 2, ["中文 ✅ end", "same"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 5..<7)])
    }

    func testCombiningMarkChangesItsCell() {
        let old = screen(4, 1, ["e"]), new = screen(4, 1, ["e\u{301}"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 0..<1)])
    }

    func testWideCharacterAtTheRightEdge() {
        let old = screen(4, 1, ["ab日"]), new = screen(4, 1, ["ab本"])
        XCTAssertEqual(ScreenDiff.changedRuns(from: old, to: new), [Run(row: 0, columns: 2..<4)])
    }

    func testEveryRunIsWithinTheScreenAndWideCharactersAreNeverSplit() {
        let old = screen(9, 3, ["日本語 x", "🎉🎉🎉🎉", "a b c"]), new = screen(9, 3, ["x 日本語", "a🎉b🎉c", "中文中文"])
        for run in ScreenDiff.changedRuns(from: old, to: new) {
            XCTAssertTrue(run.columns.lowerBound >= 0 && run.columns.upperBound <= 9, "\(run)")
            XCTAssertNotEqual(new[run.row, run.columns.lowerBound].width, 0, "run starts on a right half: \(run)")
            XCTAssertNotEqual(old[run.row, run.columns.lowerBound].width, 0, "run starts on an old right half: \(run)")
            let last = run.columns.upperBound - 1
            XCTAssertNotEqual(new[run.row, last].width, 2, "run ends on a left half: \(run)")
            XCTAssertNotEqual(old[run.row, last].width, 2, "run ends on an old left half: \(run)")
        }
    }
}
