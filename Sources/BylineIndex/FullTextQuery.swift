import BylineCore

/// Search terms as an FTS5 query. The index holds `SearchText`'s normalized words (lower-case letters,
/// digits and marks; ideographs one each), read by FTS5's `ascii` tokenizer, which splits only at
/// ASCII blanks and punctuation: so each stored word is one FTS5 token.
///
/// The index keeps no positions (`detail=column`, `CacheSchema`), so it cannot tell words side by side:
/// a term `w1 w2` (`go-lang`, `東京`) asks for documents holding `w1` and a word beginning with `w2`
/// in any field, and those candidates are checked in the text as the scan checks, for exactly the
/// scan's answer (by the store as it scans, `SearchCandidates`; by `PostCache.documents` for the index's
/// own answer). A term of one word is answered by the index alone.
enum FullTextQuery {
    static func match(_ terms: [SearchTerm]) -> String {
        // Normalized words hold no quote or ASCII punctuation, so nothing needs escaping.
        terms.map { term in
            term.words.enumerated().map { index, word in
                "\"" + word + "\"" + (index == term.words.count - 1 ? "*" : "")
            }.joined(separator: " AND ")
        }.joined(separator: " AND ")
    }

    /// The terms whose candidates must be checked against the text: those of several words.
    static func unanswered(_ terms: [SearchTerm]) -> [SearchTerm] {
        terms.filter { $0.words.count > 1 }
    }
}
