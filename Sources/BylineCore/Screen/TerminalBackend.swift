/// What one wait for input produced. The runtime turns keys into actions, re-lays out on resize,
/// and quits cleanly on hang-up or a terminating signal.
package enum TerminalEvent: Equatable, Sendable {
    /// A key the user pressed.
    case key(Key)
    /// The window changed size; the values are the new size, already in effect.
    case resize(width: Int, height: Int)
    /// Nothing arrived in time, the wake-up descriptor was written (news in the runtime's inbox), or
    /// something came that byline does not use (a mouse event).
    case timeout
    /// The terminal is gone (SSH client killed, window closed, SIGHUP, stdin at end): stop drawing and quit.
    case hangup
    /// SIGTERM, SIGINT or SIGQUIT arrived: restore the terminal and quit.
    case signal(Int32)
}

/// The terminal as the runtime sees it: a size, events, and a grid to paint. The ncurses terminal is
/// one; the runtime's tests use one in memory. (ratatui's `Backend` and `TestBackend`.)
package protocol TerminalBackend: AnyObject {
    /// Columns of the window now.
    var width: Int { get }
    /// Rows of the window now.
    var height: Int { get }
    /// Waits for one event, at most `timeoutMilliseconds` (nil: as long as it takes), and no longer
    /// than until `wake` (a descriptor, -1 for none) becomes readable: then it returns `.timeout`.
    func readEvent(timeoutMilliseconds: Int?, wake: Int32) -> TerminalEvent
    /// Whether input is already waiting (a key typed ahead, a paste): the frame then covers it too.
    var inputIsWaiting: Bool { get }
    /// Shows `screen`, writing only what changed since the last paint.
    func paint(_ screen: Screen)
    /// Makes the next paint draw every cell (Ctrl-L).
    func invalidate()
    /// Puts `text` on the terminal's clipboard (`Effect.copyToClipboard`).
    func copyToClipboard(_ text: String)
}
