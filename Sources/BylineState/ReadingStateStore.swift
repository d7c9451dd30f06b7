#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import Foundation
import GRDB

/// A blog's reading state on disk: read and saved marks, positions and the last visit, in one SQLite
/// file (`StateLocation`), with the posts the blog has shown (`seen`, for "new since your last visit")
/// in the same file or, for SSH visitors, in one file per blog shared by all of them (`seenPath`), so
/// that a visitor's own file holds only what they did. Several sessions of one blog share the files:
/// they are in WAL mode and every write is one short transaction, so each sees the others' commits and
/// none waits long.
///
/// A file that is not SQLite, is torn, or carries another application's (or schema's) stamps is
/// never trusted: it is moved aside (`NAME.bad-TIME`) and a new one made in its place; a version-1
/// state file is migrated in place (`StateFileOpening`).
package final class ReadingStateStore: @unchecked Sendable {  // GRDB's queue serializes every use
    /// Why there is no state: the caller runs without it (and may say so).
    package struct Unusable: Error, CustomStringConvertible, Equatable {
        package var description: String
    }

    /// State of posts the blog has not shown for this long is dropped at start: 30 days.
    package static let keepSeconds: Double = 30 * 24 * 60 * 60
    /// A post's `last_seen` is written again only when older than this: a start at 100,000 posts does
    /// not rewrite every row.
    static let seenResolution: Double = 60 * 60

    package let path: String
    private let queue: DatabaseQueue
    /// The shared file of posts seen (an SSH visitor's), or nil when `seen` is in `queue`'s file.
    /// A queue of its own rather than an `ATTACH`: GRDB's write transactions are `IMMEDIATE`, which
    /// takes the write lock of every attached file, so each mark a visitor saves would wait on every
    /// other visitor's start; apart, a visitor's marks never touch the shared file, the bound applies
    /// to the visitor's file alone, and a start that has nothing new to record only reads it.
    private let seenQueue: DatabaseQueue?
    /// What was moved aside on opening (a foreign or torn file), for `--verbose` and the tests.
    package private(set) var movedAside: String?
    /// The shared seen file's path, and what of it was moved aside on opening.
    package let seenPath: String?
    package private(set) var seenMovedAside: String?

    /// The most the file may hold (`StoreBound`), or nil for no bound (a reader's own state).
    package let bound: StoreBound?

    /// Opens the state at `path`, making it (and its folder, mode 700) when missing; a file it cannot
    /// trust is moved aside and replaced. With `bound`, a write past it fails (`isFull`) and the file
    /// stays as it was (an SSH visitor's state). With `seenPath`, the posts seen are kept in that file
    /// (the visitors' shared one, opened with the same care and no bound), not in `path`.
    package init(path: String, bound: StoreBound? = nil, seenPath: String? = nil) throws(Unusable) {
        self.path = path
        self.bound = bound
        self.seenPath = seenPath
        var prepare: (@Sendable (Database) throws -> Void)?
        if let bound { prepare = { db in try bound.apply(db) } }
        let opened = try StateSchema.opening.open(path, prepare: prepare)
        queue = opened.queue
        movedAside = opened.movedAside
        if let seenPath {
            let shared = try SeenSchema.opening.open(seenPath)
            seenQueue = shared.queue
            seenMovedAside = shared.movedAside
            try moveOwnSeenRows(to: shared.queue)
        } else {
            seenQueue = nil
        }
    }

    /// Why the file at `path` cannot be trusted, or nil when it is byline's state of this schema (or
    /// version 1, which is migrated), whole.
    static func problem(with path: String) -> String? { StateSchema.opening.problem(with: path) }

    /// A visitor's file migrated from version 1 holds the posts it had seen: they go to the shared file
    /// (a path the shared file has keeps its own first sighting) and leave the visitor's.
    private func moveOwnSeenRows(to shared: DatabaseQueue) throws(Unusable) {
        do {
            let own = try queue.read { db in try Row.fetchAll(db, sql: "SELECT path, slug, first_seen, last_seen FROM seen") }
            guard !own.isEmpty else { return }
            try shared.write { db in
                let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO seen(path, slug, first_seen, last_seen) VALUES (?, ?, ?, ?)")
                for row in own { try insert.execute(arguments: [row[0] as String, row[1] as String, row[2] as Double, row[3] as Double]) }
            }
            try queue.write { db in try db.execute(sql: "DELETE FROM seen") }
        } catch {
            throw Unusable(description: "state \(path) cannot be moved to the shared \(seenPath ?? ""): \(error)")
        }
    }

    // MARK: Start

    /// The state of the blog whose posts are now `posts`, taken at `now` (seconds since 1970 UTC): each
    /// post's first sighting (`SeenPosts`: found by path, else by slug, else now) and its marks (found
    /// by path, else by slug among marked rows whose path the blog no longer has: a rename); marks and
    /// sightings not seen for `keepSeconds` are dropped; this visit becomes the last. Returns the state
    /// with the visit before this one.
    package func start(posts: [PostKey], now: Double) throws(Unusable) -> ReadingState {
        do {
            var firstSeen: [String: Double] = [:]
            if let seenQueue { firstSeen = try SeenPosts.start(seenQueue, posts: posts, now: now) }
            return try queue.write { db in
                if seenQueue == nil { firstSeen = try SeenPosts.start(db, posts: posts, now: now) }
                let marks = try Self.startMarks(db, posts: posts, now: now)
                var found: [String: StoredPost] = [:]
                found.reserveCapacity(posts.count)
                for key in posts {
                    found[key.path] = StoredPost(key: key, marks: marks[key.path] ?? PostMarks(), firstSeen: firstSeen[key.path] ?? now)
                }
                let lastVisit = try Double.fetchOne(db, sql: "SELECT CAST(value AS REAL) FROM meta WHERE key = 'last_visit'")
                // This visit is recorded as no earlier than the first sighting of any post it showed: another
                // visitor starting at the same moment may have recorded a post a little after `now`, and a
                // post this visitor was shown is not new at their next visit.
                let visit = max(now, firstSeen.values.max() ?? now)
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('last_visit', ?)", arguments: [String(visit)])
                return ReadingState(posts: found, lastVisit: lastVisit)
            }
        } catch {
            throw Unusable(description: "state \(path) cannot be read: \(error)")
        }
    }

    /// The marks part of a start, in the caller's transaction: the marks of each post in `posts` that
    /// has any, by path; a marked row's `last_seen` refreshed at most hourly; rows with no mark left
    /// (all taken back) and rows not seen for `keepSeconds` dropped.
    private static func startMarks(_ db: Database, posts: [PostKey], now: Double) throws -> [String: PostMarks] {
        var rows: [String: StoredPost] = [:]
        var lastSeen: [String: Double] = [:]
        var bySlug: [String: [String]] = [:]
        var unmarked = false
        let cursor = try Row.fetchCursor(db, sql: "SELECT path, slug, read, saved, line, width, opened, last_seen, last_seen FROM posts")
        while let row = try cursor.next() {
            let stored = Self.stored(row)
            unmarked = unmarked || stored.marks.isEmpty
            rows[stored.key.path] = stored
            lastSeen[stored.key.path] = row[7]
            bySlug[stored.key.slug, default: []].append(stored.key.path)
        }
        var marks: [String: PostMarks] = [:]
        if !rows.isEmpty {
            let current = Set(posts.map(\.path))
            let seen = try db.makeStatement(sql: "UPDATE posts SET last_seen = ? WHERE path = ?")
            let renamed = try db.makeStatement(sql: "UPDATE OR IGNORE posts SET path = ?, slug = ?, last_seen = ? WHERE path = ?")
            for key in posts {
                if var stored = rows[key.path] {
                    if stored.key.slug != key.slug {
                        try renamed.execute(arguments: [key.path, key.slug, now, key.path])
                        stored.key.slug = key.slug
                    } else if now - (lastSeen[key.path] ?? 0) >= Self.seenResolution {
                        try seen.execute(arguments: [now, key.path])
                    }
                    marks[key.path] = stored.marks
                } else if let old = bySlug[key.slug]?.first(where: { !current.contains($0) && rows[$0] != nil }) {
                    let stored = rows.removeValue(forKey: old)!
                    try renamed.execute(arguments: [key.path, key.slug, now, old])
                    marks[key.path] = stored.marks
                }
            }
        }
        try db.execute(sql: "DELETE FROM posts WHERE last_seen < ?", arguments: [now - Self.keepSeconds])
        if unmarked {
            try db.execute(sql: "DELETE FROM posts WHERE read = 0 AND saved = 0 AND line IS NULL AND opened IS NULL")
        }
        return marks
    }

    private static func stored(_ row: Row) -> StoredPost {
        let line: Int? = row[4], width: Int? = row[5]
        let position = line.flatMap { line in width.map { ReadingPosition(line: line, width: $0) } }
        return StoredPost(key: PostKey(slug: row[1], path: row[0]),
                          marks: PostMarks(read: row[2] as Int != 0, saved: row[3] as Int != 0, position: position, lastOpened: row[6]),
                          firstSeen: row[7])
    }

    // MARK: Changes

    /// Writes each post's changed fields (`ReadingStateChange.Fields`) in one short transaction: one
    /// UPSERT a post, setting only those columns of an existing row, so two sessions changing one post
    /// (one saves it, the other reads it) keep both changes. A post the state has no row for gets one
    /// with its marks as the session knows them (its first sighting is the `seen` table's, written at
    /// start). An entry `opened` records `now` as the post's last opening; the others keep the one
    /// recorded. A field changed by both sessions keeps the later write.
    package func apply(_ change: ReadingStateChange, now: Double) throws(Unusable) {
        guard !change.posts.isEmpty else { return }
        do {
            try queue.write { db in
                for entry in change.posts {
                    let marks = entry.marks
                    let opened: Double? = entry.opened ? now : nil
                    try db.cachedStatement(sql: Self.upsert(entry.fields)).execute(arguments: [
                        entry.key.path, entry.key.slug, marks.read ? 1 : 0, marks.saved ? 1 : 0,
                        marks.position?.line, marks.position?.width, opened, now,
                    ])
                }
            }
        } catch {
            throw Unusable(description: "state \(path) cannot be written: \(error)")
        }
    }

    /// The UPSERT that writes `fields` of a post (and its slug, its last opening when given, the time
    /// it was last seen), leaving its other columns as another session may have set them.
    static func upsert(_ fields: ReadingStateChange.Fields) -> String {
        var set = ["slug = excluded.slug", "opened = COALESCE(excluded.opened, opened)", "last_seen = excluded.last_seen"]
        if fields.contains(.read) { set.append("read = excluded.read") }
        if fields.contains(.saved) { set.append("saved = excluded.saved") }
        if fields.contains(.position) { set += ["line = excluded.line", "width = excluded.width"] }
        return """
            INSERT INTO posts(path, slug, read, saved, line, width, opened, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET \(set.joined(separator: ", "))
            """
    }

    /// Every post the state knows (marked, or seen), for tests and `--verbose`: by path. A marked
    /// post's first sighting is its `seen` row's, else when it was last seen.
    package func stored() throws(Unusable) -> [String: StoredPost] {
        do {
            let seen = try (seenQueue ?? queue).read(SeenPosts.rows)
            return try queue.read { db in
                var rows: [String: StoredPost] = [:]
                for (path, sighting) in seen {
                    rows[path] = StoredPost(key: PostKey(slug: sighting.slug, path: path), marks: PostMarks(), firstSeen: sighting.firstSeen)
                }
                for row in try Row.fetchAll(db, sql: "SELECT path, slug, read, saved, line, width, opened, last_seen FROM posts") {
                    var stored = Self.stored(row)
                    stored.firstSeen = seen[stored.key.path]?.firstSeen ?? stored.firstSeen
                    rows[stored.key.path] = stored
                }
                return rows
            }
        } catch {
            throw Unusable(description: "state \(path) cannot be read: \(error)")
        }
    }

    /// The file's journal mode (`wal`), for the tests.
    package func journalMode() -> String? {
        try? queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    /// Closes the files (each WAL checkpointed by SQLite when it is the last connection).
    package func close() {
        try? queue.close()
        try? seenQueue?.close()
    }
}
