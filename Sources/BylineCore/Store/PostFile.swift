#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads post files with POSIX calls: a prefix for the front matter at start, the whole file on demand.
///
/// Only regular files are read. The file is opened non-blocking so that a FIFO or device named `x.md`
/// can never hang the program, and checked with `fstat` after opening (the name could have been swapped).
public enum PostFile {
    /// Why a file could not be read.
    public struct ReadError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Up to `limit` bytes from the start of the file, and the file's size.
    public static func read(_ path: String, limit: Int = .max) -> Result<(bytes: [UInt8], size: Int), ReadError> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadError(description: "cannot read: \(errnoText())")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadError(description: "cannot read: \(errnoText())")) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(ReadError(description: "not a regular file; skipped"))
        }
        let size = Int(info.st_size)
        let wanted = min(size, limit)
        var bytes = [UInt8](repeating: 0, count: wanted)
        var total = 0
        while total < wanted {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + total, wanted - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(description: "cannot read: \(errnoText())"))
            }
            if count == 0 { break }
            total += count
        }
        if total < wanted { bytes.removeSubrange(total...) }
        return .success((bytes, size))
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
