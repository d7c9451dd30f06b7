import Glibc

/// Reads post files with POSIX calls: a prefix for the front matter at start, the whole file on demand.
///
/// Only regular files are read. The file is opened non-blocking so that a FIFO or device named `x.md`
/// can never hang the program, and checked with `fstat` after opening (the name could have been swapped).
package enum PostFile {
    /// Why a file could not be read.
    package struct ReadError: Error, Equatable, CustomStringConvertible {
        package var description: String
    }

    /// Up to `limit` bytes from the start of the file, and the file's size and stamp (taken after opening
    /// it, before reading). With `folders`, the file is opened relative to its folder, kept open from the
    /// file before.
    package static func read(_ path: String, limit: Int = .max, folders: FolderCache? = nil)
        -> Result<(bytes: [UInt8], size: Int, stamp: FileStamp), ReadError> {
        let fd = folders?.open(path, flags: fileFlags) ?? open(path, fileFlags)
        guard fd >= 0 else { return .failure(ReadError(description: "cannot read: \(errnoText())")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadError(description: "cannot read: \(errnoText())")) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(ReadError(description: "not a regular file; skipped"))
        }
        let size = Int(info.st_size)
        let wanted = min(size, limit)
        // Read straight into the array's storage, without zeroing it first.
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            while initialized < wanted {
                let count = Glibc.read(fd, buffer.baseAddress! + initialized, wanted - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                initialized += count
            }
        }
        if let failure { return .failure(ReadError(description: "cannot read: \(String(cString: strerror(failure)))")) }
        return .success((bytes, size, FileStamp(info)))
    }

    private static let fileFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC

    /// The folder of the last file opened, kept open so that the next file in it is opened by its name
    /// alone: the kernel then walks the folder's path once per run of files, not once per post.
    /// Owned by one worker at a time.
    package final class FolderCache {
        private var folder = ""
        private var descriptor: Int32 = -1

        package init() {}

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        /// `open(path, flags)`, relative to the cached folder when it is `path`'s. Any failure with the
        /// folder falls back to the full path, so errors read as they always did.
        func open(_ path: String, flags: Int32) -> Int32 {
            let utf8 = path.utf8
            guard let slash = utf8.lastIndex(of: 0x2F), slash != utf8.startIndex else { return Glibc.open(path, flags) }
            let folderPart = path[..<slash]
            if folderPart != folder[...] {
                if descriptor >= 0 { close(descriptor) }
                folder = String(folderPart)
                // The walk listed this folder, so it can be opened for reading; if not, the full path is used.
                descriptor = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
            guard descriptor >= 0 else { return Glibc.open(path, flags) }
            let nameOffset = utf8.distance(from: utf8.startIndex, to: slash) + 1
            let fd = path.withCString { openat(descriptor, $0 + nameOffset, flags) }
            return fd >= 0 ? fd : Glibc.open(path, flags)
        }
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
