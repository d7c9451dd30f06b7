/// The reader's part of `Reducer`: scrolling as in less, find with `/`, `n` and `N`, moving between posts.
extension Reducer {
    static func reduceReading(_ state: inout AppState, _ action: Action, _ reader: Reader) -> [Effect] {
        var reader = reader
        if case let .typing(text) = reader.find {
            switch action {
            case let .insertText(typed):
                if let kept = AppState.promptAddition(after: text, typed) { reader.find = .typing(text + kept) }
            case .deleteBackward: reader.find = .typing(String(text.dropLast()))
            case .cancelPrompt: reader.find = .none
            case .submitPrompt:
                reader.find = text.isEmpty ? .none : .active(text, current: nil)
                if !text.isEmpty { reader.intent = .seekMatch(after: reader.scroll - 1, forward: true, fromPrompt: true) }
            default: break
            }
            state.mode = .reading(reader)
            return []
        }
        if case let .outline(cursor) = reader.overlay { return reduceOutline(&state, action, reader, cursor: cursor) }
        if let typed = reader.linkNumber { return reduceLinkNumber(&state, action, reader, typed: typed) }
        if let effects = reduceLinkAction(&state, action, reader) { return effects }
        let page = max(1, PaneLayout.readerRows(height: state.height) - 1)
        if let scroll = action.moved(from: reader.scroll, page: page, last: Int.max / 2) { reader.scroll = scroll }
        switch action {
        case .startFind: reader.find = .typing("")
        case .showOutline: openOutline(&reader)
        case .findNext, .findPrevious:
            guard case .active = reader.find else { break }
            // From the screen (when the current match is off it): the first match from its top line on,
            // or the last above it.
            let forward = action == .findNext
            reader.intent = .seekMatch(after: forward ? reader.scroll - 1 : reader.scroll, forward: forward, fromPrompt: false)
        case .nextPost, .previousPost:
            guard let index = state.results.firstIndex(of: reader.post) else { break }
            let target = index + (action == .nextPost ? 1 : -1)
            guard state.results.indices.contains(target) else {
                state.note = action == .nextPost ? "this is the last post in the list" : "this is the first post in the list"
                break
            }
            reader = Reader(post: state.results[target])
            state.selected = reader.post
            state.previewScroll = 0
        case .back:
            state.mode = .browsing
            // Leaving the reader ends its trail of followed links.
            state.history = ReadingHistory()
            if state.results.contains(reader.post) { state.selected = reader.post }
            return []
        default:
            break
        }
        reader.scroll = max(0, reader.scroll)
        // Kept within the post by `settleReader` at the end of `reduce`, now or once the facts are in.
        if reader.intent == nil, reader.scroll > 0 { reader.intent = .keepInPost }
        state.mode = .reading(reader)
        return []
    }
}

extension AppState {
    /// The pane layout for the current size and focus.
    package var layout: PaneLayout {
        PaneLayout(width: width, height: height, focus: focus, longestTag: store.tags.longestNameWidth)
    }

    /// Rows each post takes in the list: two (the summary under the title) when the pane is tall.
    package var listItemHeight: Int { (layout.rect(of: .list)?.height ?? 0) >= ListView.summaryMinimumHeight ? 2 : 1 }

    package var listItemsPerPage: Int { max(1, (layout.rect(of: .list)?.height ?? 1) / listItemHeight) }

    /// The key context for the keymap.
    package var keyContext: KeyContext {
        switch mode {
        case .help: return .help
        case .searching: return .search
        case .findingTag: return .tagFind
        case let .reading(reader):
            if case .typing = reader.find { return .find }
            if reader.linkNumber != nil { return .link }
            if case .outline = reader.overlay { return .outline }
            return .reader
        case .browsing:
            // Each pane is the key context of its name.
            return KeyContext(rawValue: focus.rawValue)!
        }
    }

