import BylineCore
@preconcurrency import Glibc

/// Mouse reporting while byline has the terminal: DEC private mode 1000 (a report for each button press
/// and release; the wheel comes as buttons 64 and 65) in mode 1006's encoding, `ESC [ < b ; x ; y M`
/// or `m`, which `InputDecoder` reads into `Key.mouse`. SGR reports are plain printable bytes with no
/// limit at column 223, and they pass through tmux and SSH as they are.
///
/// Set and reset with bracketed paste, in the same writes (`BracketedPaste.turnOn`/`turnOff`): on once
/// the screen is set up; off
/// on every way the terminal is given back: `stop` and the exit hook (`TerminalSession.end`), a crash
/// or a hang-up that ends the process (`CrashRestore`'s prepared bytes), and around a suspend (the
/// wrapped SIGTSTP handler). Otherwise the shell after byline would get the reports as typed garbage.
///
/// Not ncurses' `mousemask`: its xterm mouse follows terminfo (`XM`, `kmous`), and under
/// `tmux-256color` (`kmous=\E[M`) it would ask for the old X10 encoding, not SGR.
/// With `--no-mouse` (`enabled` false) nothing is written at all: the terminal's own selection works.
enum MouseReporting {
    /// Reports of presses and releases, SGR-encoded.
    static let on = StaticString("\u{1B}[?1000h\u{1B}[?1006h")
    /// No more reports, and the encoding back to the default.
    static let off = StaticString("\u{1B}[?1006l\u{1B}[?1000l")

    /// Bracketed paste's `on` and these, for one write.
    static let onWithPaste = StaticString("\u{1B}[?2004h\u{1B}[?1000h\u{1B}[?1006h")
    /// Bracketed paste's `off` and these.
    static let offWithPaste = StaticString("\u{1B}[?2004l\u{1B}[?1006l\u{1B}[?1000l")

    /// Whether this session reports the mouse. Written by `Terminal.start` before any handler that
    /// reads it is installed; read by the signal handlers.
    nonisolated(unsafe) static var enabled = false

    /// The bytes of `off` when enabled, for `CrashRestore`'s prepared restore.
    static var offBytes: [UInt8] {
        enabled ? Array(UnsafeRawBufferPointer(start: off.utf8Start, count: off.utf8CodeUnitCount)) : []
    }
}
