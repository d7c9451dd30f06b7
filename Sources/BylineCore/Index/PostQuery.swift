/// What the reader asked for: tags that must be there, tags that must not, and search words.
package struct PostQuery: Hashable, Sendable {
    /// How required tags combine.
    package enum Match: String, Hashable, Sendable {
        /// A post needs every required tag (AND).
        case all
        /// A post needs at least one required tag (OR).
        case any
    }

    package var requiredTags: [String]
    package var excludedTags: [String]
    package var match: Match
    /// Words that must each begin a word of the title, summary, tags or body (case-insensitively;
    /// see `SearchText`).
    package var search: String

    package init(requiredTags: [String] = [], excludedTags: [String] = [], match: Match = .all, search: String = "") {
        self.requiredTags = requiredTags
        self.excludedTags = excludedTags
        self.match = match
        self.search = search
    }

    /// The search as terms, one per typed word (split at blanks); words without a letter or digit ask nothing.
    package var searchTerms: [SearchTerm] {
        search.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { SearchTerm(typed: $0) }
    }

    package var isEmpty: Bool { requiredTags.isEmpty && excludedTags.isEmpty && searchTerms.isEmpty }
}
