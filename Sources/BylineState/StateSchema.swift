import GRDB

/// The state file's tables, stamped with SQLite's `application_id` (byline's) and `user_version` (this
/// schema's): a file with other stamps is foreign or of another byline, and is moved aside, never read.
///
/// Version 2 keeps what the reader did (`posts`: only posts with a mark) apart from what the blog has
/// shown (`seen`: every post, for "new since your last visit"), so that an SSH visitor's file holds
/// only the first, and the second is one file per blog shared by all visitors (`SeenSchema`). A
/// version-1 file (one `posts` row per post shown) is migrated in place.
enum StateSchema {
    /// "ByLs" as a big-endian number: marks the file as byline's reading state.
    static let applicationID: Int32 = 0x4279_4C73
    /// Bumped with any change to the tables below.
    static let version: Int32 = 2

    /// How the state file is opened (stamps, making it, migrating a version-1 file).
    static var opening: StateFileOpening {
        StateFileOpening(applicationID: applicationID, version: version, migratable: [1], create: create,
                         migrate: { db, _ in try migrateFromVersion1(db) }, noun: "state", label: "byline-state")
    }

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(version);
            CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
            \(postsTable)
            """)
        try SeenSchema.createTable(db)
    }

    /// One row per post the reader marked (read, saved, a position, an opening): found by path, else
    /// by slug (a renamed file). Times are seconds since 1970 (UTC); `last_seen`: when the blog last
    /// showed it (its marks dropped `ReadingStateStore.keepSeconds` after). line/width: the first line
    /// shown in the reader and the width it was laid out at.
    static let postsTable = """
        CREATE TABLE posts(
            path TEXT NOT NULL UNIQUE, slug TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0, saved INTEGER NOT NULL DEFAULT 0,
            line INTEGER, width INTEGER, opened REAL,
            last_seen REAL NOT NULL);
        CREATE INDEX posts_slug ON posts(slug);
        """

    /// Version 1 to 2, in the caller's transaction: every row's first and last seen into `seen`, the
    /// rows with a mark kept in `posts`, the rest dropped from it.
    static func migrateFromVersion1(_ db: Database) throws {
        try SeenSchema.createTable(db)
        try db.execute(sql: """
            INSERT OR IGNORE INTO seen(path, slug, first_seen, last_seen) SELECT path, slug, first_seen, last_seen FROM posts;
            ALTER TABLE posts RENAME TO posts_v1;
            DROP INDEX posts_slug;
            \(postsTable)
            INSERT INTO posts(path, slug, read, saved, line, width, opened, last_seen)
                SELECT path, slug, read, saved, line, width, opened, last_seen FROM posts_v1
                WHERE read != 0 OR saved != 0 OR line IS NOT NULL OR opened IS NOT NULL;
            DROP TABLE posts_v1;
            PRAGMA user_version = \(version);
            """)
    }

    /// Version 1's tables as version 1 made them, for the migration's tests.
    static let version1SQL = """
        PRAGMA application_id = \(applicationID);
        PRAGMA user_version = 1;
        CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE posts(
            path TEXT NOT NULL UNIQUE, slug TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0, saved INTEGER NOT NULL DEFAULT 0,
            line INTEGER, width INTEGER, opened REAL,
            first_seen REAL NOT NULL, last_seen REAL NOT NULL);
        CREATE INDEX posts_slug ON posts(slug);
        """
}
