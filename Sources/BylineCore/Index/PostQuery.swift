/// What the reader asked for: tags that must be there, tags that must not, languages, and search words.
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
    /// Posts in any of these languages (exact tags, as `PostStore.languages` names them); none: any language.
    package var languages: [String]
    /// Posts in none of these languages.
    package var excludedLanguages: [String]
    /// Words that must each begin a word of the title, summary, tags or body (case-insensitively;
    /// see `SearchText`).
    package var search: String

    package init(requiredTags: [String] = [], excludedTags: [String] = [], match: Match = .all, search: String = "",
                languages: [String] = [], excludedLanguages: [String] = []) {
        self.requiredTags = requiredTags
        self.excludedTags = excludedTags
        self.match = match
        self.languages = languages
        self.excludedLanguages = excludedLanguages
        self.search = search
    }

    /// The search as terms, one per typed word (split at blanks); words without a letter or digit ask nothing.
    package var searchTerms: [SearchTerm] {
        search.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { SearchTerm(typed: $0) }
    }

    package var isEmpty: Bool {
        requiredTags.isEmpty && excludedTags.isEmpty && languages.isEmpty && excludedLanguages.isEmpty && searchTerms.isEmpty
    }
}
