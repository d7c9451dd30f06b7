/// The reading state in the reducer: asked for once the blog has posts, taken when read, and changed
/// by the read and saved keys and by the reader (a post opened is read; where it was left is kept).
/// Every change leaves as `Effect.saveReadingState`; the runtime writes it off the input thread.
extension Reducer {
    /// Asks for the reading state once, for the first store with posts: at start, or (`afterLoad`)
    /// when the blog loaded into an empty first store.
    static func askReadingState(_ state: inout AppState, afterLoad: Bool = false) -> [Effect] {
        guard state.readingStateLoad == (afterLoad ? .awaitingPosts : .notAsked) else { return [] }
        guard !state.store.posts.isEmpty else {
            state.readingStateLoad = .awaitingPosts
            return []
        }
        state.readingStateLoad = .asked
        return [.loadReadingState]
    }

    /// Takes the loaded state; what this session changed before it came stands over it. Welcomes a
    /// returning reader with how many posts are new since the last visit (`WelcomeLine`): new means
    /// first seen (by this blog's state) after it.
    static func readingStateLoaded(_ state: inout AppState, _ loaded: ReadingState) -> [Effect] {
        var merged = loaded
        merged.prepared = nil
        let madeBefore = state.reading.posts
        for (path, session) in madeBefore {
            merged.posts[path] = StoredPost(key: session.key, marks: session.marks, firstSeen: loaded.posts[path]?.firstSeen ?? session.firstSeen)
        }
        state.reading = merged
        state.readingStateLoad = .loaded
        state.takeMarkSets(loaded.prepared, madeBefore: madeBefore)
        savedChanged(&state)
        if let lastVisit = loaded.lastVisit {
            let new = loaded.prepared?.newSinceLastVisit ?? loaded.posts.values.reduce(0) { $0 + ($1.firstSeen > lastVisit ? 1 : 0) }
            state.note = WelcomeLine.text(newPosts: new, clock: loaded.clock)
        }
        return []
    }

    /// The saved posts changed (or came): the list filtered again when the "saved" row is part of the
    /// filter. The rows are counted again by `recountTags`, which sees the marks changed (`markSets`).
    static func savedChanged(_ state: inout AppState) {
        if state.state(of: AppState.savedKey) != .off { state.refreshResults() }
    }

    /// `r`, `*` and `R`: the post under the reader or the selection, or every post of the list.
    static func reduceMarks(_ state: inout AppState, _ action: Action) -> [Effect] {
        let posts: [Int]
        switch action {
        case .markAllRead: posts = state.results
        default: posts = (state.readerPost ?? state.selected).map { [$0] } ?? []
        }
        var entries: [ReadingStateChange.Entry] = []
        // Each writes its one field: another session's change of the post's other marks stands.
        let fields: ReadingStateChange.Fields = action == .toggleSaved ? .saved : .read
        for post in posts {
            var marks = state.marks(of: post)
            switch action {
            case .toggleRead: marks.read.toggle()
            case .toggleSaved: marks.saved.toggle()
            default:
                guard !marks.read else { continue }
                marks.read = true
            }
            var entry = state.setMarks(marks, of: post)
            entry.fields = fields
            entries.append(entry)
        }
        if action == .toggleSaved, !entries.isEmpty { savedChanged(&state) }
        if action == .markAllRead {
            state.note = entries.isEmpty ? "every post here is read" : "\(StatusLine.grouped(entries.count)) marked read"
        }
        return entries.isEmpty ? [] : [.saveReadingState(ReadingStateChange(entries))]
    }

    /// When the reader's post changed (opened, followed to, left): the post left keeps where it was
    /// read to; the post opened becomes read, and returns to where it was left.
    static func readerMoved(_ state: inout AppState, since before: AppState) -> [Effect] {
        let left = before.openReader.map { (reader: $0, key: PostKey(before.store.posts[$0.post])) }
        let opened = state.readerPost
        guard left?.key.path != opened.map({ state.store.posts[$0].path }) else { return [] }
        var entries: [ReadingStateChange.Entry] = []
        if let left {
            var marks = state.reading.marks(of: left.key.path)
            marks.position = left.reader.scroll > 0 ? ReadingPosition(line: left.reader.scroll, width: before.width) : nil
            var entry = state.setMarks(marks, of: left.key)
            entry.fields = .position
            entries.append(entry)
        }
        if let opened, case var .reading(reader) = state.mode {
            var marks = state.marks(of: opened)
            marks.read = true
            // A link to a heading, or a find, placed the reader already: that stands.
            if reader.scroll == 0, reader.intent == nil, reader.find == .none, let position = marks.position {
                reader.scroll = position.width == state.width ? position.line : position.line * position.width / max(1, state.width)
                // Within the post once its length is known, as any scroll (a shorter post since).
                reader.intent = .keepInPost
                state.mode = .reading(reader)
            }
            var entry = state.setMarks(marks, of: opened)
            entry.fields = .read
            entry.opened = true
            entries.append(entry)
        }
        return entries.isEmpty ? [] : [.saveReadingState(ReadingStateChange(entries))]
    }

    /// The session ends in the reader: where it stopped is kept (nothing else changes). Also asked by
    /// the runtime when a session ends without a key (a hang-up, a signal, the idle limit).
    package static func leaveReader(_ state: AppState) -> [Effect] {
        guard let reader = state.openReader, reader.scroll > 0 else { return [] }
        var marks = state.marks(of: reader.post)
        marks.position = ReadingPosition(line: reader.scroll, width: state.width)
        return [.saveReadingState(ReadingStateChange([.init(key: PostKey(state.store.posts[reader.post]), marks: marks, fields: .position)]))]
    }
}

extension AppState {
    /// The marks of post `number`.
    package func marks(of number: Int) -> PostMarks { reading.marks(of: store.posts[number].path) }

    /// Sets the marks of post `number` in the state and returns them as a change to write.
    mutating func setMarks(_ marks: PostMarks, of number: Int) -> ReadingStateChange.Entry {
        keepMarkSetsCurrent()
        markSets.set(marks, of: number)
        return setMarks(marks, of: PostKey(store.posts[number]), setsKept: true)
    }

    /// The same for the post known by `key` (one the store may no longer hold: the reader's, left).
    /// The mark sets by number follow when its read or saved mark changed (found by path then).
    mutating func setMarks(_ marks: PostMarks, of key: PostKey, setsKept: Bool = false) -> ReadingStateChange.Entry {
        let before = reading.posts[key.path]
        reading.posts[key.path] = StoredPost(key: key, marks: marks, firstSeen: before?.firstSeen ?? 0)
        let old = before?.marks ?? PostMarks()
        if !setsKept, old.read != marks.read || old.saved != marks.saved {
            keepMarkSetsCurrent()
            if let number = store.linkIndex.post(atPath: key.path, in: store) { markSets.set(marks, of: number) }
        }
        return .init(key: key, marks: marks)
    }

    /// Whether the list shows read and saved marks: once the reading state is in (kept or not).
    package var showsReadingMarks: Bool { readingStateLoad == .loaded }

    /// The reader, open or under the help.
    var openReader: Reader? {
        if case let .reading(reader) = mode { return reader }
        if case let .help(over, _) = mode, case let .reading(reader) = over { return reader }
        return nil
    }
}
