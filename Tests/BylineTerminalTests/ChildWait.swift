import Foundation
@preconcurrency import Glibc

/// Waits for a forked test child, for the tests whose child must end the process itself (a fault, an
/// `_exit` from the hang-up watch): a child that does not end within `seconds` is killed, so a broken
/// handler fails the test instead of hanging it.
enum ChildWait {
    /// The child's wait status, and whether it ended by itself (false: it was killed after `seconds`).
    static func status(of child: pid_t, seconds: TimeInterval = 10) -> (status: Int32, endedByItself: Bool) {
        var status: Int32 = 0
        var waited: pid_t = 0
        let deadline = Date().addingTimeInterval(seconds)
        while waited == 0, Date() < deadline {
            waited = waitpid(child, &status, WNOHANG)
            if waited == 0 { usleep(10_000) }
        }
        guard waited == 0 else { return (status, true) }
        kill(child, SIGKILL)
        waitpid(child, &status, 0)
        return (status, false)
    }
}
