#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import BylineRuntime
import Synchronization

/// A terminal in memory, for running the whole reader in-process: the test feeds events and moves the
/// clock; the runtime's frames land in a grid of cells the test reads. (ratatui's `TestBackend`.)
/// The runtime runs on its own thread; a test thread talks to this one.
final class MemoryBackend: TerminalBackend, @unchecked Sendable {
    private struct Shared {
        var events: [TerminalEvent] = []
        var screen: Screen?
        var frames = 0
        var invalidations = 0
        var copied: [String] = []
        var waiting = false
    }

    private let shared = Mutex(Shared())
    private let clock: DrivenClock
    /// Written when the test feeds an event or moves the clock: the runtime's wait looks again.
    /// Read end, write end.
    private let nudge: (Int32, Int32)
    let width: Int
    let height: Int

    init(width: Int = 80, height: Int = 24, clock: DrivenClock) {
        self.width = width
        self.height = height
        self.clock = clock
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        for end in ends { _ = fcntl(end, F_SETFL, O_NONBLOCK) }
        nudge = (ends[0], ends[1])
    }

    deinit {
        close(nudge.0)
        close(nudge.1)
    }

    // MARK: The test's side

    /// Queues events for the runtime, in order.
    func feed(_ events: TerminalEvent...) {
        shared.withLock { $0.events += events }
        poke()
    }

    /// Queues each character of `text` as a key.
    func type(_ text: String) {
        shared.withLock { $0.events += text.map { .key(.character($0)) } }
        poke()
    }

    /// Moves the clock on and lets a waiting runtime see the new time.
    func advance(by seconds: Double) {
        clock.advance(by: seconds)
        poke()
    }

    /// The last frame's rows as text, one line each.
    var text: String { shared.withLock { $0.screen }?.rows.joined(separator: "\n") ?? "" }

    /// The last frame.
    var screen: Screen? { shared.withLock { $0.screen } }

    /// Frames painted so far.
    var frames: Int { shared.withLock { $0.frames } }

    /// Ctrl-L's so far.
    var invalidations: Int { shared.withLock { $0.invalidations } }

    /// What the runtime put on the clipboard, oldest first.
    var copied: [String] { shared.withLock { $0.copied } }

    /// Whether the runtime is waiting in `readEvent` with every event fed taken.
    var isWaiting: Bool { shared.withLock { $0.waiting && $0.events.isEmpty } }

    // MARK: The runtime's side

    func readEvent(timeoutMilliseconds: Int?, wake: Int32) -> TerminalEvent {
        let deadline = timeoutMilliseconds.map { clock.now() + Double($0) / 1000 }
        while true {
            let next = shared.withLock { shared -> TerminalEvent? in
                shared.waiting = false
                return shared.events.isEmpty ? nil : shared.events.removeFirst()
            }
            if let next { return next }
            if let deadline, clock.now() >= deadline { return .timeout }
            guard timeoutMilliseconds != 0 else { return .timeout }
            var descriptors = [pollfd(fd: nudge.0, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            shared.withLock { $0.waiting = true }
            // No timeout: time passes only when the test moves the clock, which nudges.
            let ready = poll(&descriptors, wake >= 0 ? 2 : 1, -1)
            shared.withLock { $0.waiting = false }
            if ready > 0, descriptors[0].revents != 0 {
                var bytes = [UInt8](repeating: 0, count: 64)
                while read(nudge.0, &bytes, bytes.count) > 0 {}
            }
            if ready > 0, wake >= 0, descriptors[1].revents != 0 { return .timeout }
        }
    }

    var inputIsWaiting: Bool { shared.withLock { !$0.events.isEmpty } }

    func paint(_ screen: Screen) {
        shared.withLock {
            $0.screen = screen
            $0.frames += 1
        }
    }

    func invalidate() { shared.withLock { $0.invalidations += 1 } }

    func copyToClipboard(_ text: String) { shared.withLock { $0.copied.append(text) } }

    private func poke() {
        var byte: UInt8 = 1
        _ = write(nudge.1, &byte, 1)
    }
}
