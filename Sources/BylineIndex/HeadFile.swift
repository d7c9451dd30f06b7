import BylineCore
#if canImport(Glibc)
import Glibc
#endif

/// A cache's first screen in a plain file beside it (`<cache>-head`): the snapshot's header and first
/// chunk (`StoreSnapshot.firstScreenPosts` posts), the same bytes the cache holds, with what they belong
/// to. A start reads it with one `read` instead of opening SQLite and querying the snapshot (1.2 ms of
/// a 12 ms first screen), and the reader completes the store from the cache itself after the first
/// frame (`CachedBlog.completed`).
///
/// It is only a faster road to bytes the cache holds: with any doubt it is not taken. It names the cache
/// version, the folder and the drafts setting, and the cache file's size and modification time when it
/// was written: a cache written since, by this byline or another, no longer matches it.
enum HeadFile {
    static func path(of cachePath: String) -> String { cachePath + "-head" }

    static let magic = Array("byline-head-2\n".utf8)

    /// The largest head file read: a first screen's posts take well under a megabyte.
    static let largest = 64 << 20

    /// Writes the head of the cache at `cachePath`, just written, into a temporary file renamed over the
    /// old one; on any failure there is no head file (the cache alone serves).
    static func write(cachePath: String, realRoot: String, includeDrafts: Bool, header: [UInt8], firstChunk: [UInt8]) {
        let target = path(of: cachePath)
        // What ties the head file to its cache: the cache file's size and modification time.
        guard let stamp = FileStamp(path: cachePath) else {
            unlink(target)
            return
        }
        var writer = ByteWriter()
        writer.bytes = magic
        writer.string(identity(realRoot: realRoot, includeDrafts: includeDrafts))
        writer.varint(Int(stamp.size))
        writer.varint(Int(stamp.modified))
        for field in [header, firstChunk] {
            writer.varint(field.count)
            writer.bytes += field
        }
        let bytes = writer.bytes
        PostCache.removeAbandonedBuilds(of: target)
        let temporary = target + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            unlink(target)
            return
        }
        let complete = bytes.withUnsafeBytes { WholeWrite.write($0, to: fd) }
        // Synced before the rename, so that after a crash the name holds all of it or the old file.
        let synced = complete && fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, target) == 0 else {
            unlink(temporary)
            unlink(target)
            return
        }
    }

    /// The cache's first screen from its head file: a store decoded `firstPosts` posts far, nil when
    /// there is no head file, it does not match the cache beside it, or it would give the whole store
    /// (a blog that small is read from the cache, with its search index at once).
    static func read(cachePath: String, realRoot: String, includeDrafts: Bool, root: String, firstPosts: Int) -> PostStore? {
        guard let bytes = contents(of: path(of: cachePath)) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> PostStore? in
            guard let (header, chunk) = parts(of: buffer, cachePath: cachePath, realRoot: realRoot, includeDrafts: includeDrafts),
                  var decoder = StoreSnapshot.Decoder(header: header, root: root),
                  decoder.add(chunk: chunk, upTo: firstPosts), decoder.decoded < decoder.total else { return nil }
            return decoder.head()
        }
    }

    /// Whether the cache at `cachePath` has a head file that matches it.
    static func matches(cachePath: String, realRoot: String, includeDrafts: Bool) -> Bool {
        guard let bytes = contents(of: path(of: cachePath)) else { return false }
        return bytes.withUnsafeBufferPointer {
            parts(of: $0, cachePath: cachePath, realRoot: realRoot, includeDrafts: includeDrafts) != nil
        }
    }

    /// The snapshot's header and first chunk from a head file's bytes, when the file is whole and
    /// belongs to the cache at `cachePath` as it is now.
    private static func parts(of buffer: UnsafeBufferPointer<UInt8>, cachePath: String, realRoot: String, includeDrafts: Bool)
        -> (header: UnsafeBufferPointer<UInt8>, chunk: UnsafeBufferPointer<UInt8>)? {
        var reader = ByteReader(buffer)
        guard let stamp = FileStamp(path: cachePath),
              reader.take(magic.count).map(Array.init) == magic,
              reader.string() == identity(realRoot: realRoot, includeDrafts: includeDrafts),
              let size = reader.varint(), let modified = reader.varint(),
              FileStamp(size: Int64(size), modified: Int64(modified)) == stamp,
              let headerCount = reader.varint(), let header = reader.take(headerCount),
              let chunkCount = reader.varint(), let chunk = reader.take(chunkCount), reader.isAtEnd else { return nil }
        return (header, chunk)
    }

    /// Removes the head file of the cache at `cachePath`.
    static func remove(cachePath: String) {
        unlink(path(of: cachePath))
    }

    private static func identity(realRoot: String, includeDrafts: Bool) -> String {
        CacheSchema.version + "\u{0}" + realRoot + "\u{0}" + (includeDrafts ? "1" : "0")
    }

    /// A head file's bytes, or nil (missing, unreadable, or larger than a head can be).
    private static func contents(of path: String) -> [UInt8]? {
        guard case let .success(file) = PostFile.read(path, limit: largest), file.size <= largest else { return nil }
        return file.bytes
    }
}
