@testable import BylineIndex
import BylineCore

/// The FTS5 query a search becomes (internal to BylineIndex).
enum FullTextQueryProbe {
    static func match(_ search: String) -> String { FullTextQuery.match(PostQuery(search: search).searchTerms) }
}

/// PostCache's clean-up of abandoned builds (internal to BylineIndex).
enum PostCacheProbe {
    static func removeAbandonedBuilds(of path: String) { PostCache.removeAbandonedBuilds(of: path) }
}
