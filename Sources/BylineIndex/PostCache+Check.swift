import BylineCore
import GRDB

/// The index's candidates for terms of several words, checked against their posts' text: the cache's
/// row of each (title, summary, tags, authors) and its body read from disk, as the scan reads them.
extension PostCache {
    /// Candidates checked at a time: a block's rows are read in one read of the cache, then checked on
    /// all cores, so neither the rows nor the bodies of every candidate are held at once.
    static let checkBlock = 1024

    /// The `candidates` (documents, in the index's order) whose post holds every term of `terms`; nil
    /// when cancelled or the rows cannot be read. A document no file points to any more is dropped.
    func checked(_ candidates: [Int64], _ terms: [SearchTerm], cancelled: @escaping @Sendable () -> Bool) -> [Int64]? {
        var kept: [Int64] = []
        for start in stride(from: 0, to: candidates.count, by: Self.checkBlock) {
            guard !cancelled() else { return nil }
            let block = Array(candidates[start..<min(start + Self.checkBlock, candidates.count)])
            guard let files = try? read({ db in
                let statement = try db.makeStatement(sql: "SELECT \(Self.fileColumns) FROM files WHERE document = ?")
                return try block.map { document in try Row.fetchOne(statement, arguments: [document]).map(Self.cachedFile) }
            }) else { return nil }
            let found = ParallelMap.map(files) { file -> Bool in
                guard let file, let post = file.post, !cancelled() else { return false }
                return PostStore.post(post, bodyAt: file.absolutePath, containsAll: terms, cancelled: cancelled)
            }
            guard !cancelled() else { return nil }
            for (document, holds) in zip(block, found) where holds { kept.append(document) }
        }
        return kept
    }
}
