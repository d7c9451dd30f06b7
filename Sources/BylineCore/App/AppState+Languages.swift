/// The tag pane's Languages section: when a blog has posts in more than one language, each language is
/// a row after the tags, required and excluded with the same keys (a post has one language, so the
/// languages asked for combine as "any of them"). The reader starts in the reader's own language
/// (`readerLanguage`, from the locale) when the blog has it; clearing the filter, or the row, shows all.
extension AppState {
    /// Row keys start with a byte no tag key holds (a NUL makes a file unreadable), so a language row
    /// never answers for a tag; the section's heading is the prefix alone.
    static let languageKeyPrefix = "\u{0}"

    /// The row key of a language of the store's `languages` index.
    static func languageKey(_ language: TagIndex.Tag) -> String { languageKeyPrefix + language.key }

    /// The heading and the language rows, counted among `current`; none for a blog of one language.
    func languageRows(among counter: RowCounter) -> [TagRow] {
        guard store.languages.tags.count > 1 else { return [] }
        var rows = store.languages.tags.map { language in
            let key = Self.languageKey(language)
            let counts = counter(language.posts)
            return TagRow(key: key, name: language.name, count: counts.count, unread: counts.unread, state: state(of: key))
        }
        if tagSort == .name { rows.sort { $0.key < $1.key } }
        return [TagRow(key: Self.languageKeyPrefix, name: "Languages", count: 0, state: .off, isHeading: true)] + rows
    }

    /// The names of the languages in `state`, in the index's order.
    func languages(in state: TagState) -> [String] {
        let keys = tagStates.compactMap { entry -> String? in
            guard entry.value == state, entry.key.hasPrefix(Self.languageKeyPrefix), entry.key.utf8.count > 1 else { return nil }
            return String(entry.key.dropFirst())
        }
        return keys.isEmpty ? [] : store.languages.inIndexOrder(keys).map(\.name)
    }

    /// Whether a tag state's key still names a tag or a language of `store`.
    static func keyExists(_ key: String, in store: PostStore) -> Bool {
        key == savedKey ? true : key.hasPrefix(languageKeyPrefix) ? store.languages.tag(named: String(key.dropFirst())) != nil : store.tags.tag(named: key) != nil
    }

    /// Filters by the reader's language once the blog's posts are known, if the blog is written in more
    /// than one and has that one in any region (`fr` and `fr-FR` for a reader in `fr-FR`: a French
    /// post is read by every French reader), and says so.
    mutating func startInReaderLanguage() {
        guard let wanted = readerLanguage, !store.posts.isEmpty else { return }
        readerLanguage = nil
        let names = LanguageTag.sameLanguage(in: store.languages.tags.map(\.name), as: wanted)
        guard store.languages.tags.count > 1, !names.isEmpty else { return }
        for name in names {
            if let language = store.languages.tag(named: name) { tagStates[Self.languageKey(language)] = .required }
        }
        note = "showing the posts in \(names.joined(separator: " and ")), your language; c shows every post"
        refreshResults()
    }
}
