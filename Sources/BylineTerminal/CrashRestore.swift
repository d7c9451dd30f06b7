import BylineCore
@preconcurrency import CNcursesw
@preconcurrency import Glibc

/// A crash must not leave the reader's terminal behind it: in raw mode without echo, on the alternate
/// screen, the cursor hidden. `atexit` (see `TerminalSession`) never runs when a signal kills the
/// process, so while the terminal is taken the fatal signals go first to a handler that puts the tty
/// modes back and writes the terminal's own "leave full screen" strings, then hands the signal on to
/// whatever handled it before (the Swift runtime's crash report, or the default action).
///
/// The handler may only do async-signal-safe work, so everything it writes is prepared beforehand:
/// the modes saved before ncurses changed them and the bytes from terminfo.
package enum CrashRestore {
    /// The signals that end a process on a program error (a Swift trap is SIGILL or SIGTRAP; `abort`
    /// is SIGABRT).
    package static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    private static let slots = 65
    // Written only by `prepare`, `install` and `uninstall` on the thread that owns the terminal, while
    // no handler of ours is installed or before it is; read by the handler.
    nonisolated(unsafe) private static var savedModes = termios()
    nonisolated(unsafe) private static var hasSavedModes = false
    nonisolated(unsafe) private static var restoreBytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var restoreCount = 0
    /// Written after the restore bytes on a crash only (a hang-up ends quietly).
    private static let crashNote = StaticString("\r\nbyline: stopped by a fatal signal (a bug: please report it)\r\n")
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: slots)
    nonisolated(unsafe) private static var installed = false

    /// Saves the terminal's modes as the shell left them. Call before `newterm`.
    static func saveModes() {
        hasSavedModes = tcgetattr(0, &savedModes) == 0
    }

    /// Prepares the bytes that leave full-screen mode (from the terminal type ncurses loaded) and
    /// installs the handler. Call after `newterm` and `set_term`.
    static func install() {
        var bytes: [UInt8] = []
        // Pastes no longer bracketed (`BracketedPaste`), plain attributes, the cursor shown, keypad
        // mode off, the shell's screen back.
        bytes += Array(UnsafeRawBufferPointer(start: BracketedPaste.off.utf8Start, count: BracketedPaste.off.utf8CodeUnitCount))
        bytes += MouseReporting.offBytes  // no mouse reports (`MouseReporting`), when they were asked for
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = capability.withCString({ tigetstr(UnsafeMutablePointer(mutating: $0)) }),
                  Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        restoreBytes?.deallocate()
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        restoreBytes = buffer
        restoreCount = bytes.count
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in CrashRestore.handle(signal, info) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            sigaction(signal, &action, previous + Int(signal))
        }
        installed = true
    }

    /// Puts back the handlers that were there before `install` (the terminal is given back).
    static func uninstall() {
        guard installed else { return }
        installed = false
        for signal in signals { sigaction(signal, previous + Int(signal), nil) }
    }

    /// Gives a terminal still taken its modes and main screen back, with async-signal-safe calls only
    /// (`tcsetattr`, `write`): for a crash, and for a hang-up that ends the process while the main
    /// thread is busy (`HangupWatch`). On a terminal already gone the writes fail at once, harmlessly.
    static func giveBackTerminal() {
        if TerminalSession.isActive { restore() }
    }

    private static func restore() {
        if hasSavedModes { tcsetattr(0, TCSANOW, &savedModes) }
        // WholeWrite calls only `write`, which is async-signal-safe.
        if let restoreBytes { WholeWrite.write(UnsafeRawBufferPointer(start: restoreBytes, count: restoreCount), to: 1) }
    }

    /// The handler: give the terminal back, then let the signal do what it did before.
    private static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) {
        restore()
        WholeWrite.write(UnsafeRawBufferPointer(start: crashNote.utf8Start, count: crashNote.utf8CodeUnitCount), to: 1)
        sigaction(signal, previous + Int(signal), nil)
        // A fault (SIGSEGV from a bad address, a trap) happens again when the handler returns, now to the
        // previous handler with the faulting context intact. A signal sent by kill, raise or abort
        // (si_code at most 0) would not come again: it is raised anew, and arrives once this returns.
        // x86's int3 (SIGTRAP) leaves the address past the trap, so a trap is always raised anew too.
        if (info?.pointee.si_code ?? 0) <= 0 || signal == SIGTRAP { raise(signal) }
    }
}
