import BylineCore
import GRDB

/// A live reload's write (`CachedBlog.patch`): the changed files' rows and words alone, in one short
/// transaction, and the snapshot (the store file) marked stale instead of written again. At 100,000
/// posts the store file is the whole store: written for every saved file it would be most of the reload's work.
/// It is written once the reader ends (`writeSnapshot`), or by the next refresh that finds nothing to
/// read; a start that finds it stale makes its first screen from the rows (`CachedBlog.cachedStore`),
/// which the patch keeps exact.
extension PostCache {
    /// Replaces the rows of `changed` files (by path) and removes those of `removed` ones, adds the
    /// `words` of the changed files that have some (one entry per file), counts `retired` documents
    /// dead, and marks the snapshot stale. Returns each changed file's new document (nil: none). The
    /// numbers are chosen inside the write, so that two readers of one blog never give one twice.
    package func patch(changed: [CachedFile], words: [Words?], removed: [String], retired: Int,
                      giveWay: GiveWay? = nil) throws(Unusable) -> [Int64?] {
        precondition(words.count == changed.count, "one entry of words per changed file")
        guard isWritable else { throw Unusable(description: "cache \(path) is read-only") }
        do {
            let writer = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false))
            let documents = try writer.write { db -> [Int64?] in
                var next = try Self.nextUnusedDocument(db)
                var documents: [Int64?] = []
                var added: [(document: Int64, words: Words)] = []
                for found in words {
                    guard let found else { documents.append(nil); continue }
                    documents.append(next)
                    added.append((next, found))
                    next += 1
                }
                var rows = changed
                for index in rows.indices { rows[index].document = documents[index] }
                let delete = try db.makeStatement(sql: "DELETE FROM files WHERE path = ?")
                for path in removed + changed.map(\.path) { try delete.execute(arguments: [path]) }
                try Self.insert(added, into: db, giveWay: giveWay)
                try Self.insertFiles(rows, into: db)
                try db.execute(sql: "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key = 'dead'",
                               arguments: [retired])
                try Self.markSnapshot(current: false, in: db)
                // New rows, a new generation: no store file (nor a snapshot another reader writes from
                // the rows before these) is ever paired with them. Known to this reader only when the
                // rows were of its own generation.
                let before = try Self.storedGeneration(db)
                let patched = Self.newGeneration()
                try Self.setGeneration(patched, in: db)
                rowsGeneration.withLock { known in known = known != nil && known == before ? patched : nil }
                if let last = added.last?.document {
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('last_document', ?)", arguments: [String(last)])
                }
                return documents
            }
            try writer.close()
            return documents
        } catch {
            throw Unusable(description: "cache \(path) cannot be written: \(error)")
        }
    }

    /// Writes `store` (searching through this cache) as the store file, which is then current again;
    /// throws, writing nothing, when another reader changed the rows since this one read or wrote them.
    package func writeSnapshot(_ store: PostStore) throws(Unusable) {
        guard isWritable else { throw Unusable(description: "cache \(path) is read-only") }
        do {
            let writer = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false))
            let written = Self.newGeneration()
            try writer.write { db in
                // Only over the rows this store was made from: another reader's write since makes them another store.
                guard let known = knownGeneration, try Self.storedGeneration(db) == known else {
                    throw Unusable(description: "cache \(path) was changed by another reader")
                }
                try Self.setGeneration(written, in: db)
                try Self.markSnapshot(current: true, in: db)
                try Self.writeStoreFile(store, documentIDs: store.documentIDs, generation: written, cachePath: path)
            }
            rowsGeneration.withLock { $0 = written }
            try writer.close()
        } catch {
            throw Unusable(description: "cache \(path) cannot be written: \(error)")
        }
    }

    /// Whether the snapshot is the store the rows make (false after a `patch`, until written again).
    package func snapshotIsCurrent() throws(Unusable) -> Bool {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'snapshot'") != "stale" }
    }

    /// The next document number never used: above every file's, and above every number a patch gave
    /// (meta `last_document`): a patch removes rows whose words stay, dead, in the index, and their
    /// numbers are not given again.
    package func nextUnusedDocument() -> Int64 {
        (try? read(Self.nextUnusedDocument)) ?? 1
    }

    static func nextUnusedDocument(_ db: Database) throws -> Int64 {
        max(try Int64.fetchOne(db, sql: "SELECT MAX(document) FROM files") ?? 0,
            try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_document'") ?? 0) + 1
    }

    static func markSnapshot(current: Bool, in db: Database) throws {
        if current {
            try db.execute(sql: "DELETE FROM meta WHERE key = 'snapshot'")
        } else {
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('snapshot', 'stale')")
        }
    }
}
