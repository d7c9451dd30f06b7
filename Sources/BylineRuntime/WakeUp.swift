#if canImport(Glibc)
import Glibc
#endif

/// A descriptor to `poll` that another thread makes readable: a pipe, both ends non-blocking (Swift's
/// Glibc module does not export `eventfd`). A full pipe already wakes its reader, so a write that
/// would block is simply dropped.
final class WakeUp: Sendable {
    /// Readable from `signal()` until `drain()`.
    let descriptor: Int32
    private let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
            }
        }
        (descriptor, writeEnd) = (ends[0], ends[1])
    }

    deinit {
        close(descriptor)
        close(writeEnd)
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(descriptor, &bytes, bytes.count) > 0 {}
    }
}
