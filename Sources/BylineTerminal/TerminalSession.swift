@preconcurrency import CNcursesw
@preconcurrency import Glibc
import Synchronization

/// Whether ncurses currently owns the terminal, and the `atexit` safety net that gives it back if the
/// program exits without `stop()` (a `fatalError` path, an `exit` deep in a command). Restoring is
/// idempotent: whoever comes first calls `endwin`, everyone after does nothing.
enum TerminalSession {
    private static let active = Atomic<Bool>(false)
    private static let exitHookInstalled = Atomic<Bool>(false)

    static var isActive: Bool { active.load(ordering: .acquiring) }

    /// Marks the terminal as taken, registering the exit hook the first time.
    static func begin() {
        active.store(true, ordering: .releasing)
        if !exitHookInstalled.exchange(true, ordering: .acquiringAndReleasing) {
            atexit { TerminalSession.end() }
        }
    }

    /// Gives the terminal back (pastes unbracketed, no mouse reports, tty modes, cursor, keypad mode, main screen) if it
    /// is still taken.
    /// Returns whether this call did it.
    @discardableResult
    static func end() -> Bool {
        guard active.exchange(false, ordering: .acquiringAndReleasing) else { return false }
        BracketedPaste.turnOff()  // and the mouse's modes
        endwin()
        return true
    }
}
