import GRDB

/// The posts a blog has shown, for "new since your last visit" and for dropping state of posts gone:
/// a table in a reader's own state file, and for SSH visitors a file of its own, one per blog, shared
/// by every visitor (`StateLocation.seenFile`). It holds post paths, slugs and times, nothing of any
/// visitor. Stamped like the state file, with its own `application_id`.
enum SeenSchema {
    /// "BySn" as a big-endian number: marks the file as byline's shared record of posts seen.
    static let applicationID: Int32 = 0x4279_536E
    /// Bumped with any change to the table below.
    static let version: Int32 = 1

    /// How the shared file is opened. Its writes are short, but twenty visitors arriving at once at a
    /// 100,000-post blog each may insert (and mostly ignore) every path, one after another: it waits
    /// longer than the visitor's own file.
    static var opening: StateFileOpening {
        StateFileOpening(applicationID: applicationID, version: version, create: create, noun: "seen-posts file",
                         busySeconds: 30, label: "byline-seen")
    }

    static func create(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(version)")
        try createTable(db)
    }

    /// One row per post the blog has shown in the last `ReadingStateStore.keepSeconds`: `slug` finds a
    /// renamed file's row again; `first_seen` and `last_seen` are seconds since 1970 (UTC).
    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE seen(
                path TEXT PRIMARY KEY NOT NULL, slug TEXT NOT NULL,
                first_seen REAL NOT NULL, last_seen REAL NOT NULL) WITHOUT ROWID;
            CREATE INDEX seen_slug ON seen(slug);
            """)
    }
}
