import BylineCore
@preconcurrency import CNcursesw
@preconcurrency import Glibc

extension Terminal: TerminalBackend {
    /// Waits up to `timeoutMilliseconds` (nil: until something happens) for one event, or until
    /// `wake` is readable (then `.timeout`): one `poll` on the terminal and the wake-up descriptor.
    /// Never spins: a terminal that is gone reports `.hangup` once and every time after, and a
    /// signal that arrived is reported even if it landed on another thread. A paste is read whole
    /// (bounded: `InputDecoder`) before its key is returned; a signal or resize during it comes first.
    package func readEvent(timeoutMilliseconds: Int?, wake: Int32) -> TerminalEvent {
        guard !stopped else { return .hangup }
        if let key = input.takeKey() { return .key(key) }
        // ncurses is asked once without waiting first: it may hold bytes the descriptor no longer shows.
        var asked = false, polled = false
        while true {
            // ncurses redrew the screen after a resume, without hyperlinks: the last frame's are written again.
            if BracketedPaste.takeResumed() { painter.rewriteLinks() }
            if let event = Self.pendingSignalEvent() { return event }
            if let event = windowChangeEvent() { return event }
            let wait: Int
            switch input.holding {
            case .nothing:
                // ncurses reads its bytes when asked: with none held, the descriptor tells whether a
                // key waits, and the wait is one `poll` on it and on the wake-up descriptor.
                if asked {
                    switch Self.waitForInput(timeoutMilliseconds: timeoutMilliseconds, wake: wake) {
                    case .input: polled = true
                    case .interrupted: continue  // a signal: looked at first, above
                    case .woken: return .timeout
                    }
                }
                asked = true
                wait = 0
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
                guard input.holding != .nothing else {
                    if polled || timeoutMilliseconds == 0 { return .timeout }
                    continue
                }
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
    package var inputIsWaiting: Bool {
        guard !stopped else { return false }
        if input.hasKey { return true }
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    private enum Wait { case input, interrupted, woken }

    /// Sleeps until standard input has something (a key, or a hang-up, which the read then reports),
    /// `wake` is readable or the time is up (`woken`), or a signal arrives (`interrupted`).
    private static func waitForInput(timeoutMilliseconds: Int?, wake: Int32) -> Wait {
        var descriptors = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let timeout = Int32(clamping: timeoutMilliseconds.map { max(0, $0) } ?? -1)
        let ready = poll(&descriptors, nfds_t(wake >= 0 ? 2 : 1), timeout)
        if ready < 0 { return errno == EINTR ? .interrupted : .input }
        if descriptors[0].revents != 0 { return .input }
        return .woken
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
