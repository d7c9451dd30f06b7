#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Work behind the screen (refreshing a cached blog, writing its cache) steps aside while the reader
/// answers a key: it sleeps at its next `point()` until a few milliseconds after the frame is out. The
/// runtime owns one and hands it to the background work it starts; work handed none never sleeps.
///
/// Why idle priority is not enough: Linux puts each terminal session in a scheduling group of its own
/// (autogroup), so the background thread's idle priority ranks it only against byline's own threads.
/// Against sshd or the terminal emulator, which must run to carry each frame out, byline's group counts
/// as any other. Traced with ftrace on a 2-core machine: the frame of a list move at 100,000 posts was
/// written 1.0 ms after the key, and the process reading the pty, woken onto the core the refresh
/// held, ran only 2.7 ms later, when the scheduler next took the core back. A sleeping background
/// thread frees its core at once.
package final class GiveWay: Sendable {
    /// How long background work stays asleep after a key arrives and after the frame that answers it:
    /// time for the terminal or sshd to carry the frame out (a frame takes about a millisecond to write).
    package static let windowNanoseconds: UInt64 = 10_000_000

    /// Until when (on `now`'s clock) background work sleeps; 0 when no key is being answered.
    private let quietUntil = Atomic<UInt64>(0)
    private let now: @Sendable () -> UInt64
    private let sleep: @Sendable (UInt64) -> Void

    /// The clock and the sleep are handed in so tests can drive them.
    package init(now: @escaping @Sendable () -> UInt64 = Monotonic.nanoseconds,
                sleep: @escaping @Sendable (UInt64) -> Void = GiveWay.sleepNanoseconds) {
        self.now = now
        self.sleep = sleep
    }

    /// Called by the runtime when a key arrives and when the frame answering it has been written.
    package func answering() { quietUntil.store(now() + Self.windowNanoseconds, ordering: .relaxed) }

    /// Called by background work between small steps (a file, a row): sleeps until the window closes;
    /// a window moved on meanwhile (the frame written, the next key) is waited out too. While no key
    /// is being answered it costs one atomic load.
    package func point() {
        while true {
            let until = quietUntil.load(ordering: .relaxed)
            guard until != 0 else { return }
            let time = now()
            guard time < until else {
                // Closed: later points pay only the load, until the next key.
                _ = quietUntil.compareExchange(expected: until, desired: 0, ordering: .relaxed)
                return
            }
            sleep(until - time)
        }
    }

    @Sendable package static func sleepNanoseconds(_ nanoseconds: UInt64) {
        var wait = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var left = timespec()
        while nanosleep(&wait, &left) != 0, errno == EINTR { wait = left }
    }
}
