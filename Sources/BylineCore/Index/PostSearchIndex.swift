/// A full-text index of a store's posts that answers searches without reading bodies (the persistent
/// cache in BylineIndex). It is fed `SearchText`'s normalized form, so its answers equal a scan's.
package protocol PostSearchIndex: Sendable {
    /// The documents (as numbered in `PostStore.documentIDs`) in which every term occurs in one field
    /// (title, summary, tags or body); nil when the index cannot answer (it is then scanned around).
    func documents(matchingAll terms: [SearchTerm]) -> [Int64]?

    /// The same, giving up (nil) as soon as `cancelled` says so: an index that checks some of its
    /// candidates against the posts' text (terms of several words) stops when the next key supersedes
    /// the search.
    func documents(matchingAll terms: [SearchTerm], cancelled: @escaping @Sendable () -> Bool) -> [Int64]?
}

extension PostSearchIndex {
    /// An index that reads no text answers at once: nothing to cancel.
    package func documents(matchingAll terms: [SearchTerm], cancelled: @escaping @Sendable () -> Bool) -> [Int64]? {
        documents(matchingAll: terms)
    }
}
