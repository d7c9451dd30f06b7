import BylineCore
import GRDB

/// The `seen` table's part of a start: each post the blog now has is found by path, else by slug
/// among rows whose path the blog no longer has (a rename keeps its first sighting), else recorded as
/// first seen now; a row's `last_seen` is refreshed at most hourly; rows not seen for
/// `ReadingStateStore.keepSeconds` are dropped. Split into a look (`rows`, `plan`: read only) and the
/// writes it calls for (`perform`), so that a visit to a shared file that changes nothing (the usual
/// one) never takes its write lock, and every write is idempotent (`INSERT OR IGNORE`, guarded
/// updates): two sessions planning the same change from the same look both succeed.
enum SeenPosts {
    /// One row of `seen`.
    struct Sighting: Equatable {
        var slug: String
        var firstSeen: Double
        var lastSeen: Double
    }

    /// The writes a start calls for.
    struct Plan {
        /// Old path to the post now at another path with its slug.
        var renames: [(old: String, key: PostKey)] = []
        /// Posts with no row: first seen now.
        var inserts: [PostKey] = []
        /// Posts whose row's `last_seen` is an hour old or more.
        var refreshes: [String] = []
        /// Posts whose slug changed in place.
        var slugChanges: [PostKey] = []
        /// Whether some row is older than the keep bound.
        var expires = false

        var isEmpty: Bool { renames.isEmpty && inserts.isEmpty && refreshes.isEmpty && slugChanges.isEmpty && !expires }
    }

    /// Every row, by path.
    static func rows(_ db: Database) throws -> [String: Sighting] {
        var rows: [String: Sighting] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT path, slug, first_seen, last_seen FROM seen")
        while let row = try cursor.next() { rows[row[0]] = Sighting(slug: row[1], firstSeen: row[2], lastSeen: row[3]) }
        return rows
    }

    /// What to write for `posts` seen at `now`, and each post's first sighting as far as `rows` know
    /// (posts to insert: `firstSeen`, now unless said).
    static func plan(rows: [String: Sighting], posts: [PostKey], now: Double,
                     firstSeen insertedAt: Double? = nil) -> (plan: Plan, firstSeen: [String: Double]) {
        var plan = Plan()
        var firstSeen: [String: Double] = [:]
        firstSeen.reserveCapacity(posts.count)
        let current = Set(posts.map(\.path))
        var orphansBySlug: [String: [String]] = [:]
        for (path, row) in rows where !current.contains(path) { orphansBySlug[row.slug, default: []].append(path) }
        for slug in orphansBySlug.keys { orphansBySlug[slug]?.sort() }
        for key in posts {
            if let row = rows[key.path] {
                if row.slug != key.slug { plan.slugChanges.append(key) }
                if now - row.lastSeen >= ReadingStateStore.seenResolution { plan.refreshes.append(key.path) }
                firstSeen[key.path] = row.firstSeen
            } else if let old = orphansBySlug[key.slug]?.first {
                orphansBySlug[key.slug]?.removeFirst()
                plan.renames.append((old, key))
                firstSeen[key.path] = rows[old]!.firstSeen
            } else {
                plan.inserts.append(key)
                firstSeen[key.path] = insertedAt ?? now
            }
        }
        let limit = now - ReadingStateStore.keepSeconds
        plan.expires = rows.values.contains { $0.lastSeen < limit }
        return (plan, firstSeen)
    }

    /// Writes `plan` in the caller's transaction (posts inserted as first seen `firstSeen`, now unless
    /// said) and returns the first sighting of each post it inserted or moved as the table now has it
    /// (another session may have recorded it first).
    static func perform(_ plan: Plan, _ db: Database, now: Double, firstSeen insertedAt: Double? = nil) throws -> [String: Double] {
        let renamed = try db.makeStatement(sql: "UPDATE OR IGNORE seen SET path = ?, slug = ?, last_seen = ? WHERE path = ?")
        for (old, key) in plan.renames { try renamed.execute(arguments: [key.path, key.slug, now, old]) }
        let added = try db.makeStatement(sql: "INSERT OR IGNORE INTO seen(path, slug, first_seen, last_seen) VALUES (?, ?, ?, ?)")
        for key in plan.inserts { try added.execute(arguments: [key.path, key.slug, insertedAt ?? now, now]) }
        let refreshed = try db.makeStatement(sql: "UPDATE seen SET last_seen = ? WHERE path = ? AND last_seen <= ?")
        for path in plan.refreshes { try refreshed.execute(arguments: [now, path, now - ReadingStateStore.seenResolution]) }
        let slugs = try db.makeStatement(sql: "UPDATE seen SET slug = ? WHERE path = ?")
        for key in plan.slugChanges { try slugs.execute(arguments: [key.slug, key.path]) }
        if plan.expires { try db.execute(sql: "DELETE FROM seen WHERE last_seen < ?", arguments: [now - ReadingStateStore.keepSeconds]) }
        var firstSeen: [String: Double] = [:]
        let lookUp = try db.makeStatement(sql: "SELECT first_seen FROM seen WHERE path = ?")
        for path in plan.renames.map(\.key.path) + plan.inserts.map(\.path) {
            if let seen = try Double.fetchOne(lookUp, arguments: [path]) { firstSeen[path] = seen }
        }
        return firstSeen
    }

    /// A start's whole `seen` part in the caller's transaction (a reader's own file: with its marks).
    static func start(_ db: Database, posts: [PostKey], now: Double) throws -> [String: Double] {
        let (plan, firstSeen) = Self.plan(rows: try rows(db), posts: posts, now: now)
        guard !plan.isEmpty else { return firstSeen }
        return firstSeen.merging(try perform(plan, db, now: now)) { _, stored in stored }
    }

    /// The first sighting recorded for the posts found in an empty shared file (a new one, or one that
    /// replaced a torn file): there before any visit, so new to no visitor. Recorded as now, they would
    /// be "new since your last visit" to every returning visitor at once.
    static let beforeAnyVisit: Double = 0

    /// A start's `seen` part on a file of its own (the visitors' shared file): looked at in a read
    /// transaction, written (when there is anything to write) in a short write transaction of its own.
    /// When another session wrote between the look and the write (`PRAGMA data_version`: many visitors
    /// arriving at once, each finding the same posts to record), the plan is made again from what the
    /// file now holds, so the sessions queued behind the first mostly find nothing left to write.
    /// Posts found in an empty file are recorded as seen `beforeAnyVisit`.
    static func start(_ queue: DatabaseQueue, posts: [PostKey], now: Double) throws -> [String: Double] {
        let look: (rows: [String: Sighting], version: Int?) = try queue.read { db in
            (try rows(db), try Int.fetchOne(db, sql: "PRAGMA data_version"))
        }
        let looked = plan(rows: look.rows, posts: posts, now: now, firstSeen: look.rows.isEmpty ? beforeAnyVisit : now)
        guard !looked.plan.isEmpty else { return looked.firstSeen }
        return try queue.write { db -> [String: Double] in
            var rows = look.rows
            var planned = looked
            if try Int.fetchOne(db, sql: "PRAGMA data_version") != look.version {
                rows = try Self.rows(db)
                planned = plan(rows: rows, posts: posts, now: now, firstSeen: rows.isEmpty ? beforeAnyVisit : now)
                if planned.plan.isEmpty { return planned.firstSeen }
            }
            let stored = try perform(planned.plan, db, now: now, firstSeen: rows.isEmpty ? beforeAnyVisit : now)
            return planned.firstSeen.merging(stored) { _, stored in stored }
        }
    }
}
