import BylineCore

/// Search terms as an FTS5 query. The index holds `SearchText`'s normalized words (lower-case letters,
/// digits and marks; ideographs one each), read by FTS5's `ascii` tokenizer, which splits only at
/// ASCII blanks and punctuation: so each stored word is one FTS5 token, and a term `w1 w2` becomes the
/// phrase `"w1 w2"*`: the words side by side in one column, the last one a prefix.
enum FullTextQuery {
    static func match(_ terms: [SearchTerm]) -> String {
        // Normalized words hold no quote or ASCII punctuation, so nothing needs escaping.
        terms.map { "\"" + $0.words.joined(separator: " ") + "\"*" }.joined(separator: " AND ")
    }
}
