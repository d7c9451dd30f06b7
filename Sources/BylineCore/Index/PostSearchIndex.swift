/// A full-text index of a store's posts that answers searches without reading bodies (the persistent
/// cache in BylineIndex). It is fed `SearchText`'s normalized form, so its answers equal a scan's.
package protocol PostSearchIndex: Sendable {
    /// The documents (as numbered in `PostStore.documentIDs`) in which every term occurs in one field
    /// (title, summary, tags or body); nil when the index cannot answer (it is then scanned around).
    func documents(matchingAll terms: [SearchTerm]) -> [Int64]?

    /// What the index tells without reading any text: the documents that may match, and the terms it
    /// could not settle for them, which the store checks in their text as it scans (in list order,
    /// cancellable, its first results shown while it reads). Nil when the index cannot answer.
    func candidates(matchingAll terms: [SearchTerm]) -> SearchCandidates?
}

/// An index's candidates for a search (`PostSearchIndex.candidates`).
package struct SearchCandidates: Sendable {
    /// The documents that may match; every other document does not.
    package var documents: [Int64]
    /// The terms to check in each candidate's text (none: every candidate matches).
    package var unsettled: [SearchTerm]

    package init(documents: [Int64], unsettled: [SearchTerm]) {
        self.documents = documents
        self.unsettled = unsettled
    }
}

extension PostSearchIndex {
    /// An index that settles every term: its answer is its candidates.
    package func candidates(matchingAll terms: [SearchTerm]) -> SearchCandidates? {
        documents(matchingAll: terms).map { SearchCandidates(documents: $0, unsettled: []) }
    }
}
