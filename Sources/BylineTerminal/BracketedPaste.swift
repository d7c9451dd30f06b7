import BylineCore
@preconcurrency import Glibc
import Synchronization

/// Bracketed paste (DEC private mode 2004): while byline has the terminal, the terminal marks each
/// paste with `ESC [ 200 ~` and `ESC [ 201 ~`, and `InputDecoder` makes it one `Key.paste`, so a
/// pasted `q` is text, not the command that quits. Every way the terminal is given back turns it off
/// again, or the shell after byline would find the markers around its own pastes: `stop` and the exit
/// hook (`TerminalSession.end`), a crash or a hang-up that ends the process (`CrashRestore`'s bytes),
/// and a suspend (SIGTSTP, through ncurses' own handler, wrapped by `followSuspend`).
///
/// The strings are xterm's, the ones the terminfo entries here carry as `BE` and `BD` (xterm-256color,
/// tmux-256color); a terminal that does not know the mode ignores a private mode it does not know.
enum BracketedPaste {
    /// Asks the terminal to bracket pastes.
    static let on = StaticString("\u{1B}[?2004h")
    /// Asks it to stop.
    static let off = StaticString("\u{1B}[?2004l")

    /// ncurses' SIGTSTP handler, wrapped while the terminal is taken; read by the signal handler, which
    /// can reach nothing but global state. Written only by `followSuspend`/`stop` on the terminal's thread,
    /// before the wrapper is installed and after it is removed.
    nonisolated(unsafe) private static var suspendAction: sigaction?
    /// Set by the wrapped handler once ncurses has redrawn after a resume: its redraw knows nothing of
    /// hyperlinks, which the painter then writes again (`Terminal.readEvent`, `takeResumed`).
    private static let resumed = Atomic<Bool>(false)

    /// Whether a resume happened since the last look.
    static func takeResumed() -> Bool { resumed.exchange(false, ordering: .acquiringAndReleasing) }

    /// Writes `on` to the terminal, with `MouseReporting`'s when it is enabled: one write, so that
    /// setting up costs no more writes (over SSH, packets) than before the mouse. Call when ncurses
    /// has nothing buffered (after a `doupdate`).
    static func turnOn() { write(MouseReporting.enabled ? MouseReporting.onWithPaste : on) }

    /// Writes `off` to the terminal, with `MouseReporting`'s when it is enabled. Async-signal-safe (one `write`).
    static func turnOff() { write(MouseReporting.enabled ? MouseReporting.offWithPaste : off) }

    /// Turns the mode (and `MouseReporting`'s) off around a suspend and on again after it. ncurses, at `newterm`, puts a
    /// SIGTSTP handler of its own in place when none was (it leaves the full screen, stops the
    /// process, and draws everything again on SIGCONT); that handler is wrapped: `off` before it,
    /// `on` after it has redrawn. Call after `newterm`; `forgetSuspend` puts ncurses' handler back.
    static func followSuspend() {
        var current = sigaction()
        guard suspendAction == nil, sigaction(SIGTSTP, nil, &current) == 0, current.sa_flags & SA_SIGINFO == 0,
              let handler = current.__sigaction_handler.sa_handler,
              unsafeBitCast(handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { return }
        suspendAction = current
        var wrapped = current
        wrapped.__sigaction_handler.sa_handler = { signal in
            BracketedPaste.turnOff()
            BracketedPaste.suspendAction?.__sigaction_handler.sa_handler?(signal)
            BracketedPaste.turnOn()
            BracketedPaste.resumed.store(true, ordering: .releasing)
        }
        sigaction(SIGTSTP, &wrapped, nil)
    }

    /// Puts back the SIGTSTP handler `followSuspend` wrapped.
    static func forgetSuspend() {
        guard var action = suspendAction else { return }
        sigaction(SIGTSTP, &action, nil)
        suspendAction = nil
    }

    private static func write(_ bytes: StaticString) {
        WholeWrite.write(UnsafeRawBufferPointer(start: bytes.utf8Start, count: bytes.utf8CodeUnitCount), to: 1)
    }
}
