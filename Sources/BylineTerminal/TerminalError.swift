import BylineCore

/// Why `Terminal.start` could not set up a terminal.
package enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file): the full-screen reader cannot run.
    case notATerminal
    /// No terminfo entry worked: neither `TERM` nor any of the fallbacks.
    case unknownTerminalType(String)
    /// A terminal is already running; `stop()` it first.
    case alreadyStarted

    package var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case let .unknownTerminalType(name):
            let requested = name.isEmpty ? "TERM is not set" : "no terminal description for '\(name)'"
            return "\(requested), and none for xterm-256color, xterm or vt100 either"
        case .alreadyStarted: return "the terminal is already in use"
        }
    }
}
