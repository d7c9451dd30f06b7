#if canImport(Glibc)
import Glibc
#endif

/// A whole file mapped read-only and shared (`MAP_SHARED`): the kernel's page cache holds one copy of
/// it for every process that maps it, which is how many readers of one blog share one store
/// (`MappedStore`). The descriptor is closed once the file is mapped; the mapping stays valid after the
/// file is renamed over or removed (a writer replaces it whole, never in place), and is unmapped when
/// the last value that reads it (a post list, a tag's set) is gone.
package final class MappedFile: @unchecked Sendable {
    /// Why a file could not be mapped.
    package struct Failure: Error, CustomStringConvertible, Equatable {
        package var description: String
        /// There is no file at all.
        package var isMissing = false
    }

    /// The first byte; never written through.
    let base: UnsafeRawPointer
    /// The file's size when it was mapped.
    package let count: Int

    /// Opens, measures and maps `path`, and closes the descriptor. An empty file cannot be mapped (and
    /// holds no store): it fails as any short file does.
    package init(path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let missing = errno == ENOENT
            throw Failure(description: "\(path): \(String(cString: strerror(errno)))", isMissing: missing)
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Failure(description: "\(path): \(String(cString: strerror(errno)))") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw Failure(description: "\(path): not a file") }
        let size = Int(status.st_size)
        guard size > 0 else { throw Failure(description: "\(path): empty") }
        let mapped = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0)
        guard let mapped, mapped != MAP_FAILED else { throw Failure(description: "\(path): cannot be mapped: \(String(cString: strerror(errno)))") }
        base = UnsafeRawPointer(mapped)
        count = size
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }

    /// The bytes at `range`, which the caller has checked lie inside the file.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a range inside the mapping")
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + range.lowerBound, count: range.count)
    }

    /// All the bytes.
    var all: UnsafeBufferPointer<UInt8> { bytes(0..<count) }
}
