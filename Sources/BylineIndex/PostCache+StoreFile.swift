#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import GRDB

/// The cache's store file (`MappedStore`): the whole store as of the last write, beside the SQLite
/// file, mapped by every reader instead of decoded. It names the cache build it belongs to (a random
/// generation, also in the cache's `meta`), so a store file of another build (other document numbers)
/// is never paired with these rows. Every change to the rows takes a new generation; the file is
/// written whole (`MappedStoreWriter`) inside the same SQLite write transaction that records its
/// generation, so two writers never interleave.
extension PostCache {
    /// The store file beside the cache file `path`: `.sqlite` becomes `.store`.
    package static func storePath(of path: String) -> String {
        (path.hasSuffix(".sqlite") ? String(path.dropLast(".sqlite".count)) : path) + ".store"
    }

    /// This cache's store file.
    package var storePath: String { Self.storePath(of: path) }

    /// A new random generation, never 0 (0 is no generation).
    static func newGeneration() -> UInt64 {
        var generation: UInt64 = 0
        while generation == 0 { generation = UInt64.random(in: 1...UInt64.max) }
        return generation
    }

    static func storedGeneration(_ db: Database) throws -> UInt64? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'").flatMap { UInt64($0) }
    }

    static func setGeneration(_ generation: UInt64, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", arguments: [String(generation)])
    }

    /// The store as of the last write, mapped from the store file (throws when it is missing, of another
    /// cache build, or bad in any way): nothing per post is made; it answers searches through this cache.
    package func mappedStore(root: String) throws(Unusable) -> PostStore {
        guard let generation = knownGeneration else { throw Unusable(description: "cache \(path) names no store file", isMissing: true) }
        do {
            return try MappedStore.open(path: storePath, root: root, generation: generation).searching(with: self)
        } catch {
            throw Unusable(description: error.description, isMissing: error.isMissing)
        }
    }

    /// Writes `store` (with `documentIDs`) as the store file of generation `generation` (the caller
    /// records it in `meta` in the same transaction).
    static func writeStoreFile(_ store: PostStore, documentIDs: [Int64?], generation: UInt64, cachePath: String) throws {
        removeAbandonedBuilds(of: storePath(of: cachePath))
        do {
            try MappedStoreWriter.write(store, documentIDs: documentIDs, generation: generation, to: storePath(of: cachePath))
        } catch {
            throw Unusable(description: error.description)
        }
    }
}
