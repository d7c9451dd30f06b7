import Dispatch
import Glibc
import XCTest
@testable import BylineTerminal

/// The watch ends the session when its visitor is gone (a descriptor hangs up, or SIGHUP arrives) and
/// the runtime has not ended it in order within the grace; it never ends one that is still wanted.
final class HangupWatchTests: XCTestCase {
    /// Records the ending instead of ending the test process.
    private final class Ending: @unchecked Sendable {
        let happened = DispatchSemaphore(value: 0)
        func end() { happened.signal() }
        func waited(seconds: Double) -> Bool { happened.wait(timeout: .now() + seconds) == .success }
    }

    private func socketPair() -> (Int32, Int32) {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends), 0)
        return (ends[0], ends[1])
    }

    func testAPeerThatHangsUpEndsTheSessionAfterTheGrace() {
        let (mine, theirs) = socketPair()
        defer { close(mine) }
        let ending = Ending()
        let watch = HangupWatch(watching: [mine], grace: 200, end: ending.end)
        defer { watch.stop() }
        XCTAssertFalse(ending.waited(seconds: 0.1), "nothing ends while the peer is there")
        let closed = DispatchTime.now()
        close(theirs)
        XCTAssertTrue(ending.waited(seconds: 10), "a hung-up peer ends the session")
        let waited = Double(DispatchTime.now().uptimeNanoseconds - closed.uptimeNanoseconds) / 1e9
        XCTAssertGreaterThanOrEqual(waited, 0.15, "the runtime had its grace first")
    }

    /// `ssh -T`: standard output is a pipe whose reader (sshd) is gone.
    func testAPipeWhoseReaderIsGoneEndsTheSession() {
        var ends: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&ends), 0)
        defer { close(ends[1]) }
        let ending = Ending()
        let watch = HangupWatch(watching: [ends[1]], grace: 10, end: ending.end)
        defer { watch.stop() }
        close(ends[0])
        XCTAssertTrue(ending.waited(seconds: 10))
    }

    func testSIGHUPEndsTheSession() {
        let (mine, theirs) = socketPair()
        defer { close(mine); close(theirs) }
        let ending = Ending()
        let watch = HangupWatch(watching: [mine], grace: 10, end: ending.end)
        defer { watch.stop() }
        HangupWatch.signalArrived()
        XCTAssertTrue(ending.waited(seconds: 10))
    }

    /// The runtime noticed the hang-up itself and ended the session in order: nothing more happens.
    func testASessionEndedWithinTheGraceIsLeftToEnd() {
        let (mine, theirs) = socketPair()
        defer { close(mine) }
        let ending = Ending()
        let watch = HangupWatch(watching: [mine], grace: 300, end: ending.end)
        close(theirs)
        usleep(50_000)
        watch.stop()
        XCTAssertFalse(ending.waited(seconds: 0.6))
    }

    /// Keys waiting to be read, or a peer that only stopped sending, are not a hang-up.
    func testInputAndAHalfClosedPeerAreNotAHangup() {
        let (mine, theirs) = socketPair()
        defer { close(mine); close(theirs) }
        let ending = Ending()
        let watch = HangupWatch(watching: [mine], grace: 10, end: ending.end)
        defer { watch.stop() }
        XCTAssertEqual(write(theirs, "jjj", 3), 3)
        shutdown(theirs, Int32(SHUT_WR))
        XCTAssertFalse(ending.waited(seconds: 0.3))
    }

    func testAStoppedWatchNeverEnds() {
        let (mine, theirs) = socketPair()
        defer { close(mine) }
        let ending = Ending()
        let watch = HangupWatch(watching: [mine], grace: 10, end: ending.end)
        watch.stop()
        watch.stop()
        close(theirs)
        HangupWatch.signalArrived()
        XCTAssertFalse(ending.waited(seconds: 0.3))
    }
}
