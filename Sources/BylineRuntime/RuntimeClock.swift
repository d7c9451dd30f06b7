import BylineCore
import Synchronization

/// The time every timer of the runtime reads (idle timeout, throttles, how long a frame waits for its
/// answer): the monotonic clock in the reader, a driven one in tests, which then never wait on time.
public protocol RuntimeClock: Sendable {
    /// Seconds on a clock that never jumps; only differences mean anything.
    func now() -> Double
}

/// `CLOCK_MONOTONIC`.
public struct SystemClock: RuntimeClock {
    public init() {}
    public func now() -> Double { Monotonic.seconds() }
}

/// A clock that moves only when the test says so.
public final class DrivenClock: RuntimeClock {
    private let seconds = Mutex<Double>(0)
    public init() {}
    public func now() -> Double { seconds.withLock { $0 } }
    /// Moves the clock on; a backend waiting for a deadline sees it at its next look.
    public func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}