    /// Keeps every scroll position in range and the selection and tag cursor on screen: the preview's
    /// and the reader's as far as `layoutFacts` tell (`layoutQuestion` asks for the rest).
    mutating func clampPositions() {
        let rows = orderedTags
        if rows.contains(where: { $0.holds(tagCursor) }) {} else { tagCursor = rows.first { !$0.isHeading }?.key }
        let tagHeight = max(1, layout.rect(of: .tags)?.height ?? 1)
        let cursorIndex = rows.firstIndex { $0.holds(tagCursor) } ?? 0
        tagScroll = Self.keepVisible(cursorIndex, scroll: tagScroll, visible: tagHeight, total: rows.count)

        let perPage = listItemsPerPage
        listScroll = Self.keepVisible(Reducer.selectedIndex(self), scroll: listScroll, visible: perPage, total: results.count)

        // The preview's scroll is bounded by the post's end once the view has laid it out that far.
        previewScroll = max(0, previewScroll)
        if previewScroll > 0, let (key, rows) = previewGeometry, let facts = layoutFacts, facts.key == key,
           let bound = facts.maximumScroll(rows: rows) {
            previewScroll = min(previewScroll, bound)
        }
        settleReader()
    }

    /// The post in the preview pane and its text rows, when the pane is on screen.
    var previewGeometry: (key: LayoutKey, rows: Int)? {
        switch mode {
        case .reading, .help(over: .reading, _): return nil
        default: break
        }
        guard let post = selected, let rect = layout.rect(of: .preview) else { return nil }
        return (layoutKey(post: post, width: rect.width - PreviewView.margin(rect.width) * 2), rect.height)
    }

    /// What `post`'s lines at `width` depend on, in this state.
    func layoutKey(post: Int, width: Int) -> LayoutKey {
        let body: LayoutKey.Body = loaded[post] != nil ? .loaded : failed[post] != nil ? .failed : .pending
        return LayoutKey(post: post, numbering: numbering, width: max(1, width), glyphs: glyphs, body: body)
    }

    /// The reader's text at its column width.
    func readerKey(_ reader: Reader) -> LayoutKey {
        layoutKey(post: reader.post, width: PaneLayout.readerColumn(width: width).width)
    }

    /// The layout fact the state waits for, if any: the runtime has the view measure it
    /// (`AppView.measure`) and sends it back as `.measured` before the next key and the next frame.
    package var layoutQuestion: LayoutQuestion? {
        if case let .reading(reader) = mode {
            guard reader.intent != nil else { return nil }
            var find: String?
            if case let .active(text, _) = reader.find { find = text }
            return LayoutQuestion(key: readerKey(reader), lines: .max, find: find, links: true)
        }
        guard previewScroll > 0, let (key, rows) = previewGeometry else { return nil }
        if let facts = layoutFacts, facts.key == key, facts.settle(previewScroll, rows: rows) { return nil }
        return LayoutQuestion(key: key, lines: previewScroll + rows, find: nil)
    }

    /// Carries out the reader's `intent` if the facts for its post are in: a find's move, then keeping
    /// the scroll within the post.
    mutating func settleReader() {
        resolveAnchor()
        guard case var .reading(reader) = mode, let intent = reader.intent,
              let facts = layoutFacts, facts.key == readerKey(reader) else { return }
        if settleLinkIntent(reader, facts) {
            // A click that followed a link within this post settles the move it made, now.
            if case let .reading(next) = mode, next.intent != intent, next.post == reader.post { settleReader() }
            return
        }
        if case let .reading(updated) = mode { reader = updated }
        if case let .seekMatch(after, forward, fromPrompt) = intent {
            guard seekMatch(&reader, after: after, forward: forward, fromPrompt: fromPrompt, facts) else { return }
        }
        if intent == .outlineAtSection {
            guard pointOutline(&reader, facts) else { return }
        }
        if case let .showHeading(index) = intent {
            guard facts.isComplete else { return }
            if facts.headingLines.indices.contains(index) { reader.scroll = facts.headingLines[index] }
            reader.intent = .keepInPost
        }
        if reader.intent == .keepInPost {
            let rows = PaneLayout.readerRows(height: height)
            if reader.scroll > 0, let bound = facts.maximumScroll(rows: rows) {
                reader.scroll = min(reader.scroll, bound)
            } else if reader.scroll > 0, !facts.settle(reader.scroll, rows: rows) {
                mode = .reading(reader)
                return
            }
            reader.intent = nil
        }
        mode = .reading(reader)
    }

