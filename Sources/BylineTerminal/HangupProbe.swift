@preconcurrency import Glibc

/// Tells a dead terminal from a quiet one after `wget_wch` returned ERR. In timeout mode ERR means
/// both "nothing yet" and "never again"; a loop that cannot tell them apart retries forever and
/// spins at 90% CPU after the SSH client dies (TERMINAL-NOTES). So: ask the descriptor.
enum HangupProbe {
    /// What the ERR meant.
    enum Verdict: Equatable {
        /// The wait ended without input; the terminal is fine.
        case quiet
        /// The terminal hung up, or input reached its end.
        case gone
    }

    /// Judges an ERR from `wget_wch` given the errno it left.
    static func judge(errno error: Int32, fileDescriptor: Int32 = 0) -> Verdict {
        if error == EIO || error == EBADF || error == ENXIO { return .gone }
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        if ready < 0 { return errno == EINTR ? .quiet : .gone }
        guard ready > 0 else { return .quiet }
        return verdict(revents: descriptor.revents, bytesWaiting: bytesWaiting(on: fileDescriptor))
    }

    /// The decision on `poll`'s answer, pure for tests. Readable with nothing to read is end of input;
    /// readable with bytes waiting is a key that landed just after the timeout: read it next time.
    static func verdict(revents: Int16, bytesWaiting: Int?) -> Verdict {
        if revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .gone }
        guard revents & Int16(POLLIN) != 0 else { return .quiet }
        if let bytesWaiting, bytesWaiting > 0 { return .quiet }
        return .gone
    }

    /// How many bytes `read` would return at once, or nil if the descriptor cannot say.
    private static func bytesWaiting(on fileDescriptor: Int32) -> Int? {
        var count: Int32 = 0
        let result = withUnsafeMutablePointer(to: &count) { ioctl(fileDescriptor, UInt(FIONREAD), $0) }
        return result == 0 ? Int(count) : nil
    }
}
