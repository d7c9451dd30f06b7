#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import Foundation
import GRDB
import Synchronization

/// A blog's persistent cache: every file's post and stamp, and a full-text index of the words of every
/// post, in one SQLite file; the whole store beside it in a store file every reader maps
/// (`PostCache+StoreFile.swift`). It answers searches for the store (`PostSearchIndex`) on a connection of
/// its own, so a search never waits behind a write for long.
///
/// Written only inside transactions, and built anew into a temporary file renamed over the old one, so
/// a reader (or a crash) never sees half a cache.
package final class PostCache: PostSearchIndex, @unchecked Sendable {
    /// Why a cache file cannot be used; the caller rebuilds it (or, read-only, scans instead).
    package struct Unusable: Error, CustomStringConvertible, Equatable {
        package var description: String
        /// There is no cache file at all (not a problem to report: one is simply not made yet).
        package var isMissing = false
    }

    /// What the cache says about its blog.
    package struct Contents: Sendable {
        package var files: [CachedFile]
        package var layout: SiteLayout
        /// Problems with the folder itself (the finder's), not with one file.
        package var folderDiagnostics: [Diagnostic]
    }

    package let path: String
    package let isWritable: Bool
    private let reader: DatabaseQueue
    /// The generation of the rows as this process last read or wrote them (meta `generation`): the
    /// store file of that build is the one to map, and a snapshot is written only over rows still of
    /// it. Nil when another process changed the rows under this one's patch.
    let rowsGeneration: Mutex<UInt64?>
    var knownGeneration: UInt64? { rowsGeneration.withLock { $0 } }
    let realRoot: String
    let includeDrafts: Bool

    /// Opens an existing cache for `realRoot`; throws when it is missing, of another version or blog,
    /// or not a database at all.
    package init(path: String, realRoot: String, includeDrafts: Bool, writable: Bool) throws(Unusable) {
        self.path = path
        self.isWritable = writable
        self.realRoot = realRoot
        self.includeDrafts = includeDrafts
        guard access(path, F_OK) == 0 else { throw Unusable(description: "no cache at \(path)", isMissing: true) }
        do {
            reader = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: true))
            let meta = try reader.read(Self.meta)
            guard meta["version"] == CacheSchema.version else {
                throw Unusable(description: "cache \(path) is of another version (\(meta["version"] ?? "none"))")
            }
            guard meta["root"] == realRoot, meta["drafts"] == (includeDrafts ? "1" : "0") else {
                throw Unusable(description: "cache \(path) belongs to another folder")
            }
            rowsGeneration = Mutex(meta["generation"].flatMap { UInt64($0) })
        } catch let error as Unusable {
            throw error
        } catch {
            throw Unusable(description: "cache \(path) cannot be read: \(error)")
        }
    }

    /// The `meta` table as a dictionary: version, folder, drafts, layout, folder problems, dead words.
    static func meta(_ db: Database) throws -> [String: String] {
        try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
            ($0[0] as String, $0[1] as String)
        })
    }

    /// The reader connection's own page cache, in KiB: small, as searches read the index mapped.
    static let readerCacheKiB = 512
    /// How much of the cache file the reader connection maps once it searches: all of it (SQLite lowers
    /// this to its build's limit).
    static let readerMapBytes: Int64 = 1 << 40
    /// Whether the reader connection maps the file (`mapIndex`); read and written on its queue alone.
    private var mapped = false

    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(10)
        configuration.label = readonly ? "byline-cache-read" : "byline-cache-write"
        if readonly {
            configuration.prepareDatabase { db in
                // A small page cache of its own (SQLite's default is 2 MB a connection): what is read in
                // one pass at a start (the snapshot, the stamps) only passes through it, and searches
                // read the index mapped (`mapIndex`).
                try db.execute(sql: "PRAGMA cache_size = -\(Self.readerCacheKiB)")
            }
        }
        return configuration
    }

    // MARK: Reading

    /// Every file the cache knows, with the folder's layout and problems.
    package func contents() throws(Unusable) -> Contents {
        try read { db in
            let meta = try Self.meta(db)
            var files: [CachedFile] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.fileColumns) FROM files ORDER BY rowid")
            while let row = try rows.next() { files.append(Self.cachedFile(row)) }
            return Contents(files: files, layout: SiteLayout(rawValue: meta["layout"] ?? "") ?? .plain,
                            folderDiagnostics: CacheText.diagnostics(from: meta["folder_diagnostics"] ?? ""))
        }
    }

    /// The columns `cachedFile(_:)` reads, in its order.
    static let fileColumns = """
        path, absolute, size, modified, document, slug, title, date, tags, summary, draft, file_size,
        diagnostics, language, authors, aliases, redirect, redirect_to, redirect_line
        """

    /// A file's row (`fileColumns`) as the file it records.
    static func cachedFile(_ row: Row) -> CachedFile {
        let path: String = row[0]
        var post: Post?
        if let slug: String = row[5] {
            let date: String? = row[7]
            post = Post(path: path, slug: slug, title: row[6], date: date.flatMap(PostDateParser.parse),
                        tags: CacheText.tags(from: row[8]), summary: row[9], draft: row[10] as Int != 0,
                        fileSize: row[11], authors: CacheText.tags(from: row[14] ?? ""), language: row[13])
            post?.aliases = CacheText.tags(from: row[15] ?? "")
            if row[16] as Int? == 1 { post?.redirect = RedirectStub(target: row[17], line: row[18]) }
        }
        let diagnostics: String = row[12]
        return CachedFile(path: path, absolutePath: row[1], stamp: FileStamp(size: row[2], modified: row[3]),
                          document: row[4], post: post,
                          diagnostics: diagnostics.isEmpty ? [] : CacheText.diagnostics(from: diagnostics))
    }

    /// A read on the reader's connection; any failure is the cache's being unreadable.
    func read<T>(_ body: (Database) throws -> T) throws(Unusable) -> T {
        do {
            return try reader.read(body)
        } catch {
            throw Unusable(description: "cache \(path) cannot be read: \(error)")
        }
    }

    /// The reader connection's value of `pragma` (`cache_size`, `mmap_size`): what its tests look at.
    func readerSetting(_ pragma: String) -> Int? {
        try? reader.read { db in try Int.fetchOne(db, sql: "PRAGMA \(pragma)") }
    }

    /// Documents the index holds that no file points to any more (replaced or removed posts).
    package func deadDocuments() -> Int {
        (try? reader.read { db in try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'dead'") ?? 0 }) ?? 0
    }

    // MARK: PostSearchIndex

    /// The index's answer alone, exact: its candidates, those of a term of several words checked
    /// against their post as the scan checks it (`checked`). (The store checks them itself as it scans,
    /// from `candidates`, showing its first results meanwhile.)
    package func documents(matchingAll terms: [SearchTerm]) -> [Int64]? {
        guard let found = candidates(matchingAll: terms) else { return nil }
        return found.unsettled.isEmpty ? found.documents : checked(found.documents, found.unsettled, cancelled: { false })
    }

    /// The documents holding every word of every term (`FullTextQuery`); the index keeps no positions,
    /// so it cannot tell `go lang` side by side from `go` and `lang` apart: terms of several words are
    /// left to be checked in the text.
    package func candidates(matchingAll terms: [SearchTerm]) -> SearchCandidates? {
        guard !terms.isEmpty else { return nil }
        let documents = try? reader.read { db in
            try mapIndex(db)
            return try Int64.fetchAll(db, sql: "SELECT rowid FROM words WHERE words MATCH ?", arguments: [FullTextQuery.match(terms)])
        }
        return documents.map { SearchCandidates(documents: $0, unsettled: FullTextQuery.unanswered(terms)) }
    }

    /// Searches read the index from the file mapped into memory, not copied into a page cache of the
    /// connection's own: the kernel's page cache holds one copy of the pages searched for every reader of
    /// the blog, and no reader keeps a private copy. Mapped at the first search, so that what a start
    /// reads once (the snapshot, the stamps) is not left mapped in every reader.
    private func mapIndex(_ db: Database) throws {
        guard !mapped else { return }
        try db.execute(sql: "PRAGMA mmap_size = \(Self.readerMapBytes)")
        mapped = true
    }

    /// `body` with the file not mapped, for a read of every row in one pass (`stampTable`) that a search
    /// mapped before it would otherwise leave mapped; mapped again after.
    func unmapped<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        guard mapped else { return try body() }
        try db.execute(sql: "PRAGMA mmap_size = 0")
        defer { try? db.execute(sql: "PRAGMA mmap_size = \(Self.readerMapBytes)") }
        return try body()
    }

    // MARK: Writing

    /// A post's words to add to the index: its fields normalized by `SearchText`, with each two
    /// ideographs side by side as a word of their own (`IdeographPairs`), each word once a field
    /// (`DistinctWords`: the index keeps no positions or counts).
    package struct Words: Sendable {
        var title: String, summary: String, tags: String, authors: String, body: String
        package init(post: Post, body: String) {
            self.init(post: post, normalizedBody: SearchText.normalized(body))
        }

        /// The same from the body's bytes as `PostLoader.bodyBytes` reads them: no String of it is made.
        package init(post: Post, bodyBytes: ArraySlice<UInt8>) {
            self.init(post: post, normalizedBody: bodyBytes.withUnsafeBufferPointer(SearchText.normalized))
        }

        private init(post: Post, normalizedBody: [UInt8]) {
            title = Self.field(SearchText.normalized(post.title))
            summary = Self.field(SearchText.normalized(post.summary))
            tags = Self.field(SearchText.normalized(post.tags.joined(separator: " ")))
            authors = Self.field(SearchText.normalized(post.authors.joined(separator: " ")))
            body = Self.field(normalizedBody)
        }

        /// One field's words as the index holds them: each once, with its ideograph pairs.
        private static func field(_ normalized: [UInt8]) -> String {
            DistinctWords.of(IdeographPairs.adding(to: normalized))
        }
    }

    /// Adds the words of new and changed posts, then records every file (in store order), the store's
    /// file and the folder's state, in one transaction. `files[i].document` must be set for each new
    /// document, and `store` is the files' store searching through this cache (`BlogLoad.store`): its
    /// documents are the files'.
    package func write(files: [CachedFile], store: PostStore, newDocuments: [(document: Int64, words: Words)], dead: Int,
                      layout: SiteLayout, folderDiagnostics: [Diagnostic], giveWay: GiveWay? = nil) throws(Unusable) {
        guard isWritable else { throw Unusable(description: "cache \(path) is read-only") }
        do {
            // Opened for the write, not with the cache: most sessions never write, and the cached
            // first screen need not wait for a second connection.
            let writer = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false))
            let written = Self.newGeneration()
            try writer.write { db in
                try Self.insert(newDocuments, into: db, giveWay: giveWay)
                try db.execute(sql: "DELETE FROM files")
                try Self.insertFiles(files, into: db)
                try Self.insertFolder(layout: layout, folderDiagnostics: folderDiagnostics, dead: dead, into: db)
                try Self.setGeneration(written, in: db)
                try Self.markSnapshot(current: true, in: db)
                // Inside the transaction: two writers' files and rows never interleave.
                try Self.writeStoreFile(store, documentIDs: store.documentIDs, generation: written, cachePath: path)
            }
            rowsGeneration.withLock { $0 = written }
            try writer.close()
            Self.removeOlderHeadFile(of: path)
        } catch {
            throw Unusable(description: "cache \(path) cannot be written: \(error)")
        }
    }

    /// One file as a build records it, with its words when it is indexed.
    package struct FileRow: Sendable {
        package var file: CachedFile
        package var words: Words?
    }

    /// Builds a cache from nothing into a temporary file beside `path`, renamed over it when complete.
    /// `rows` gives the files at a range of positions, in the order they are recorded (the store's:
    /// its posts newest first, then the files that gave none), `rowsAtOnce` at a time: a blog's
    /// bodies, and its files as recorded, are never all in memory. With `pipelined`, `rows` of the next
    /// chunk runs on another thread while this one's are inserted (`BuildPipeline`). Files are committed
    /// `CacheSchema.transactionRows` at a time (whole chunks). Returns each of the store's posts'
    /// document number (nil when not indexed).
    @discardableResult
    package static func build(path: String, realRoot: String, includeDrafts: Bool, count: Int, store: PostStore,
                             layout: SiteLayout, folderDiagnostics: [Diagnostic], rowsAtOnce: Int = 512, pipelined: Bool = false,
                             giveWay: GiveWay? = nil,
                             rows: (_ range: Range<Int>) -> [FileRow],
                             progress: (_ done: Int) -> Void = { _ in }) throws(Unusable) -> [Int64?] {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        let temporary = path + ".tmp-\(getpid())"
        removeAbandonedBuilds(of: path)
        unlink(temporary)
        do {
            var configuration = configuration(readonly: false)
            configuration.prepareDatabase { db in
                // A private file until the rename: no journal needed, nothing to sync until the end. (The
                // page cache is sized with the page size, in `CacheSchema.create`.)
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            }
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            let generation = newGeneration()
            try queue.inDatabase { db in
                try CacheSchema.create(db)
                if pipelined { try CacheSchema.setBuilding(true, in: db) }
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('version', ?), ('root', ?), ('drafts', ?)",
                               arguments: [CacheSchema.version, realRoot, includeDrafts ? "1" : "0"])
                try setGeneration(generation, in: db)
            }
            var documentIDs = DocumentIDs(store)
            var next: Int64 = 1
            let chunk = max(1, rowsAtOnce)
            let chunksPerTransaction = max(1, CacheSchema.transactionRows / chunk)
            try queue.inDatabase { db in
                // Transactions of `transactionRows` files (whole chunks); while one chunk is inserted, the
                // next is read and normalized beside it when the build may use all cores.
                try BuildPipeline.run(count: count, chunk: chunk, beside: pipelined, rows: rows) { range, chunkRows, isLast in
                    let number = range.lowerBound / chunk
                    if number % chunksPerTransaction == 0 { try db.execute(sql: "BEGIN") }
                    var partRows = chunkRows
                    var added: [(document: Int64, words: Words)] = []
                    for index in partRows.indices {
                        guard let words = partRows[index].words.take() else { continue }
                        partRows[index].file.document = next
                        documentIDs.record(next, of: partRows[index].file.path, at: range.lowerBound + index)
                        added.append((next, words))
                        next += 1
                    }
                    try insert(added, into: db, giveWay: giveWay)
                    try insertFiles(partRows.lazy.map(\.file), into: db)
                    if isLast || (number + 1) % chunksPerTransaction == 0 { try db.execute(sql: "COMMIT") }
                    progress(range.upperBound)
                }
            }
            let found = documentIDs.finish()
            try queue.inDatabase { db in
                try insertFolder(layout: layout, folderDiagnostics: folderDiagnostics, dead: 0, into: db)
                if pipelined { try CacheSchema.setBuilding(false, in: db) }
                // One compact b-tree per column instead of many small segments: faster searches.
                try db.execute(sql: "INSERT INTO words(words) VALUES ('optimize')")
            }
            try queue.close()
            // The store file first: until the cache is renamed too, a reader pairs the old cache with
            // it, sees another generation and makes its store from the rows.
            try writeStoreFile(store, documentIDs: found, generation: generation, cachePath: path)
            guard let written = FileHandle(forReadingAtPath: temporary), (try? written.synchronize()) != nil,
                  rename(temporary, path) == 0 else {
                throw Unusable(description: "cannot move the new cache into \(path): \(String(cString: strerror(errno)))")
            }
            removeOlderHeadFile(of: path)
            return found
        } catch let error as Unusable {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw Unusable(description: "cannot build the cache \(path): \(error)")
        }
    }

    /// The store's posts' documents, gathered as a build records files: a file at position `i` is
    /// usually the store's post `i` (files are recorded in store order); any other is looked up by path.
    private struct DocumentIDs {
        let store: PostStore
        var byPost: [Int64?]
        var elsewhere: [String: Int64] = [:]

        init(_ store: PostStore) {
            self.store = store
            byPost = [Int64?](repeating: nil, count: store.posts.count)
        }

        mutating func record(_ document: Int64, of path: String, at position: Int) {
            if position < byPost.count, store.posts[position].path == path { byPost[position] = document } else { elsewhere[path] = document }
        }

        func finish() -> [Int64?] {
            guard !elsewhere.isEmpty else { return byPost }
            var found = byPost
            for (number, post) in store.posts.enumerated() where found[number] == nil { found[number] = elsewhere[post.path] }
            return found
        }
    }

    /// The next free document number.
    package func nextDocument() -> Int64 {
        (try? reader.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(document) FROM files") ?? 0 }).map { $0 + 1 } ?? 1
    }

    static func insert(_ documents: [(document: Int64, words: Words)], into db: Database, giveWay: GiveWay?) throws {
        guard !documents.isEmpty else { return }
        let statement = try db.makeStatement(sql: "INSERT INTO words(rowid, title, summary, tags, authors, body) VALUES (?, ?, ?, ?, ?, ?)")
        for (document, words) in documents {
            giveWay?.point()
            try statement.execute(arguments: [document, words.title, words.summary, words.tags, words.authors, words.body])
        }
    }

    /// Older bylines kept the cache's first screen in a file beside it (`<cache>-head`). None is read
    /// now; it goes when the cache is written, so that it does not outlive the cache it described.
    /// (Restricted mode writes no cache, and so removes nothing either.)
    static func removeOlderHeadFile(of path: String) {
        unlink(path + "-head")
    }

    static func insertFiles<Files: Sequence<CachedFile>>(_ files: Files, into db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO files(path, absolute, size, modified, document, slug, title, date, tags, summary, draft, file_size,
                              diagnostics, language, authors, aliases, redirect, redirect_to, redirect_line)
                              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for file in files {
            let post = file.post
            try statement.execute(arguments: [
                file.path, file.absolutePath, file.stamp.size, file.stamp.modified, file.document,
                post?.slug, post?.title, post?.date?.iso8601, post.map { CacheText.tags($0.tags) }, post?.summary,
                post.map { $0.draft ? 1 : 0 }, post?.fileSize, CacheText.diagnostics(file.diagnostics), post?.language,
                post.map { CacheText.tags($0.authors) }, post.map { CacheText.tags($0.aliases) }, post?.redirect == nil ? 0 : 1,
                post?.redirect?.target, post?.redirect?.line,
            ])
        }
    }

    private static func insertFolder(layout: SiteLayout, folderDiagnostics: [Diagnostic], dead: Int, into db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('layout', ?), ('folder_diagnostics', ?), ('dead', ?)",
                       arguments: [layout.rawValue, CacheText.diagnostics(folderDiagnostics), String(dead)])
    }

    /// Temporary files of builds whose process is gone (killed mid-build): `PATH.tmp-PID`.
    static func removeAbandonedBuilds(of path: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            guard name.hasPrefix(prefix), let pid = pid_t(name.dropFirst(prefix.count)) else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(directory + "/" + name) }
        }
    }
}
