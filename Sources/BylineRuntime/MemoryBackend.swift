#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import Synchronization

/// A terminal in memory, for running the whole reader in-process: the test feeds events and moves the
/// clock; the runtime's frames land in a grid of cells the test reads. (ratatui's `TestBackend`.)
/// The runtime runs on its own thread; a test thread talks to this one.
public final class MemoryBackend: TerminalBackend, @unchecked Sendable {
    private struct Shared {
        var events: [TerminalEvent] = []
        var screen: Screen?
        var frames = 0
        var invalidations = 0
        var waiting = false
    }

    private let shared = Mutex(Shared())
    private let clock: DrivenClock
    /// Written when the test feeds an event or moves the clock: the runtime's wait looks again.
    private let nudge = WakeUp()
    public let width: Int
    public let height: Int

    public init(width: Int = 80, height: Int = 24, clock: DrivenClock) {
        self.width = width
        self.height = height
        self.clock = clock
    }

    // MARK: The test's side

    /// Queues events for the runtime, in order.
    public func feed(_ events: TerminalEvent...) {
        shared.withLock { $0.events += events }
        poke()
    }

    /// Queues each character of `text` as a key.
    public func type(_ text: String) {
        shared.withLock { $0.events += text.map { .key(.character($0)) } }
        poke()
    }

    /// Moves the clock on and lets a waiting runtime see the new time.
    public func advance(by seconds: Double) {
        clock.advance(by: seconds)
        poke()
    }

    /// The last frame's rows as text, one line each.
    public var text: String { shared.withLock { $0.screen }?.rows.joined(separator: "\n") ?? "" }

    /// The last frame.
    public var screen: Screen? { shared.withLock { $0.screen } }

    /// Frames painted so far.
    public var frames: Int { shared.withLock { $0.frames } }

    /// Ctrl-L's so far.
    public var invalidations: Int { shared.withLock { $0.invalidations } }

    /// Whether the runtime is waiting in `readEvent` with every event fed taken.
    public var isWaiting: Bool { shared.withLock { $0.waiting && $0.events.isEmpty } }

    // MARK: The runtime's side

    public func readEvent(timeoutMilliseconds: Int?, wake: Int32) -> TerminalEvent {
        let deadline = timeoutMilliseconds.map { clock.now() + Double($0) / 1000 }
        while true {
            let next = shared.withLock { shared -> TerminalEvent? in
                shared.waiting = false
                return shared.events.isEmpty ? nil : shared.events.removeFirst()
            }
            if let next { return next }
            if let deadline, clock.now() >= deadline { return .timeout }
            guard timeoutMilliseconds != 0 else { return .timeout }
            var descriptors = [pollfd(fd: nudge.descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            shared.withLock { $0.waiting = true }
            // No timeout: time passes only when the test moves the clock, which nudges.
            let ready = poll(&descriptors, wake >= 0 ? 2 : 1, -1)
            shared.withLock { $0.waiting = false }
            if ready > 0, descriptors[0].revents != 0 { nudge.drain() }
            if ready > 0, wake >= 0, descriptors[1].revents != 0 { return .timeout }
        }
    }

    public var inputIsWaiting: Bool { shared.withLock { !$0.events.isEmpty } }

    public func paint(_ screen: Screen) {
        shared.withLock {
            $0.screen = screen
            $0.frames += 1
        }
    }

    public func invalidate() { shared.withLock { $0.invalidations += 1 } }

    private func poke() { nudge.signal() }
}
