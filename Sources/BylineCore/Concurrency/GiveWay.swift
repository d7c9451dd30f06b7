#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Work behind the screen (refreshing a cached blog, writing its cache) steps aside while the reader
/// answers a key: it sleeps at its next `point()` until a few milliseconds after the frame is out.
///
/// Why idle priority is not enough: Linux puts each terminal session in a scheduling group of its own
/// (autogroup), so the background thread's idle priority ranks it only against byline's own threads.
/// Against sshd or the terminal emulator, which must run to carry each frame out, byline's group counts
/// as any other. Traced with ftrace on a 2-core machine: the frame of a list move at 100,000 posts was
/// written 1.0 ms after the key, and the process reading the pty, woken onto the core the refresh
/// held, ran only 2.7 ms later, when the scheduler next took the core back. A sleeping background
/// thread frees its core at once.
public enum GiveWay {
    /// How long background work stays asleep after a key arrives and after the frame that answers it:
    /// time for the terminal or sshd to carry the frame out (a frame takes about a millisecond to write).
    public static let windowNanoseconds: UInt64 = 10_000_000

    /// The shared gate: the input thread opens its window, the background threads wait it out.
    static let shared = Gate(now: Monotonic.nanoseconds, sleep: sleepNanoseconds)

    /// Called by the input thread when a key arrives and when the frame answering it has been written.
    public static func answering() { shared.answering() }

    /// Called by background work between small steps (a file, a row): sleeps while a key is being
    /// answered. Never sleeps on a thread not marked with `markBackground()`; while no key is being
    /// answered it costs one atomic load.
    public static func point() { shared.point(onBackgroundThread: isBackgroundThread) }

    /// Marks the calling thread as background work, for the rest of its life.
    public static func markBackground() { pthread_setspecific(backgroundKey, UnsafeRawPointer(bitPattern: 1)) }

    static var isBackgroundThread: Bool { pthread_getspecific(backgroundKey) != nil }

    private static let backgroundKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The window and the waiting, with the clock and the sleep handed in so tests can drive them.
    final class Gate: Sendable {
        /// Until when (on `now`'s clock) background work sleeps; 0 when no key is being answered.
        private let quietUntil = Atomic<UInt64>(0)
        private let now: @Sendable () -> UInt64
        private let sleep: @Sendable (UInt64) -> Void

        init(now: @escaping @Sendable () -> UInt64, sleep: @escaping @Sendable (UInt64) -> Void) {
            self.now = now
            self.sleep = sleep
        }

        func answering() { quietUntil.store(now() + GiveWay.windowNanoseconds, ordering: .relaxed) }

        /// Sleeps until the window closes; a window moved on meanwhile (the frame written, the next key)
        /// is waited out too.
        func point(onBackgroundThread: Bool) {
            while true {
                let until = quietUntil.load(ordering: .relaxed)
                guard until != 0, onBackgroundThread else { return }
                let time = now()
                guard time < until else {
                    // Closed: later points pay only the load, until the next key.
                    _ = quietUntil.compareExchange(expected: until, desired: 0, ordering: .relaxed)
                    return
                }
                sleep(until - time)
            }
        }
    }

    static func sleepNanoseconds(_ nanoseconds: UInt64) {
        var wait = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var left = timespec()
        while nanosleep(&wait, &left) != 0, errno == EINTR { wait = left }
    }
}
