import BylineCore

/// What one wait for input produced. The runtime turns keys into actions, re-lays out on resize,
/// and quits cleanly on hang-up or a terminating signal.
public enum TerminalEvent: Equatable, Sendable {
    /// A key the user pressed.
    case key(Key)
    /// The window changed size; the values are the new size, already in effect.
    case resize(width: Int, height: Int)
    /// Nothing arrived in time (or something byline does not use, such as a mouse event).
    case timeout
    /// The terminal is gone (SSH client killed, window closed, SIGHUP, stdin at end): stop drawing and quit.
    case hangup
    /// SIGTERM, SIGINT or SIGQUIT arrived: restore the terminal and quit.
    case signal(Int32)
}

/// Why `Terminal.start` could not set up a terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file): the full-screen reader cannot run.
    case notATerminal
    /// No terminfo entry worked: neither `TERM` nor any of the fallbacks.
    case unknownTerminalType(String)
    /// A terminal is already running; `stop()` it first.
    case alreadyStarted

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case let .unknownTerminalType(name):
            let requested = name.isEmpty ? "TERM is not set" : "no terminal description for '\(name)'"
            return "\(requested), and none for xterm-256color, xterm or vt100 either"
        case .alreadyStarted: return "the terminal is already in use"
        }
    }
}
