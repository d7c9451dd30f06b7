import BylineRuntime
import Synchronization

/// A clock that moves only when the test says so.
package final class DrivenClock: RuntimeClock {
    private let seconds = Mutex<Double>(0)
    package init() {}
    package func now() -> Double { seconds.withLock { $0 } }
    /// Moves the clock on; a backend waiting for a deadline sees it at its next look.
    package func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}
