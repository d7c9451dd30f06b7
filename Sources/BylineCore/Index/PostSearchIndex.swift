/// A full-text index of a store's posts that answers searches without reading bodies (the persistent
/// cache in BylineIndex). It is fed `SearchText`'s normalized form, so its answers equal a scan's.
package protocol PostSearchIndex: Sendable {
    /// The documents (as numbered in `PostStore.documentIDs`) in which every term occurs in one field
    /// (title, summary, tags or body); nil when the index cannot answer (it is then scanned around).
    func documents(matchingAll terms: [SearchTerm]) -> [Int64]?
}
