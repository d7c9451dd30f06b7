import Glibc

/// What says a file changed: its size and modification time (nanoseconds). A file whose stamp is the
/// cached one is not read again (BylineIndex).
package struct FileStamp: Hashable, Sendable {
    package var size: Int64
    package var modified: Int64
    package init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of a file's `stat`.
    package init(_ info: stat) {
        self.init(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// The stamp of the file at `path`, following symlinks (the real file is what is read); nil when
    /// there is none.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// Not known: never equal to a file's stamp, so the file is read again.
    package static let unknown = FileStamp(size: -1, modified: -1)
}
