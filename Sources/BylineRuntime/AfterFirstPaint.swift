import BylineCore

/// A terminal that runs some work once its first screen is out: housekeeping a session owes (pruning
/// other SSH visitors' state folders) that must not delay what the reader sees first. Everything else
/// is the wrapped terminal's. The work is handed a chance to start, not run here: `then` is called on
/// the input thread right after the paint, and should only start a thread.
package final class AfterFirstPaint: TerminalBackend {
    private let terminal: any TerminalBackend
    private var then: (() -> Void)?

    package init(_ terminal: any TerminalBackend, then: @escaping () -> Void) {
        self.terminal = terminal
        self.then = then
    }

    package var width: Int { terminal.width }
    package var height: Int { terminal.height }
    package var inputIsWaiting: Bool { terminal.inputIsWaiting }

    package func readEvent(timeoutMilliseconds: Int?, wake: Int32) -> TerminalEvent {
        terminal.readEvent(timeoutMilliseconds: timeoutMilliseconds, wake: wake)
    }

    package func paint(_ screen: Screen) {
        terminal.paint(screen)
        if let work = then {
            then = nil
            work()
        }
    }

    package func invalidate() { terminal.invalidate() }

    package func copyToClipboard(_ text: String) { terminal.copyToClipboard(text) }
}
