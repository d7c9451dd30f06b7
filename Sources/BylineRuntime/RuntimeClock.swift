import BylineCore
import Synchronization

/// The time every timer of the runtime reads (idle timeout, throttles, how long a frame waits for its
/// answer): the monotonic clock in the reader, a driven one in tests, which then never wait on time.
package protocol RuntimeClock: Sendable {
    /// Seconds on a clock that never jumps; only differences mean anything.
    func now() -> Double
}

/// `CLOCK_MONOTONIC`.
package struct SystemClock: RuntimeClock {
    package init() {}
    package func now() -> Double { Monotonic.seconds() }
}

/// A clock that moves only when the test says so.
package final class DrivenClock: RuntimeClock {
    private let seconds = Mutex<Double>(0)
    package init() {}
    package func now() -> Double { seconds.withLock { $0 } }
    /// Moves the clock on; a backend waiting for a deadline sees it at its next look.
    package func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}
