import BylineCore
@preconcurrency import CNcursesw
@preconcurrency import Glibc

extension Terminal {
    /// Waits up to `timeoutMilliseconds` (negative: until something happens) for one event.
    /// Never spins: a terminal that is gone reports `.hangup` once and every time after, and a
    /// signal that arrived is reported even if it landed on another thread. A paste is read whole
    /// (bounded: `InputDecoder`) before its key is returned; a signal or resize during it comes first.
    public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        guard !isStopped else { return .hangup }
        if let key = input.takeKey() { return .key(key) }
        while true {
            if let event = Self.pendingSignalEvent() { return event }
            if let event = windowChangeEvent() { return event }
            let wait: Int
            switch input.holding {
            case .nothing: wait = timeoutMilliseconds
            case .escape: wait = 0
            case .sequence: wait = Int(Self.escapeDelayMilliseconds)
            case .paste: wait = InputDecoder.pasteQuietMilliseconds
            }
            wtimeout(stdscr, Int32(clamping: max(-1, wait)))
            var value: wint_t = 0
            errno = 0
            let result = wget_wch(stdscr, &value)
            let error = errno
            switch result {
            case OK:
                input.feed(.character(value))
            case KEY_CODE_YES where Int32(bitPattern: value) == KEY_RESIZE:
                // ncurses measured the window on its own (after a resume from SIGTSTP), through LINES and
                // COLUMNS, so to the size at the start: the window's own size now, bounded, follows.
                windowResized()
                _ = followWindow()
                return .resize(width: width, height: height)
            case KEY_CODE_YES:
                input.feed(.keyCode(Int32(bitPattern: value)))
            default:
                if let event = Self.pendingSignalEvent() { return event }
                if let event = windowChangeEvent() { return event }
                // Some other signal (SIGCONT, SIGCHLD): just wait again.
                if error != EINTR, HangupProbe.judge(errno: error) == .gone { return .hangup }
                guard input.holding != .nothing else { return .timeout }
                if error != EINTR { input.pause() }
            }
            if let key = input.takeKey() { return .key(key) }
            // Something byline has no use for (a mouse event, a key no binding can name).
            if input.holding == .nothing { return .timeout }
        }
    }

    /// Whether input is already waiting to be read (a key typed ahead): then the runtime is not idle.
    /// Asked between reads, when ncurses holds no bytes of its own, so the terminal's descriptor tells,
    /// unless keys decoded together (a broken paste marker) are still to be taken.
    public var inputIsWaiting: Bool {
        guard !isStopped else { return false }
        if input.hasKey { return true }
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    /// A resize when SIGWINCH arrived since the last look and the bounded size changed. However many
    /// arrived, the window is measured once, for its latest size.
    private func windowChangeEvent() -> TerminalEvent? {
        guard SignalFlags.takeWindowChange(), followWindow() else { return nil }
        return .resize(width: width, height: height)
    }

    /// A recorded signal as an event: SIGHUP means the terminal is gone.
    static func pendingSignalEvent() -> TerminalEvent? {
        guard let signal = SignalFlags.takePending() else { return nil }
        return signal == SIGHUP ? .hangup : .signal(signal)
    }
}
