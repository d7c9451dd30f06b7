@testable import BylineIndex
import BylineCore

/// The FTS5 query a search becomes (internal to BylineIndex).
enum FullTextQueryProbe {
    static func match(_ search: String) -> String { FullTextQuery.match(PostQuery(search: search).searchTerms) }
}
