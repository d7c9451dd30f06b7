import Foundation
import XCTest

/// A window of any size a client can claim (0x0 to 65535x65535), and storms of resizes, cost a bounded
/// amount of memory and never crash the reader: before the bound, 10000x10000 took 2.6 GB within 4 s,
/// and a `j` at 40000 columns was a SIGSEGV in ncurses' `doupdate`.
final class WindowLimitEndToEndTests: XCTestCase {
    /// Resident memory byline may reach at any window size: the reader at 1000x500 (its largest) takes
    /// about 100 MB in a debug build; a single unbounded screen of 8000x3000 took 2.5 GB.
    static let peakLimitKilobytes = 200 * 1024

    private func start(columns: Int, rows: Int, cache: ScratchFolder) throws -> PseudoTerminal {
        try PseudoTerminal(columns: columns, rows: rows, argv: [BylineRunner.binary, BylineRunner.shippedPosts],
                           environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path])
    }

    private func assertPeakBounded(_ terminal: PseudoTerminal, _ situation: String, file: StaticString = #filePath, line: UInt = #line) {
        let peak = terminal.peakResidentKilobytes() ?? Int.max
        XCTAssertLessThan(peak, Self.peakLimitKilobytes, "peak resident memory \(peak) kB \(situation)", file: file, line: line)
    }

    func testHugeWindowsAndResizeStormsCostBoundedMemoryAndNeverCrash() throws {
        let cache = try ScratchFolder()
        let terminal = try start(columns: 10000, rows: 10000, cache: cache)
        let before = terminal.modes()
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"), "the first frame at 10000x10000")
        terminal.settle(seconds: 0.5)
        assertPeakBounded(terminal, "at 10000x10000")
        // Above 32767 columns ncurses' 16-bit sizes overflow; 0x0 is a window of no known size.
        for (columns, rows) in [(40000, 30), (65535, 65535), (0, 0), (1, 1), (65535, 1), (1, 65535)] {
            terminal.resize(columns: columns, rows: rows)
            terminal.settle(seconds: 0.2)
            terminal.type("j")
            terminal.settle(seconds: 0.3)
            XCTAssertNil(terminal.exitStatus(within: 0), "byline still runs after a j at \(columns)x\(rows)")
            assertPeakBounded(terminal, "at \(columns)x\(rows)")
        }
        // A storm: five hundred sizes as fast as the kernel takes them, keys in between. Coalesced, it
        // costs a resize or two, not five hundred full frames queued up.
        for step in 0..<500 {
            terminal.resize(columns: 200 + step * 97 % 60000, rows: 50 + step * 89 % 60000)
            if step % 50 == 0 { terminal.type("j") }
        }
        terminal.resize(columns: 100, rows: 30)
        let mark = terminal.output.count
        XCTAssertTrue(terminal.waitFor("of 14 posts", after: mark, seconds: 20), "a frame at 100x30 after the storm")
        assertPeakBounded(terminal, "after a storm of 500 resizes")
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0, "q ends byline cleanly")
        let after = terminal.modes()
        XCTAssertEqual([after.c_iflag, after.c_oflag, after.c_cflag, after.c_lflag],
                       [before.c_iflag, before.c_oflag, before.c_cflag, before.c_lflag], "the terminal's modes are restored")
        let tail = String(decoding: terminal.output.suffix(64), as: UTF8.self)
        XCTAssertTrue(tail.contains("\u{1b}[?1049l"), "the shell's screen is back: \(tail.debugDescription)")
    }

    /// ncurses measures the window again on its own after a suspend (SIGTSTP: its handler calls endwin,
    /// then doupdate on the way back): that measure is bounded too.
    func testASuspendAtAHugeSizeCostsBoundedMemory() throws {
        let cache = try ScratchFolder()
        let terminal = try start(columns: 10000, rows: 10000, cache: cache)
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"), "the first frame at 10000x10000")
        terminal.settle(seconds: 0.3)
        // byline leads a session of its own, an orphaned process group: the stop itself is discarded by
        // the kernel, and ncurses' handler goes straight on to its endwin and doupdate.
        XCTAssertEqual(kill(terminal.pid, SIGTSTP), 0)
        terminal.settle(seconds: 0.5)
        XCTAssertEqual(kill(terminal.pid, SIGCONT), 0)
        terminal.settle(seconds: 0.5)
        terminal.type("j")
        terminal.settle(seconds: 0.5)
        assertPeakBounded(terminal, "after a suspend at 10000x10000")
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0)
    }

    /// The window's size at the start is bounded too, before ncurses allocates anything.
    func testAWindowOverTheLimitIsUsedAtTheLimit() throws {
        let cache = try ScratchFolder()
        let terminal = try start(columns: 40000, rows: 30000, cache: cache)
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"), "the first frame at 40000x30000")
        // The status line is drawn on the last row of the window used: row 500 of 1000 columns.
        XCTAssertTrue(terminal.waitFor("\u{1b}[500d"), "drawn at the limit's last row")
        XCTAssertFalse(terminal.output.firstRange(of: Array("\u{1b}[501d".utf8)) != nil, "nothing drawn below row 500")
        assertPeakBounded(terminal, "at 40000x30000")
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0)
    }
}
