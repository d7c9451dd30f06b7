@preconcurrency import Glibc
import Synchronization

/// The signals that end a session, recorded by a handler that does nothing else, and read back by
/// `Terminal.readEvent` so the runtime can restore the terminal and quit in an orderly way.
/// A handler may only touch async-signal-safe state: an atomic bit set and `pthread_kill`.
enum SignalFlags {
    /// The signals that end a session. SIGINT still matters in raw mode: `kill -INT` from another shell.
    static let handled: [Int32] = [SIGHUP, SIGTERM, SIGINT, SIGQUIT]
    /// The window changed size. Caught by byline, not ncurses: ncurses' own handler makes the next
    /// read resize its screens to whatever size the terminal reports, unbounded (`WindowSize`). A
    /// storm of them is one flag, so it costs one resize, to the latest size.
    static let windowChange = SIGWINCH

    /// One bit per pending signal number (all the handled ones are below 32). Lock-free, so safe to
    /// touch from a signal handler.
    private static let pending = Atomic<UInt32>(0)
    /// The thread that waits for input. A process-directed signal may land on any thread (Dispatch
    /// workers, the concurrency pool); the handler forwards it here so the input wait is interrupted
    /// now, not at the next timeout.
    private static let inputThread = Atomic<UInt>(0)

    /// The handlers in place before ours, put back by `restore()`. No handler reads them, so they need
    /// not be bare global state: a mutex, though only install/restore (on the terminal's thread) take it.
    private static let previous = Mutex<[Int32: sigaction]>([:])

    /// Installs the recording handler for every handled signal and SIGWINCH, without SA_RESTART so a
    /// blocked read returns EINTR. Call before `newterm`: ncurses then leaves SIGINT, SIGTERM and
    /// SIGWINCH alone instead of installing its own handlers (it takes only signals still at their
    /// default, ncurses' `CatchIfDefault`), which would exit from inside the signal or resize unbounded.
    static func install() {
        inputThread.store(UInt(pthread_self()), ordering: .releasing)
        for signal in handled + [windowChange] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            if sigaction(signal, &action, &old) == 0 { previous.withLock { if $0[signal] == nil { $0[signal] = old } } }
        }
    }

    /// Puts back the handlers that were there before `install()`. Pending flags are kept.
    static func restore() {
        let handlers = previous.withLock { saved in
            defer { saved = [:] }
            return saved
        }
        for (signal, var action) in handlers { sigaction(signal, &action, nil) }
    }

    /// Takes the news that the window changed size since the last call, if it did.
    static func takeWindowChange() -> Bool {
        let bit = UInt32(1) << UInt32(windowChange)
        return pending.bitwiseAnd(~bit, ordering: .acquiringAndReleasing).oldValue & bit != 0
    }

    /// Takes one pending signal that ends the session (SIGHUP first: it means the terminal is gone), or nil.
    static func takePending() -> Int32? {
        for signal in handled {
            let bit = UInt32(1) << UInt32(signal)
            let before = pending.bitwiseAnd(~bit, ordering: .acquiringAndReleasing).oldValue
            if before & bit != 0 { return signal }
        }
        return nil
    }

    /// What the handler does, callable from tests: set the bit.
    static func record(_ signal: Int32) {
        guard signal > 0, signal < 32 else { return }
        pending.bitwiseOr(UInt32(1) << UInt32(signal), ordering: .acquiringAndReleasing)
    }

    /// Clears every pending flag (tests, and a fresh `Terminal.start`).
    static func clear() { pending.store(0, ordering: .releasing) }

    fileprivate static func forwardToInputThread(_ signal: Int32) {
        let owner = inputThread.load(ordering: .acquiring)
        guard owner != 0, pthread_equal(pthread_self(), pthread_t(owner)) == 0 else { return }
        pthread_kill(pthread_t(owner), signal)
    }
}

/// The C-convention handler: records the signal and makes sure the input thread wakes, and on SIGHUP
/// the hang-up watch, which ends the process if the input thread is too busy to notice.
private func recordSignal(_ signal: Int32) {
    let savedErrno = errno
    SignalFlags.record(signal)
    if signal == SIGHUP { HangupWatch.signalArrived() }
    SignalFlags.forwardToInputThread(signal)
    errno = savedErrno
}
