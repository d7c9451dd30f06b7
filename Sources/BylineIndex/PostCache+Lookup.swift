import BylineCore
import GRDB

/// What the first live reload after a start from the cache asks of it, each by a query of its own
/// instead of a decode of every row (`contents`, 100,000 rows): the folder's layout and problems, the
/// rows of the named files by path, and the counts a store patch keeps (`PostStore.PatchBase`).
extension PostCache {
    /// The folder as the cache recorded it, and whether some file is reached through a link (its real
    /// path is not under `realRoot` by its own path).
    package struct Folder: Sendable {
        package var layout: SiteLayout
        package var folderDiagnostics: [Diagnostic]
        package var throughLinks: Bool
    }

    package func folder() throws(Unusable) -> Folder {
        try read { db in
            let meta = try Self.meta(db)
            let linked = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM files WHERE absolute != ? || '/' || path)",
                                           arguments: [realRoot]) ?? true
            return Folder(layout: SiteLayout(rawValue: meta["layout"] ?? "") ?? .plain,
                          folderDiagnostics: CacheText.diagnostics(from: meta["folder_diagnostics"] ?? ""), throughLinks: linked)
        }
    }

    /// The rows of the files at `paths` (by the unique index on `path`); a path with no row is left out.
    package func files(at paths: some Sequence<String>) throws(Unusable) -> [CachedFile] {
        try read { db in
            let statement = try db.makeStatement(sql: "SELECT \(Self.fileColumns) FROM files WHERE path = ?")
            var found: [CachedFile] = []
            for path in paths {
                if let row = try Row.fetchOne(statement, arguments: [path]) { found.append(Self.cachedFile(row)) }
            }
            return found
        }
    }

    /// What `PostStore.PatchBase` counts over every file, from the rows that gave a post: the tag
    /// spellings of the posts a store lists (SQLite groups the rows by their tag list: a list is split
    /// once, not once per post), and whether any file is a redirect stub.
    package func patchCounts() throws(Unusable) -> (spellings: [String: Int], hasStubs: Bool) {
        try read { db in
            var spellings: [String: Int] = [:]
            let listed = includeDrafts ? "" : " AND draft = 0"
            let rows = try Row.fetchCursor(db, sql: """
                SELECT tags, COUNT(*) FROM files
                WHERE slug IS NOT NULL AND redirect IS NOT 1 AND tags != ''\(listed) GROUP BY tags
                """)
            while let row = try rows.next() {
                let tags: String = row[0], count: Int = row[1]
                for tag in CacheText.tags(from: tags) { spellings[tag, default: 0] += count }
            }
            let hasStubs = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM files WHERE slug IS NOT NULL AND redirect = 1)") ?? true
            return (spellings, hasStubs)
        }
    }
}
