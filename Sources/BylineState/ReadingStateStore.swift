#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import Foundation
import GRDB

/// A blog's reading state on disk: read and saved marks, positions and the last visit, in one SQLite
/// file (`StateLocation`). Several sessions of one blog share the file: it is in WAL mode and every
/// write is one short transaction, so each sees the others' commits and none waits long.
///
/// A file that is not SQLite, is torn, or carries another application's (or schema's) stamps is
/// never trusted: it is moved aside (`NAME.bad-TIME`) and a new one made in its place. A new file is
/// made complete in a temporary file and linked into place, so no session opens half a schema.
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
    /// What was moved aside on opening (a foreign or torn file), for `--verbose` and the tests.
    package private(set) var movedAside: String?

    /// The most the file may hold (`StoreBound`), or nil for no bound (a reader's own state).
    package let bound: StoreBound?

    /// Opens the state at `path`, making it (and its folder, mode 700) when missing; a file it cannot
    /// trust is moved aside and replaced. With `bound`, a write past it fails (`isFull`) and the file
    /// stays as it was (an SSH visitor's state).
    package init(path: String, bound: StoreBound? = nil) throws(Unusable) {
        self.path = path
        self.bound = bound
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        if access(path, F_OK) == 0, let problem = Self.problem(with: path) {
            let aside = path + ".bad-\(Int(Date().timeIntervalSince1970))"
            guard rename(path, aside) == 0 else {
                throw Unusable(description: "cannot move the unusable state \(path) aside (\(problem)): \(String(cString: strerror(errno)))")
            }
            for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
            movedAside = aside
        }
        if access(path, F_OK) != 0 { try Self.make(path) }
        do {
            queue = try DatabaseQueue(path: path, configuration: Self.configuration(bound: bound))
            // Made complete or checked above; one more look in case another session replaced it meanwhile.
            let stamps = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int32.fetchOne(db, sql: "PRAGMA user_version"))
            }
            guard stamps.0 == StateSchema.applicationID, stamps.1 == StateSchema.version else {
                throw Unusable(description: "state \(path) changed under byline")
            }
        } catch let error as Unusable {
            throw error
        } catch {
            throw Unusable(description: "state \(path) cannot be opened: \(error)")
        }
    }

    private static func configuration(bound: StoreBound?) -> Configuration {
        var configuration = Configuration()
        // Another session's write lasts milliseconds; a wait this long means something is wrong.
        configuration.busyMode = .timeout(5)
        configuration.label = "byline-state"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
            if let bound { try bound.apply(db) }
        }
        return configuration
    }

    /// Why the file at `path` cannot be trusted, or nil when it is byline's state of this schema, whole.
    static func problem(with path: String) -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db -> String? in
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard application == StateSchema.applicationID else { return "not byline's state (application_id \(application))" }
                let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard version == StateSchema.version else { return "state of another version (\(version))" }
                let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
                return check == "ok" ? nil : "damaged: \(check)"
            }
        } catch {
            return "not readable: \(error)"
        }
    }

    /// Makes a new state file: complete in a temporary file, then linked to `path` (a session that
    /// made one first keeps its own: `link` never replaces).
    private static func make(_ path: String) throws(Unusable) {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        defer { unlink(temporary) }
        do {
            let queue = try DatabaseQueue(path: temporary)
            try queue.inDatabase { db in
                try StateSchema.create(db)
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try queue.close()
        } catch {
            throw Unusable(description: "cannot make the state \(path): \(error)")
        }
        guard link(temporary, path) == 0 || errno == EEXIST else {
            throw Unusable(description: "cannot make the state \(path): \(String(cString: strerror(errno)))")
        }
    }

    // MARK: Start

    /// The state of the blog whose posts are now `posts`, taken at `now` (seconds since 1970): each post
    /// is found by path, else by slug among rows whose path the blog no longer has (a rename), else
    /// recorded as first seen now; rows not seen for `keepSeconds` are dropped; this visit becomes the
    /// last. Returns the state with the visit before this one.
    package func start(posts: [PostKey], now: Double) throws(Unusable) -> ReadingState {
        do {
            return try queue.write { db in
                var rows: [String: StoredPost] = [:]
                var lastSeen: [String: Double] = [:]
                var bySlug: [String: [String]] = [:]
                let cursor = try Row.fetchCursor(db, sql: "SELECT path, slug, read, saved, line, width, opened, first_seen, last_seen FROM posts")
                while let row = try cursor.next() {
                    let stored = Self.stored(row)
                    rows[stored.key.path] = stored
                    lastSeen[stored.key.path] = row[8]
                    bySlug[stored.key.slug, default: []].append(stored.key.path)
                }
                let current = Set(posts.map(\.path))
                var found: [String: StoredPost] = [:]
                let seen = try db.makeStatement(sql: "UPDATE posts SET last_seen = ? WHERE path = ?")
                let renamed = try db.makeStatement(sql: "UPDATE OR IGNORE posts SET path = ?, slug = ?, last_seen = ? WHERE path = ?")
                let added = try db.makeStatement(sql: "INSERT OR IGNORE INTO posts(path, slug, first_seen, last_seen) VALUES (?, ?, ?, ?)")
                for key in posts {
                    if var stored = rows[key.path] {
                        if stored.key.slug != key.slug {
                            try renamed.execute(arguments: [key.path, key.slug, now, key.path])
                            stored.key.slug = key.slug
                        } else if now - (lastSeen[key.path] ?? 0) >= Self.seenResolution {
                            try seen.execute(arguments: [now, key.path])
                        }
                        found[key.path] = stored
                    } else if let old = bySlug[key.slug]?.first(where: { !current.contains($0) && rows[$0] != nil }) {
                        var stored = rows.removeValue(forKey: old)!
                        try renamed.execute(arguments: [key.path, key.slug, now, old])
                        stored.key = key
                        found[key.path] = stored
                    } else {
                        try added.execute(arguments: [key.path, key.slug, now, now])
                        found[key.path] = StoredPost(key: key, marks: PostMarks(), firstSeen: now)
                    }
                }
                try db.execute(sql: "DELETE FROM posts WHERE last_seen < ?", arguments: [now - Self.keepSeconds])
                let lastVisit = try Double.fetchOne(db, sql: "SELECT CAST(value AS REAL) FROM meta WHERE key = 'last_visit'")
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('last_visit', ?)", arguments: [String(now)])
                return ReadingState(posts: found, lastVisit: lastVisit)
            }
        } catch {
            throw Unusable(description: "state \(path) cannot be read: \(error)")
        }
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
    /// with its marks as the session knows them, first seen `now`. An entry `opened` records `now` as
    /// the post's last opening; the others keep the one recorded. A field changed by both sessions
    /// keeps the later write.
    package func apply(_ change: ReadingStateChange, now: Double) throws(Unusable) {
        guard !change.posts.isEmpty else { return }
        do {
            try queue.write { db in
                for entry in change.posts {
                    let marks = entry.marks
                    let opened: Double? = entry.opened ? now : nil
                    try db.cachedStatement(sql: Self.upsert(entry.fields)).execute(arguments: [
                        entry.key.path, entry.key.slug, marks.read ? 1 : 0, marks.saved ? 1 : 0,
                        marks.position?.line, marks.position?.width, opened, now, now,
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
            INSERT INTO posts(path, slug, read, saved, line, width, opened, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET \(set.joined(separator: ", "))
            """
    }

    /// Every post's row, for tests and `--verbose`: by path.
    package func stored() throws(Unusable) -> [String: StoredPost] {
        do {
            return try queue.read { db in
                var rows: [String: StoredPost] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT path, slug, read, saved, line, width, opened, first_seen FROM posts") {
                    let stored = Self.stored(row)
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

    /// Closes the file (its WAL checkpointed by SQLite when it is the last connection).
    package func close() {
        try? queue.close()
    }
}
