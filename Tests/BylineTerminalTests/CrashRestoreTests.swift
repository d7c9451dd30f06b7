@preconcurrency import Glibc
import XCTest
@testable import BylineTerminal

/// The crash handler hands a real fault on: the process still dies of it (no endless loop of the
/// faulting instruction, no carrying on past it), after the handler has run.
final class CrashRestoreTests: XCTestCase {
    func testARealFaultStillEndsTheProcessWithItsSignal() throws {
        let pipe = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        defer { pipe.deallocate() }
        XCTAssertEqual(Glibc.pipe(pipe), 0)
        let child = fork()
        if child == 0 {
            // The child: the handler writes its bytes to standard output, here the pipe.
            dup2(pipe[1], 1)
            // Before it, the default action (the test runner's own crash report would be printed).
            signal(SIGSEGV, SIG_DFL)
            CrashRestore.install()
            let address = Int(getpid() & 0) + 16  // not a constant the compiler could see through
            UnsafeMutablePointer<Int>(bitPattern: address)!.pointee = 1
            _exit(0)  // never reached when the fault ends the process
        }
        close(pipe[1])
        let (status, endedByItself) = ChildWait.status(of: child)
        if !endedByItself {
            close(pipe[0])
            return XCTFail("the child never ended: the handler keeps returning to the fault")
        }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(pipe[0], &bytes, bytes.count)
        close(pipe[0])
        // Killed by a signal (the low seven bits of the status), and that signal is SIGSEGV.
        XCTAssertEqual(status & 0x7F, SIGSEGV, "status \(status)")
        XCTAssertTrue(String(decoding: bytes.prefix(max(0, count)), as: UTF8.self).contains("byline: stopped by a fatal signal"))
    }
}
