import XCTest
@testable import BylineTerminal

/// Whatever size a window reports, byline draws at most at the limit, and a window of no known size
/// (0) at the classic 80x24.
final class WindowSizeTests: XCTestCase {
    func testAnOrdinaryWindowIsUsedAsItIs() {
        XCTAssertEqual(WindowSize.bounded(columns: 120, rows: 40), WindowSize(columns: 120, rows: 40))
        XCTAssertEqual(WindowSize.bounded(columns: 1, rows: 1), WindowSize(columns: 1, rows: 1))
        XCTAssertEqual(WindowSize.bounded(columns: 1000, rows: 500), WindowSize(columns: 1000, rows: 500))
    }

    func testAHugeWindowIsUsedAtTheLimit() {
        XCTAssertEqual(WindowSize.bounded(columns: 10000, rows: 10000), WindowSize(columns: 1000, rows: 500))
        XCTAssertEqual(WindowSize.bounded(columns: 65535, rows: 65535), WindowSize(columns: 1000, rows: 500))
        XCTAssertEqual(WindowSize.bounded(columns: 40000, rows: 30), WindowSize(columns: 1000, rows: 30))
        XCTAssertEqual(WindowSize.bounded(columns: 80, rows: 3000), WindowSize(columns: 80, rows: 500))
    }

    func testAWindowOfNoKnownSizeIsTheClassicSize() {
        XCTAssertEqual(WindowSize.bounded(columns: 0, rows: 0), WindowSize(columns: 80, rows: 24))
        XCTAssertEqual(WindowSize.bounded(columns: 0, rows: 50), WindowSize(columns: 80, rows: 50))
        XCTAssertEqual(WindowSize.bounded(columns: 200, rows: 0), WindowSize(columns: 200, rows: 24))
    }

    /// ncurses keeps sizes in 16-bit integers: the limit must stay far below where they overflow.
    func testTheLimitFitsNcursesSizes() {
        XCTAssertLessThan(WindowSize.maximumColumns, Int(Int16.max))
        XCTAssertLessThan(WindowSize.maximumRows, Int(Int16.max))
    }
}
