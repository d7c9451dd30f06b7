import BylineRuntime
import Synchronization

/// What the folder watch reported during a session (`--verbose`): printed to standard error once the
/// screen is given back, since nothing may be written beside the full-screen reader while it runs.
final class ReloadLog: Sendable {
    private let kept = Mutex<[String]>([])

    /// Keeps `line` (called on the watch's thread).
    @Sendable func add(_ line: String) { kept.withLock { $0.append(line) } }

    var lines: [String] { kept.withLock { $0 } }
}
