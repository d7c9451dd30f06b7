#if canImport(Glibc)
import Glibc
#endif

/// A descriptor to `poll` that another thread, or a signal handler, makes readable: a pipe, both ends
/// non-blocking (Swift's Glibc module does not export `eventfd`). A full pipe already wakes its reader,
/// so a write that would block is simply dropped, and a signal handler never blocks on it.
package final class WakeUp: Sendable {
    /// Readable from `signal()` until `drain()`; -1 when no pipe could be made.
    package let descriptor: Int32
    /// The end `signal` writes to (with `write`, async-signal-safe); -1 when no pipe could be made.
    package let writeEnd: Int32
    private let keptOpen: Bool

    /// With `keptOpen`, the pipe is never closed: for one a signal handler may still write to after
    /// its owner has gone, whose number, closed, could by then name another file.
    package init(keptOpen: Bool = false) {
        self.keptOpen = keptOpen
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
        guard !keptOpen else { return }
        close(descriptor)
        close(writeEnd)
    }

    /// Makes `descriptor` readable, with `byte` to read.
    package func signal(_ byte: UInt8 = 1) {
        var byte = byte
        _ = write(writeEnd, &byte, 1)
    }

    /// Reads everything written since the last call, so `descriptor` is quiet again; returns it.
    @discardableResult
    package func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { return bytes }
            bytes += buffer[..<count]
        }
    }
}
