/// Everything the interface shows, as values. `reduce` changes it, `AppView` draws it.
public struct AppState: Sendable {
    public let store: PostStore
    /// Longest search or find text kept: enough for any real query, and a bound on pasted input.
    public static let maximumPromptLength = 200
    /// The blog's name for the title bar: the folder's name.
    public var blogName: String
    public var width: Int
    public var height: Int
    public var glyphs: Glyphs

    public var mode: Mode = .browsing
    public var focus: Pane = .list

    // The filter.
    public var tagStates: [String: TagState] = [:]
    public var match: PostQuery.Match = .all
    public var search = ""
    public var tagSort: TagSort = .count

    /// The posts the filter leaves, newest first. Derived from the store and the filter; kept only
    /// because a search reads bodies (a test checks it equals `store.matches(query)`).
    public private(set) var results: [Int] = []

    // Positions. Posts and tags are followed by identity, so they stay put when the filter changes.
    public var selected: Int?
    public var tagCursor: String?
    public var listScroll = 0
    public var tagScroll = 0
    public var previewScroll = 0

    /// Post bodies parsed so far, by post number.
    public var loaded: [Int: LoadedPost] = [:]
    public var failed: [Int: String] = [:]
    /// Bodies asked of the runtime and not yet back, so each is asked for once.
    public var loading: Set<Int> = []
    /// A transient message for the status line.
    public var note: String?
    /// Posts already laid out, so frames that do not change them cost nothing (see `LayoutMemo`).
    public let layoutMemo = LayoutMemo()
    /// The tag pane's rows for the current filter (see `TagRowsMemo`).
    public let tagRowsMemo = TagRowsMemo()

    public init(store: PostStore, blogName: String, width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.store = store
        self.blogName = blogName
        self.width = width
        self.height = height
        self.glyphs = glyphs
        results = store.matches(query)
        selected = results.first
        tagCursor = orderedTags.first?.key
    }

    /// The filter as a store query.
    public var query: PostQuery {
        PostQuery(requiredTags: tags(in: .required), excludedTags: tags(in: .excluded), match: match, search: search)
    }

    public func tags(in state: TagState) -> [String] {
        store.tags.tags.filter { tagStates[$0.key] == state }.map(\.name)
    }

    public func state(of tagKey: String) -> TagState { tagStates[tagKey] ?? .off }

    /// Updates `results` for the current filter from what needs no disk: tags, titles, summaries.
    /// A search also asks the runtime for body matches (`Effect.search`), which replace these.
    mutating func refreshResults() {
        let tagged = store.tagMatches(query)
        let words = query.searchWords
        if words.isEmpty {
            results = Array(tagged)
        } else {
            results = tagged.filter { number in
                let post = store.posts[number]
                let text = ([post.title, post.summary] + post.tags).joined(separator: "\n").lowercased()
                return words.allSatisfy { TextSearch.contains(text, $0) }
            }
        }
        keepSelection()
    }

    mutating func setResults(_ numbers: [Int]) {
        results = numbers
        keepSelection()
    }

    /// The selection stays on the same post while it is still listed; else it moves to the first.
    private mutating func keepSelection() {
        if let selected, results.contains(selected) { return }
        selected = results.first
        previewScroll = 0
    }

    /// Results as a set, for faceted counts.
    public var resultSet: PostSet { PostSet(capacity: store.posts.count, members: results) }

    /// One row of the tag pane.
    public struct TagRow: Hashable, Sendable {
        public var key: String
        public var name: String
        /// Posts among the current results that carry the tag.
        public var count: Int
        public var state: TagState
    }

    /// The tag pane's rows: every tag, counted among the current results, in the chosen order.
    public var orderedTags: [TagRow] {
        tagRowsMemo.rows(results: results, tagStates: tagStates, tagSort: tagSort) { countedTags }
    }

    /// The tag pane's rows counted afresh: what `orderedTags` remembers.
    var countedTags: [TagRow] {
        let current = resultSet
        var rows = store.tags.tags.map { tag in
            TagRow(key: tag.key, name: tag.name, count: tag.posts.intersectionCount(current), state: state(of: tag.key))
        }
        switch tagSort {
        case .count: rows.sort { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        case .name: rows.sort { $0.key < $1.key }
        }
        return rows
    }

    /// The filter written out: `go AND NOT career`, `(go OR rust) AND NOT career`, and the search.
    public var filterDescription: String {
        var parts: [String] = []
        let required = tags(in: .required)
        if !required.isEmpty {
            let joined = required.joined(separator: match == .all ? " AND " : " OR ")
            parts.append(required.count > 1 && match == .any && !tags(in: .excluded).isEmpty ? "(\(joined))" : joined)
        }
        parts += tags(in: .excluded).map { "NOT " + $0 }
        var text = parts.joined(separator: " AND ")
        if !search.isEmpty { text += (text.isEmpty ? "" : " · ") + "search: " + search }
        return text
    }

    /// The post the preview and the reader show.
    public var readerPost: Int? {
        if case let .reading(reader) = mode { return reader.post }
        if case let .help(over, _) = mode, case let .reading(reader) = over { return reader.post }
        return nil
    }
}

extension AppState: Equatable {
    /// Two states are equal when they show the same: the store is compared by folder and posts.
    public static func == (lhs: AppState, rhs: AppState) -> Bool {
        lhs.store.realRoot == rhs.store.realRoot && lhs.store.posts == rhs.store.posts && lhs.blogName == rhs.blogName
            && lhs.width == rhs.width && lhs.height == rhs.height && lhs.glyphs == rhs.glyphs && lhs.mode == rhs.mode
            && lhs.focus == rhs.focus && lhs.tagStates == rhs.tagStates && lhs.match == rhs.match && lhs.search == rhs.search
            && lhs.tagSort == rhs.tagSort && lhs.results == rhs.results && lhs.selected == rhs.selected
            && lhs.tagCursor == rhs.tagCursor && lhs.listScroll == rhs.listScroll && lhs.tagScroll == rhs.tagScroll
            && lhs.previewScroll == rhs.previewScroll && lhs.loaded == rhs.loaded && lhs.failed == rhs.failed
            && lhs.loading == rhs.loading && lhs.note == rhs.note
    }
}
