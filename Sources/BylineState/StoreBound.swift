import GRDB

/// How large one reading-state file may grow, for a store whose writer is a stranger (an SSH visitor):
/// a bound on the database's pages and on its write-ahead log, so the file, its WAL and SQLite's shared
/// memory file stay within `bytes` together, as `VisitorStatePolicy` counts a visitor's folder.
///
/// Past the bound SQLite refuses the write (`SQLITE_FULL`), whole: the transaction is rolled back and the
/// file keeps what it had. The WAL is checkpointed every `walBytes` of changes and truncated back to that
/// size after each checkpoint (`journal_size_limit`); a single transaction larger than that (marking
/// 100,000 posts read at once) makes it larger until its checkpoint.
package struct StoreBound: Hashable, Sendable {
    /// The whole bound: database, WAL and shared memory together.
    package var bytes: Int

    package init(bytes: Int) {
        self.bytes = max(0, bytes)
    }

    /// The database's own share: three quarters; the rest is the WAL's (an eighth) and slack for the
    /// shared-memory file (32 KiB) and a WAL between checkpoints.
    package var databaseBytes: Int { bytes / 4 * 3 }
    /// How much the WAL holds before a checkpoint, and what it is cut back to after one.
    package var walBytes: Int { bytes / 8 }

    /// Sets the bound on a connection (SQLite keeps these per connection: every connection opened on a
    /// bounded file is opened through this).
    func apply(_ db: Database) throws {
        let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
        // max_page_count never goes below the file's current size: a file made larger by another bound
        // is still read, and only its growth refused.
        try db.execute(sql: "PRAGMA max_page_count = \(max(1, databaseBytes / pageSize))")
        try db.execute(sql: "PRAGMA wal_autocheckpoint = \(max(1, walBytes / pageSize))")
        try db.execute(sql: "PRAGMA journal_size_limit = \(walBytes)")
    }
}

extension ReadingStateStore.Unusable {
    /// Whether SQLite refused the change for want of room (`SQLITE_FULL`: the store's bound reached, or
    /// the disk full), not for a fault: the change was rolled back whole and the file keeps what it had.
    package var isFull: Bool { description.contains("SQLite error \(ResultCode.SQLITE_FULL.rawValue):") }
}
