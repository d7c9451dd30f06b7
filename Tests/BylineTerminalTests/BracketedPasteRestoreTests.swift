@preconcurrency import Glibc
import XCTest
@testable import BylineTerminal

/// A hang-up that ends the process while the main thread is busy (`HangupWatch.endProcess`) gives a
/// live terminal back through `CrashRestore`'s prepared bytes: pastes are no longer bracketed after it.
final class BracketedPasteRestoreTests: XCTestCase {
    func testTheHangupExitTurnsBracketedPasteOff() throws {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&ends), 0)
        let child = fork()
        if child == 0 {
            // The child: standard output is the pipe; the terminal counts as taken.
            dup2(ends[1], 1)
            CrashRestore.install()
            TerminalSession.begin()
            HangupWatch.endProcess()  // gives the terminal back, then _exit: nothing after runs
        }
        close(ends[1])
        let (status, _) = ChildWait.status(of: child)
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(ends[0], &bytes, bytes.count)
        close(ends[0])
        XCTAssertEqual((status >> 8) & 0xFF, HangupWatch.exitStatus, "status \(status)")
        let written = String(decoding: bytes.prefix(max(0, count)), as: UTF8.self)
        XCTAssertTrue(written.contains("\u{1B}[?2004l"), written.debugDescription)
    }
}
