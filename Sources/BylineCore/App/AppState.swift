#if canImport(Glibc)
import Glibc
#endif

/// Everything the interface shows, as values. `reduce` is its only writer (every field is read-only
/// outside the core), `AppView` draws it. Compared field by field (synthesized), the store by its serial.
package struct AppState: Equatable, Sendable {
    /// The store with the serial it came with: replaced whole when loading finishes or a background
    /// refresh finds changed files (`.storeReplaced`), and compared by that serial, not by its posts.
    private var source: StoreUpdate
    /// The posts, their tags and their search.
    package var store: PostStore { source.store }
    /// Which store the post numbers in this state count in: changes when a store with other posts
    /// replaces it, so a layout (or layout fact) of post 7 is never taken for another post 7's.
    package private(set) var numbering = 0
    /// Longest search or find text kept, in Unicode scalars: enough for any real query, and a bound on
    /// pasted input. Scalars, not `Character`s: a letter followed by 100,000 combining marks (or
    /// zero-width joiners) is one `Character`, so a limit in characters let such a paste through whole,
    /// and every key searched again with a longer term (31 s, found by fuzzing).
    package static let maximumPromptLength = 200
    /// What of `typed` fits after `prompt` within `maximumPromptLength` scalars; nil for nothing (full,
    /// or nothing typed). Only the prompt is counted whole, never the typed text, which may be a paste.
    static func promptAddition(after prompt: String, _ typed: String) -> String? {
        let room = maximumPromptLength - prompt.unicodeScalars.count
        guard room > 0, !typed.isEmpty else { return nil }
        return promptPrefix(typed, scalars: room)
    }
    /// The first `scalars` Unicode scalars of `text` (a prompt's limit is counted in scalars).
    static func promptPrefix(_ text: String, scalars: Int = maximumPromptLength) -> String {
        LineClip.clipped(text, toScalars: scalars)
    }
    /// The blog's name for the title bar: the folder's name.
    package internal(set) var blogName: String
    /// The screen laid out, within `ScreenLimits` (set through `.resize`).
    package private(set) var width: Int
    package private(set) var height: Int
    package internal(set) var glyphs: Glyphs

    package internal(set) var mode: Mode = .browsing
    package internal(set) var focus: Pane = .list

    // The filter.
    package internal(set) var tagStates: [String: TagState] = [:]
    package internal(set) var match: PostQuery.Match = .all
    package internal(set) var search = ""
    package internal(set) var tagSort: TagSort = .count
    /// The tag pane's row order, as positions in `store.tags.tags`: fixed when the rows are sorted (`s`,
    /// `c`, a new store) and kept while tags are toggled, so a row stays where it was pressed and only
    /// its count changes (`sortTags`).
    package internal(set) var tagOrder: [Int] = []
    /// The post list's order (`S`); `results` are kept in it.
    package internal(set) var listOrder: ListOrder = .newest
    /// The reader's language (from the locale), until the first posts are known and the filter starts
    /// in it (`startInReaderLanguage`); then nil.
    package internal(set) var readerLanguage: String?

    /// The posts the filter leaves, newest first. Derived from the store and the filter; kept only
    /// because a search reads bodies (a test checks it equals `store.matches(query)`).
    package private(set) var results: [Int] = []

    // Positions. Posts and tags are followed by identity, so they stay put when the filter changes.
    package internal(set) var selected: Int?
    package internal(set) var tagCursor: String?
    package internal(set) var listScroll = 0
    package internal(set) var tagScroll = 0
    /// The preview's scroll as the keys asked, bounded by what `layoutFacts` know of the post.
    package internal(set) var previewScroll = 0
    /// What the view measured of the post on screen (see `LayoutFacts`); nil before any was asked.
    package internal(set) var layoutFacts: LayoutFacts?

    /// Post bodies parsed so far, by post number.
    package internal(set) var loaded: [Int: LoadedPost] = [:]
    package internal(set) var failed: [Int: String] = [:]
    /// Bodies asked of the runtime and not yet back, so each is asked for once.
    package internal(set) var loading: Set<Int> = []
    /// Bodies asked of the runtime ahead of need (`Effect.prefetchBodies`) and not yet back. A move
    /// onto one still asks for it with `.loadBody`: the runtime then takes the parse under way.
    package internal(set) var prefetching: Set<Int> = []
    /// Parsed bodies kept once the input pauses (`.inputIdle`; twice as many while keys keep coming):
    /// the selection's, the reader's, and those nearest the selection, plus the neighbours parsed ahead
    /// after that. Bounds memory however far the reader wanders (a 15 KB post parses to roughly 100 KB).
    package static let keptBodies = 12
    /// The posts the reader followed links from, for `B` and `F` (emptied when the reader is left).
    package internal(set) var history = ReadingHistory()
    /// A transient message for the status line.
    package internal(set) var note: String?
    /// The search asked of the runtime and not yet answered (the status line says "searching").
    package internal(set) var pendingSearch: PostQuery?
    /// How far that search has read bodies (`searching 43,000 of 100,000`), when it has to.
    package internal(set) var searchProgress: Progress?
    /// Loading or refreshing in the background, shown in the status line; nil when idle.
    package internal(set) var progress: Progress?
    /// The blog's reading state: read and saved marks, positions, the last visit (`AppState+Marks`).
    /// Empty until `.readingStateLoaded`; changes made before it are kept over what it brings.
    package internal(set) var reading = ReadingState()
    /// Where asking the runtime for the reading state stands (once, for the first store with posts).
    package internal(set) var readingStateLoad: ReadingStateLoad = .notAsked
    /// `reading`'s read and saved marks by post number, for the tag pane's unread counts
    /// (`AppState+Unread`): kept with each change of a mark, built again for a new store.
    package internal(set) var markSets = MarkSets(capacity: 0, numbering: -1)

    /// Work the runtime does in the background, as the status line tells it: `loading 43,000 of 100,000`.
    package struct Progress: Hashable, Sendable {
        package var verb: String
        package var done: Int
        package var total: Int?
        package init(verb: String, done: Int, total: Int?) {
            self.verb = verb
            self.done = done
            self.total = total
        }
    }

    /// Stores above this size skip the instant title-and-summary filter on each keystroke (a pass over
    /// every post) and keep showing the last results until the search answers.
    static let instantFilterLimit = 20_000

    package init(store: PostStore, blogName: String, width: Int, height: Int, glyphs: Glyphs = .unicode, readerLanguage: String? = nil) {
        source = StoreUpdate(store, serial: 0)
        self.blogName = blogName
        (self.width, self.height) = ScreenLimits.clamped(width: width, height: height)
        self.glyphs = glyphs
        self.readerLanguage = readerLanguage
        results = store.matches(query)
        startInReaderLanguage()
        selected = results.first
        sortTags()
        tagCursor = orderedTags.first?.key
    }

    /// Takes a new screen size; one past `ScreenLimits` is used as the limits, so a terminal's (or an SSH
    /// client's) claim sets no memory or work beyond them.
    mutating func resize(width: Int, height: Int) {
        (self.width, self.height) = ScreenLimits.clamped(width: width, height: height)
    }

    /// The filter as a store query.
    package var query: PostQuery {
        PostQuery(requiredTags: tags(in: .required), excludedTags: tags(in: .excluded), match: match, search: search,
                  languages: languages(in: .required), excludedLanguages: languages(in: .excluded))
    }

    /// The names of the tags in `state`, in the index's order. Looks up only the tags in the filter, not
    /// every tag of the blog (hashing a key normalizes it: a key of 50,000 combining marks, every frame).
    package func tags(in state: TagState) -> [String] {
        let keys = tagStates.compactMap { $0.value == state ? $0.key : nil }
        return keys.isEmpty ? [] : store.tags.inIndexOrder(keys).map(\.name)
    }

    package func state(of tagKey: String) -> TagState { tagStates[tagKey] ?? .off }

    /// Updates `results` for the current filter from what needs no disk: tags, titles, summaries.
    /// A search also asks the runtime for body matches (`Effect.search`), which replace these.
    mutating func refreshResults() {
        let tagged = store.tagMatches(query)
        let terms = query.searchTerms
        if terms.isEmpty {
            results = inListOrder(Array(tagged))
        } else if store.posts.count > AppState.instantFilterLimit {
            results = results.filter { tagged.contains($0) }
        } else {
            results = inListOrder(tagged.filter { number in
                let fields = PostStore.searchFields(of: store.posts[number])
                return terms.allSatisfy { term in fields.contains { term.occurs(in: $0) } }
            })
        }
        keepSelection()
    }

    /// Takes a newly loaded or refreshed store, keeping what the reader was looking at: the selected
    /// post and the tag cursor (by path and key), tag states for tags that still exist, the search.
    /// Returns what changed, when the update is to be announced (`StoreChanges.announced`).
    @discardableResult
    mutating func replaceStore(_ update: StoreUpdate) -> StoreChanges.Counts? {
        let newStore = update.store
        // The same posts, now searching through a cache just written: every number still means its
        // post, so the selection, bodies and layouts stand (and 100,000 paths are not hashed to find them).
        if newStore.holdsSamePosts(as: store) {
            source = update
            return nil
        }
        let announced = update.changes?.announced == true
        let oldPosts = store.posts
        let selectedPath = selected.map { store.posts[$0].path }
        let readerPath = readerPost.map { store.posts[$0].path }
        let keptLoaded = loaded.map { (store.posts[$0.key], $0.value) }
        let loadedKeys = loaded.keys
        // A patched store says where each post went (`StoreChanges.renumbering`): no path is hashed.
        let renumbering = update.changes?.renumbering.flatMap { $0.newNumbers.count == oldPosts.count ? $0 : nil }
        let oldResultPaths = renumbering == nil ? results.map { store.posts[$0].path } : []
        // Posts are found again by path; after a first load (from an empty store) there is nothing to
        // find, and 100,000 paths are not hashed on the input thread for nothing.
        let wanted = renumbering == nil && (selectedPath != nil || readerPath != nil || !keptLoaded.isEmpty || !oldResultPaths.isEmpty || announced)
        let oldSelected = selected, oldReader = readerPost, oldResults = renumbering == nil ? [] : results
        let oldMarkSets = markSets
        source = update
        numbering += 1
        layoutFacts = nil
        var numbers = wanted ? Dictionary(newStore.posts.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a }) : [:]
        if let renumbering {
            // The few posts the reader holds, by the patch's numbers (each checked by its path).
            let held = [oldSelected, oldReader].compactMap { $0 } + Array(loadedKeys)
            for old in held {
                let path = oldPosts[old].path
                if let number = renumbering.newNumber(of: old), newStore.posts[number].path == path { numbers[path] = number }
            }
        }
        if wanted {
            markSets = MarkSets(reading: reading, numbers: numbers, capacity: newStore.posts.count, numbering: numbering)
        } else if let renumbering, oldMarkSets.isCurrent(numbering: numbering - 1, capacity: oldPosts.count) {
            markSets = MarkSets(oldMarkSets, renumbering: renumbering, reading: reading, store: newStore, numbering: numbering)
        }
        let counts = !announced ? nil : renumbering.map {
            StoreChanges.counts(old: oldPosts, newCount: newStore.posts.count, renumbering: $0, reread: update.changes?.reread ?? [])
        } ?? StoreChanges.counts(old: oldPosts, newNumbers: numbers, reread: update.changes?.reread ?? [])
        tagStates = tagStates.filter { Self.keyExists($0.key, in: newStore) }
        // A changed file may have a changed body: a body is kept only for a post whose front matter and
        // size are unchanged.
        loaded = [:]
        for (post, body) in keptLoaded {
            // A file read again has a new body, though its front matter and size stayed (`StoreChanges`).
            if update.changes?.reread.contains(post.path) == true { continue }
            if let number = numbers[post.path], newStore.posts[number] == post { loaded[number] = body }
        }
        failed = [:]
        loading = []
        prefetching = []
        // Until the search runs again on the new store, the posts it found are kept where they still are.
        let tagged = store.tagMatches(query)
        if query.searchTerms.isEmpty {
            results = inListOrder(Array(tagged))
        } else {
            let found = renumbering.map { renumbering in oldResults.compactMap(renumbering.newNumber(of:)) } ?? oldResultPaths.compactMap { numbers[$0] }
            results = inListOrder(found.filter { tagged.contains($0) }.sorted())
        }
        selected = selectedPath.flatMap { numbers[$0] }
        keepSelection()
        if let readerPath, let number = numbers[readerPath], case var .reading(reader) = mode {
            reader.post = number
            mode = .reading(reader)
        } else if readerPath != nil, case .reading = mode {
            mode = .browsing
        }
        // A cursor on a tag gone goes to the first row once the rows are counted (`clampPositions`).
        if tagCursor == nil || !Self.keyExists(tagCursor!, in: store) { tagCursor = nil }
        startInReaderLanguage()
        return counts
    }

    /// The first results a running search has settled, final and in order. Past them stay the posts
    /// already known to match by title, summary and tags (`refreshResults`), in a store small enough
    /// to find those at each key; a larger store's list until then is the last search's, and goes.
    mutating func showSettledResults(_ partial: SearchPartial) {
        let known = store.posts.count > AppState.instantFilterLimit ? [] : resultsNewestFirst.filter { $0 > partial.settledThrough }
        setResults(partial.found + known)
    }

    /// Takes a search's results (newest first): a selection still on the first result follows the new
    /// first (the search chose it, not the reader); one the reader moved stays on its post.
    mutating func setResults(_ numbers: [Int]) {
        let followsFirst = selected == nil || selected == results.first
        results = inListOrder(numbers)
        if followsFirst { selectFirstResult() } else { keepSelection() }
    }

    /// Puts `numbers` (newest first) in the list's order, the selection staying on its post.
    mutating func setResultsInOrder(_ numbers: [Int]) {
        results = inListOrder(numbers)
        keepSelection()
    }

    /// The selection stays on the same post while it is still listed; else it moves to the first.
    private mutating func keepSelection() {
        if let selected, results.contains(selected) { return }
        selected = results.first
        previewScroll = 0
    }

    /// Results as a set, for faceted counts.
    package var resultSet: PostSet { PostSet(capacity: store.posts.count, members: results) }

    /// One row of the tag pane.
    package struct TagRow: Hashable, Sendable {
        package var key: String
        package var name: String
        /// Posts among the current results that carry the tag.
        package var count: Int
        /// How many of those are unread; 0 before the reading state is in.
        package var unread = 0
        package var state: TagState
        /// The Languages section's heading: drawn, passed over by the cursor, never toggled.
        package var isHeading = false

        /// Whether the tag cursor is on this row. Compared by bytes: the cursor is always a row's key as
        /// it stands, and `==` on strings compares canonical equivalence, which normalizes a key of
        /// 50,000 combining marks (one grapheme) whole on every comparison, several times a key.
        package func holds(_ cursor: String?) -> Bool {
            guard var cursor, cursor.utf8.count == key.utf8.count else { return false }
            var key = key
            // The cursor was copied from the row, so the two usually share their bytes: no pass at all.
            return cursor.withUTF8 { a in key.withUTF8 { b in a.isEmpty || a.baseAddress == b.baseAddress || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
        }
    }

    /// The tag pane's rows: every tag, counted among the current results, in the chosen order. Derived
    /// from the store, the results, the tag states and the order, and counted again only when one of
    /// them changed (`recountTags`): at 100,000 posts a count is most of a tag toggle's time, and a
    /// list move changes none of them.
    package internal(set) var orderedTags: [TagRow] = []

    /// Counts the tag rows again if what they depend on changed since `before`. Comparing results that
    /// did not change is free: arrays that share storage compare equal at once.
    /// A new store or another sort order sorts the rows again (`sortTags`); a toggle or a search only
    /// counts them again, in the order they stand.
    mutating func recountTags(since before: AppState) {
        keepMarkSetsCurrent()
        if source != before.source || tagSort != before.tagSort || tagOrder.count != store.tags.tags.count {
            sortTags()
            return
        }
        guard tagStates != before.tagStates || results != before.results || tagOrder != before.tagOrder
                || markSets != before.markSets || readingStateLoad != before.readingStateLoad else { return }
        orderedTags = countedTags
    }

    /// The tag pane's rows counted afresh, in `tagOrder`: what `orderedTags` holds. One pass over the
    /// tags, no sort: at 100,000 posts this runs on every toggle.
    var countedTags: [TagRow] {
        let counter = rowCounter
        let tags = store.tags.tags
        let order = tagOrder.count == tags.count ? tagOrder : Array(tags.indices)
        let rows = order.map { index in
            let tag = tags[index]
            let counts = counter(tag.posts)
            return TagRow(key: tag.key, name: tag.name, count: counts.count, unread: counts.unread, state: state(of: tag.key))
        }
        return savedRows(among: counter) + rows + languageRows(among: counter)
    }

    /// The filter written out: `go AND NOT career`, `(go OR rust) AND NOT career`, and the search.
    package var filterDescription: String {
        var parts: [String] = []
        let required = tags(in: .required)
        if !required.isEmpty {
            let joined = required.joined(separator: match == .all ? " AND " : " OR ")
            parts.append(required.count > 1 && match == .any && !tags(in: .excluded).isEmpty ? "(\(joined))" : joined)
        }
        parts += tags(in: .excluded).map { "NOT " + $0 }
        if state(of: Self.savedKey) != .off { parts.insert(state(of: Self.savedKey) == .required ? "saved" : "NOT saved", at: 0) }
        let languages = languages(in: .required)
        if !languages.isEmpty { parts.append("in " + languages.joined(separator: " or ")) }
        parts += self.languages(in: .excluded).map { "NOT in " + $0 }
        var text = parts.joined(separator: " AND ")
        if !search.isEmpty { text += (text.isEmpty ? "" : " · ") + "search: " + search }
        return text
    }

    /// The post the preview and the reader show.
    package var readerPost: Int? {
        if case let .reading(reader) = mode { return reader.post }
        if case let .help(over, _) = mode, case let .reading(reader) = over { return reader.post }
        return nil
    }
}
