import BylineCore
import Foundation
import GRDB

extension PostCache {
    /// Every file's stamp as the cache has it, in one sorted array of fixed-size entries: what a start
    /// compares the folder with (`CacheFreshness`). 32 bytes a file (3.2 MB at 100,000 files), where a
    /// dictionary of the same stamps took twice that and a string per file far more.
    package struct StampTable: Sendable {
        /// One file as the cache recorded it: hashes of its path and real path (`CacheLocation.fnv1a64`),
        /// and its stamp.
        struct Entry: Sendable {
            var path: UInt64
            var absolute: UInt64
            var stamp: FileStamp
        }

        /// By `path`; no two share one (`init` gives nil for a cache where two paths' hashes collide).
        private let entries: [Entry]
        package let layout: SiteLayout
        package let folderDiagnostics: [Diagnostic]

        /// The table of `entries`, sorted by `path`; nil when two of them share a path's hash, where a
        /// hash could not tell the files apart.
        init?(sorted entries: [Entry], layout: SiteLayout, folderDiagnostics: [Diagnostic]) {
            for index in entries.indices.dropFirst() where entries[index].path <= entries[index - 1].path { return nil }
            self.entries = entries
            self.layout = layout
            self.folderDiagnostics = folderDiagnostics
        }

        /// Files the cache records.
        package var count: Int { entries.count }

        /// Whether the cache records the file at `path` (relative) as the file at `absolutePath`, with `stamp`.
        package func holds(path: String, absolutePath: String, stamp: FileStamp) -> Bool {
            let key = CacheLocation.fnv1a64(path)
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].path < key { low = middle + 1 } else { high = middle }
            }
            guard low < entries.count, entries[low].path == key else { return false }
            return entries[low].stamp == stamp && entries[low].absolute == CacheLocation.fnv1a64(absolutePath)
        }
    }

    /// The stamps of every file the cache records, with the folder's layout and problems; nil when two
    /// of its paths' hashes collide (the caller then compares the files themselves). The paths are
    /// hashed straight from SQLite's buffers: no string is made per file.
    package func stampTable(giveWay: GiveWay? = nil) throws(Unusable) -> StampTable? {
        try read { db in try unmapped(db) {
            var entries: [StampTable.Entry] = []
            // Rows are written whole and numbered from 1 (`write` deletes and inserts them all), so the
            // largest row number is the count, or near it after a live reload's patches.
            entries.reserveCapacity(try Int.fetchOne(db, sql: "SELECT MAX(rowid) FROM files") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT path, absolute, size, modified FROM files")
            while let row = try rows.next() {
                giveWay?.point()
                let path = try row.withUnsafeData(atIndex: 0) { $0.map(Self.fnv1a64) ?? 0 }
                let absolute = try row.withUnsafeData(atIndex: 1) { $0.map(Self.fnv1a64) ?? 0 }
                entries.append(.init(path: path, absolute: absolute, stamp: FileStamp(size: row[2], modified: row[3])))
            }
            entries.sort { $0.path < $1.path }
            let meta = try Self.meta(db)
            return StampTable(sorted: entries, layout: SiteLayout(rawValue: meta["layout"] ?? "") ?? .plain,
                              folderDiagnostics: CacheText.diagnostics(from: meta["folder_diagnostics"] ?? ""))
        } }
    }

    /// `CacheLocation.fnv1a64` of a text column's UTF-8 bytes (the bytes of the string it was written from).
    private static func fnv1a64(_ bytes: Data) -> UInt64 {
        bytes.withUnsafeBytes { FolderFileName.fnv1a64(bytes: $0) }
    }
}
