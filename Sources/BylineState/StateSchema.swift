import GRDB

/// The state file's tables, stamped with SQLite's `application_id` (byline's) and `user_version` (this
/// schema's): a file with other stamps is foreign or of another byline, and is moved aside, never read.
enum StateSchema {
    /// "ByLs" as a big-endian number: marks the file as byline's reading state.
    static let applicationID: Int32 = 0x4279_4C73
    /// Bumped with any change to the tables below.
    static let version: Int32 = 1

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(version);
            CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
            -- One row per post the blog has shown in the last `ReadingStateStore.keepSeconds`: found by
            -- path, else by slug (a renamed file). Times are seconds since 1970 (UTC).
            -- line/width: the first line shown in the reader and the width it was laid out at.
            CREATE TABLE posts(
                path TEXT NOT NULL UNIQUE, slug TEXT NOT NULL,
                read INTEGER NOT NULL DEFAULT 0, saved INTEGER NOT NULL DEFAULT 0,
                line INTEGER, width INTEGER, opened REAL,
                first_seen REAL NOT NULL, last_seen REAL NOT NULL);
            CREATE INDEX posts_slug ON posts(slug);
            """)
    }
}
