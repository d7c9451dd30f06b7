import Glibc

/// `write` until every byte is out, retrying on partial writes and EINTR.
package enum WholeWrite {
    /// Whether all of `buffer` was written to `descriptor`.
    @discardableResult
    package static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
