import BylineCore
import Glibc
import XCTest
@testable import BylineTerminal

/// Signals are recorded by the handler and reported once by the terminal.
final class SignalFlagsTests: XCTestCase {
    override func setUp() { SignalFlags.clear() }
    override func tearDown() { SignalFlags.clear() }

    func testNothingPending() {
        XCTAssertNil(SignalFlags.takePending())
        XCTAssertNil(Terminal.pendingSignalEvent())
    }

    func testEachSignalIsReportedOnce() {
        SignalFlags.record(SIGTERM)
        XCTAssertEqual(Terminal.pendingSignalEvent(), .signal(SIGTERM))
        XCTAssertNil(Terminal.pendingSignalEvent())
    }

    func testHangUpComesFirstAndIsAHangup() {
        SignalFlags.record(SIGQUIT)
        SignalFlags.record(SIGINT)
        SignalFlags.record(SIGHUP)
        XCTAssertEqual(Terminal.pendingSignalEvent(), .hangup)
        XCTAssertEqual(Terminal.pendingSignalEvent(), .signal(SIGINT))
        XCTAssertEqual(Terminal.pendingSignalEvent(), .signal(SIGQUIT))
        XCTAssertNil(Terminal.pendingSignalEvent())
    }

    func testOutOfRangeSignalsAreIgnored() {
        SignalFlags.record(0)
        SignalFlags.record(64)
        XCTAssertNil(SignalFlags.takePending())
    }

    func testInstalledHandlersRecordRealSignalsAndAreRestored() {
        var before = sigaction()
        sigaction(SIGTERM, nil, &before)
        SignalFlags.install()
        raise(SIGTERM)
        raise(SIGQUIT)
        SignalFlags.restore()
        XCTAssertEqual(SignalFlags.takePending(), SIGTERM)
        XCTAssertEqual(SignalFlags.takePending(), SIGQUIT)
        var after = sigaction()
        sigaction(SIGTERM, nil, &after)
        XCTAssertEqual(unsafeBitCast(after.__sigaction_handler, to: Int.self), unsafeBitCast(before.__sigaction_handler, to: Int.self))
    }

    func testHandlersDoNotRestartInterruptedCalls() {
        SignalFlags.install()
        defer { SignalFlags.restore() }
        var action = sigaction()
        sigaction(SIGTERM, nil, &action)
        XCTAssertEqual(action.sa_flags & Int32(SA_RESTART), 0, "a blocked read must return EINTR")
    }
}
