import BylineCore

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
