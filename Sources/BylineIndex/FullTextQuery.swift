import BylineCore

/// Search terms as an FTS5 query. The index holds `SearchText`'s normalized words (lower-case letters,
/// digits and marks; ideographs one each), read by FTS5's `ascii` tokenizer, which splits only at
/// ASCII blanks and punctuation: so each stored word is one FTS5 token. It also holds each two
/// ideographs side by side in a field as one word (`IdeographPairs`).
///
/// The index keeps no positions (`detail=column`, `CacheSchema`), so it cannot tell words side by side:
/// a term `w1 w2` (`go-lang`) asks for documents holding `w1` and a word beginning with `w2` in any
/// field, and those candidates are checked in the text as the scan checks, for exactly the scan's
/// answer (by the store as it scans, `SearchCandidates`; by `PostCache.documents` for the index's own
/// answer). Two ideographs side by side are asked as their pair word instead of the two words: a term
/// of exactly two ideographs (`東京`) is then answered by the index alone, like a term of one word (its
/// last word is a prefix, but a word that begins with an ideograph is that ideograph alone); a longer
/// run (`日本語`) asks for all its pairs and is still checked, since pairs may stand apart.
enum FullTextQuery {
    static func match(_ terms: [SearchTerm]) -> String {
        // Normalized words hold no quote or ASCII punctuation, so nothing needs escaping.
        terms.map { term in
            tokens(term.words).joined(separator: " AND ")
        }.joined(separator: " AND ")
    }

    /// The terms whose candidates must be checked against the text: those of several words, but two
    /// ideographs (answered by their pair word).
    static func unanswered(_ terms: [SearchTerm]) -> [SearchTerm] {
        terms.filter { $0.words.count > 1 && !isPair($0.words) }
    }

    /// Whether `words` are exactly two ideographs: their pair word holds where they stand side by side.
    static func isPair(_ words: [String]) -> Bool {
        words.count == 2 && words.allSatisfy { SearchText.isIdeographWord($0) }
    }

    /// The quoted FTS5 tokens one term asks for: each two ideographs side by side as their pair word,
    /// every other word as itself, the last one (when not in a pair) as a prefix.
    static func tokens(_ words: [String]) -> [String] {
        let ideograph = words.map { SearchText.isIdeographWord($0) }
        var tokens: [String] = []
        for index in words.indices {
            let pairedBefore = index > 0 && ideograph[index - 1] && ideograph[index]
            let pairedAfter = index + 1 < words.count && ideograph[index] && ideograph[index + 1]
            if pairedAfter {
                tokens.append("\"" + IdeographPairs.pair(words[index], words[index + 1]) + "\"")
            } else if !pairedBefore {
                tokens.append("\"" + words[index] + "\"" + (index == words.count - 1 ? "*" : ""))
            }
        }
        return tokens
    }
}