    /// A followed link's `#anchor`, once its post's body is in: the heading it names (`.showHeading`),
    /// or a note that it names none.
    mutating func resolveAnchor() {
        guard case var .reading(reader) = mode, case let .showAnchor(anchor) = reader.intent else { return }
        if let document = loaded[reader.post]?.document {
            if let index = document.heading(anchor: anchor) {
                reader.intent = .showHeading(index: index)
            } else {
                note = "no heading \"#\(anchor)\" in this post"
                reader.intent = reader.scroll > 0 ? .keepInPost : nil
            }
        } else if failed[reader.post] != nil {
            reader.intent = nil
        } else {
            return
        }
        mode = .reading(reader)
    }

    static func keepVisible(_ index: Int, scroll: Int, visible: Int, total: Int) -> Int {
        var scroll = scroll
        if index < scroll { scroll = index }
        if index >= scroll + visible { scroll = index - visible + 1 }
        return min(max(0, scroll), max(0, total - visible))
    }

    /// Whether `post`'s body is neither parsed, failed, nor asked for on the screen's behalf.
    func isUnasked(_ post: Int) -> Bool { loaded[post] == nil && failed[post] == nil && !loading.contains(post) }

    /// Bodies the screen needs and nobody has asked for yet: the selected post's and the reader's.
    mutating func bodyRequests() -> [Effect] {
        var wanted: [Int] = []
        if let selected { wanted.append(selected) }
        if let post = readerPost, post != selected { wanted.append(post) }
        var effects: [Effect] = []
        for post in wanted where isUnasked(post) {
            loading.insert(post)
            effects.append(.loadBody(post))
        }
        return effects
    }
}

extension AppState {
    /// How many posts on each side of the selection are parsed ahead when the input is idle.
    static let prefetchReach = 1

    /// The selection's neighbours in the list whose bodies are not parsed, failed or asked for yet:
    /// what a move up or down would show next. Asked once each (`prefetching`).
    mutating func prefetchRequests(toggleTargets: [Int] = []) -> [Effect] {
        guard readerPost == nil || readerPost == selected, let selected,
              let index = results.firstIndex(of: selected) else { return [] }
        var wanted: [Int] = []
        for step in 1...AppState.prefetchReach {
            for target in [index + step, index - step] where results.indices.contains(target) {
                if isUnasked(results[target]), !prefetching.contains(results[target]) { wanted.append(results[target]) }
            }
        }
        for post in toggleTargets where !wanted.contains(post) && isUnasked(post) && !prefetching.contains(post) {
            wanted.append(post)
        }
        guard !wanted.isEmpty else { return [] }
        prefetching.formUnion(wanted)
        return [.prefetchBodies(wanted)]
    }

    /// In the tag pane, the posts a toggle of the tag under the cursor (required or excluded) would
    /// select: the first it lists, when the selection would not stay. Worked out from the tag index
    /// alone (a search in the filter needs the body search, so then none).
    func toggleTargets() -> [Int] {
        guard mode == .browsing, focus == .tags, let key = tagCursor, query.searchTerms.isEmpty else { return [] }
        var targets: [Int] = []
        for wanted in [TagState.required, .excluded] {
            var trial = self
            trial.tagStates[key] = state(of: key) == wanted ? nil : wanted
            let tagged = store.tagMatches(trial.query)
            if let selected, tagged.contains(selected) { continue }
            if let first = tagged.first(where: { _ in true }), !targets.contains(first) { targets.append(first) }
        }
        return targets
    }

    /// Keeps at most `limit` parsed bodies: the selection's and the reader's always, then those
    /// nearest the selection (by post number, which is list order). Pure bookkeeping: a dropped body
    /// is parsed again when it is shown again.
    /// `besides`: posts kept on top of those (the tag pane's toggle targets, parsed ahead on purpose).
    mutating func dropFarBodies(keeping limit: Int, besides: [Int] = []) {
        guard loaded.count > limit + besides.count else { return }
        let anchor = selected ?? readerPost ?? 0
        let kept = loaded.keys.filter { !besides.contains($0) }.sorted { a, b in
            let keepA = a == selected || a == readerPost, keepB = b == selected || b == readerPost
            if keepA != keepB { return keepA }
            let distanceA = abs(a - anchor), distanceB = abs(b - anchor)
            return distanceA != distanceB ? distanceA < distanceB : a < b
        }.prefix(limit)
        let keep = Set(kept).union(besides)
        loaded = loaded.filter { keep.contains($0.key) }
    }
}
