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

/// SIGWINCH is byline's, not ncurses': recorded as news of a resize, never as the end of a session.
final class WindowChangeFlagTests: XCTestCase {
    override func setUp() { SignalFlags.clear() }
    override func tearDown() { SignalFlags.clear() }

    func testAWindowChangeIsNewsOfAResizeNotAnEnding() {
        SignalFlags.record(SIGWINCH)
        XCTAssertNil(Terminal.pendingSignalEvent())
        XCTAssertTrue(SignalFlags.takeWindowChange())
        XCTAssertFalse(SignalFlags.takeWindowChange())
    }

    /// A storm of resizes is one piece of news: the window is measured once, for its latest size.
    func testAStormOfWindowChangesIsOneChange() {
        SignalFlags.install()
        for _ in 0..<300 { raise(SIGWINCH) }
        SignalFlags.restore()
        XCTAssertTrue(SignalFlags.takeWindowChange())
        XCTAssertFalse(SignalFlags.takeWindowChange())
    }

    /// Installed before `newterm`, the handler keeps ncurses from installing its own (ncurses takes
    /// only signals still at their default), and is put back after.
    func testTheHandlerIsInstalledAndRestored() {
        var before = sigaction()
        sigaction(SIGWINCH, nil, &before)
        SignalFlags.install()
        var during = sigaction()
        sigaction(SIGWINCH, nil, &during)
        SignalFlags.restore()
        var after = sigaction()
        sigaction(SIGWINCH, nil, &after)
        XCTAssertNotEqual(unsafeBitCast(during.__sigaction_handler, to: Int.self), unsafeBitCast(before.__sigaction_handler, to: Int.self))
        XCTAssertEqual(unsafeBitCast(after.__sigaction_handler, to: Int.self), unsafeBitCast(before.__sigaction_handler, to: Int.self))
    }
}
