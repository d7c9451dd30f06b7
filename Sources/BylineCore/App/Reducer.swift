/// The one place state changes: pure, so every transition is tested without a terminal. Disk and
/// terminal work leaves as `Effect`s that the runtime performs and answers with actions; what needs a
/// layout is kept as asked and bounded by the facts the view measured (`LayoutFacts`).
package enum Reducer {
    package static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        // What the state was, for the comparisons after the action (`recountTags`, `readerMoved`), none
        // of which reads the reading state: without its copy of `reading`, a mark changed below changes
        // the state's own table in place instead of copying every post's marks first (30 ms a key with
        // 100,000 posts in the state).
        var before = state
        before.reading = ReadingState()
        var effects: [Effect] = []
        switch action {
        case let .resize(width, height):
            state.resize(width: width, height: height)
            // The help wraps to the new width: its scroll stays within its lines.
            if case let .help(over, scroll) = state.mode {
                state.mode = .help(over: over, scroll: min(scroll, HelpContent.maximumScroll(width: state.width, height: state.height)))
            }
        case let .bodyLoaded(post, loaded):
            state.loaded[post] = loaded
            state.failed[post] = nil
            state.loading.remove(post)
            state.prefetching.remove(post)
        case let .bodyFailed(post, message):
            state.failed[post] = message
            state.loading.remove(post)
            state.prefetching.remove(post)
        case .inputIdle:
            // Bodies are dropped here, after the frame, so freeing one never delays a key's answer.
            let targets = state.toggleTargets()
            state.dropFarBodies(keeping: AppState.keptBodies, besides: targets)
            effects += state.prefetchRequests(toggleTargets: targets)
        case let .searchFinished(query, results):
            if query == state.query {
                state.setResults(results)
                state.pendingSearch = nil
                state.searchProgress = nil
            }
        case let .storeReplaced(update):
            if let note = state.replaceStore(update)?.note { state.note = note }
            effects += askReadingState(&state, afterLoad: true)
            if !state.query.searchTerms.isEmpty {
                state.pendingSearch = state.query
                effects.append(.search(state.query))
            }
        case let .progress(progress):
            state.progress = progress
        case let .searchProgress(partial):
            if partial.query == state.query, state.pendingSearch == partial.query {
                state.searchProgress = .init(verb: "searching", done: partial.done, total: partial.total)
                state.showSettledResults(partial)
            }
        case let .note(text):
            state.note = text
        case .keyPressed:
            // Nothing else changes: no positions to keep, no bodies to ask for.
            state.note = nil
            return []
        case let .bodyAbandoned(post):
            state.loading.remove(post)
        case let .measured(facts):
            state.layoutFacts = facts
        case let .openDeepLink(link):
            effects += openDeepLink(&state, link)
        case .start(.complete):
            effects += askReadingState(&state)
        case .start(.load):
            state.progress = .init(verb: "loading", done: 0, total: nil)
            effects.append(.loadBlog)
            // Asked for the posts of the blog loaded, not of the store it replaces.
            state.readingStateLoad = .awaitingPosts
        case .start(.refresh):
            effects.append(.refreshBlog)
            effects += askReadingState(&state)
        case .folderChanged:
            // A refresh already running finishes first, then another runs (`EffectRunner`): none is lost.
            effects.append(.refreshBlog)
        case let .readingStateLoaded(loaded):
            effects += readingStateLoaded(&state, loaded)
        case .toggleRead, .toggleSaved, .markAllRead:
            effects += reduceMarks(&state, action)
        case .quit:
            return [.quit]
        case .interrupt:
            // Ended from the reader: where it stopped is kept, as leaving the post keeps it.
            return leaveReader(state) + [.interrupt]
        case .redraw:
            effects.append(.redraw)
        case let .mouse(event):
            effects += reduceMouse(&state, event)
        case .showHelp:
            if case .help = state.mode { break }
            state.mode = .help(over: state.mode, scroll: 0)
        default:
            switch state.mode {
            case let .help(over, scroll): effects += reduceHelp(&state, action, over: over, scroll: scroll)
            case let .searching(previous): effects += reduceSearching(&state, action, previous: previous)
            case let .findingTag(find): effects += reduceTagFind(&state, action, find)
            case let .reading(reader): effects += reduceReading(&state, action, reader)
            case .browsing: effects += reduceBrowsing(&state, action)
            }
        }
        state.recountTags(since: before)
        effects += readerMoved(&state, since: before)
        state.clampPositions()
        // Without a pause in the input (a held key), the bound is twice as loose, but still a bound.
        state.dropFarBodies(keeping: 2 * AppState.keptBodies)
        return effects + state.bodyRequests()
    }

    // MARK: Deep links

    static func openDeepLink(_ state: inout AppState, _ link: DeepLink) -> [Effect] {
        switch link {
        case let .tag(name):
            guard let tag = state.store.tags.tag(named: name) else {
                state.note = "no tag \"\(name)\" in this blog"
                return []
            }
            state.tagStates[tag.key] = .required
            state.tagCursor = tag.key
            return filterChanged(&state)
        case let .post(slug):
            guard let number = state.store.number(ofSlug: slug) else {
                state.note = "no post \"\(slug)\" in this blog"
                return []
            }
            state.selected = number
            state.mode = .reading(Reader(post: number))
            return []
        case let .search(words):
            state.search = AppState.promptPrefix(words)
            return filterChanged(&state)
        case let .ignored(command):
            state.note = "ignored \"\(command)\": ask for tag:NAME, post:SLUG or search:WORDS"
            return []
        }
    }

    // MARK: Help

    static func reduceHelp(_ state: inout AppState, _ action: Action, over: Mode, scroll: Int) -> [Effect] {
        if action == .back { state.mode = over }
        guard let next = action.moved(from: scroll, page: max(1, state.height - 4), last: Int.max / 2) else { return [] }
        state.mode = .help(over: over, scroll: min(max(0, next), HelpContent.maximumScroll(width: state.width, height: state.height)))
        return []
    }

    // MARK: Search prompt

    static func reduceSearching(_ state: inout AppState, _ action: Action, previous: String) -> [Effect] {
        switch action {
        case let .insertText(text):
            // A search longer than this finds nothing a shorter one would not; a pasted megabyte stops
            // here, whether it comes a key at a time (each past the limit is no work at all) or whole.
            guard let kept = AppState.promptAddition(after: state.search, text) else { return [] }
            state.search += kept
            return searchChanged(&state)
        case .deleteBackward:
            guard !state.search.isEmpty else { return [] }
            state.search.removeLast()
            return searchChanged(&state)
        case .submitPrompt:
            state.mode = .browsing
        case .cancelPrompt:
            state.mode = .browsing
            state.search = previous
            return searchChanged(&state)
        case .moveDown, .moveUp:
            moveSelection(&state, by: action == .moveDown ? 1 : -1)
        default:
            break
        }
        return []
    }

    /// The filter changed: refresh what needs no disk now, and ask for the body search.
    static func filterChanged(_ state: inout AppState) -> [Effect] {
        state.refreshResults()
        state.searchProgress = nil
        guard !state.query.searchTerms.isEmpty else {
            state.pendingSearch = nil
            return []
        }
        state.pendingSearch = state.query
        return [.search(state.query)]
    }

    // MARK: Browsing

    static func reduceBrowsing(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .focusNextPane: state.focus = next(state.focus, by: 1)
        case .focusPreviousPane: state.focus = next(state.focus, by: -1)
        case .focusTags: state.focus = .tags
        case .startSearch: state.mode = .searching(previous: state.search)
        case .startTagFind: startTagFind(&state)
        case .cycleListOrder: return cycleListOrder(&state)
        case .clearFilter:
            state.tagStates = [:]
            state.search = ""
            let effects = filterChanged(&state)
            // The one filter change that sorts the tag pane again: nothing toggled is left to keep in place.
            state.sortTags()
            return effects
        case .clearSearch:
            return clearSearch(&state)
        case .openPost:
            if let selected = state.selected { state.mode = .reading(Reader(post: selected)) }
        case .nextPost, .previousPost:
            moveSelection(&state, by: action == .nextPost ? 1 : -1)
        case .toggleRequired, .toggleExcluded, .toggleMatchMode, .toggleTagSort:
            return reduceTagToggle(&state, action)
        default:
            switch state.focus {
            case .tags: moveTagCursor(&state, action)
            case .list: moveInList(&state, action)
            case .preview: scrollPreview(&state, action)
            }
        }
        return []
    }

    static func next(_ pane: Pane, by step: Int) -> Pane {
        let order: [Pane] = [.tags, .list, .preview]
        let index = order.firstIndex(of: pane) ?? 1
        return order[(index + step + order.count) % order.count]
    }

    static func reduceTagToggle(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .toggleTagSort:
            state.tagSort = state.tagSort == .count ? .name : .count
            return []
        case .toggleMatchMode:
            state.match = state.match == .all ? .any : .all
            return state.tags(in: .required).count > 1 ? filterChanged(&state) : []
        default:
            guard let key = state.tagCursor, key != AppState.languageKeyPrefix else { return [] }
            let current = state.state(of: key)
            let wanted: TagState = action == .toggleRequired ? .required : .excluded
            state.tagStates[key] = current == wanted ? nil : wanted
            return filterChanged(&state)
        }
    }

    static func moveTagCursor(_ state: inout AppState, _ action: Action) {
        let rows = state.orderedTags
        guard !rows.isEmpty else { return }
        let index = rows.firstIndex { $0.holds(state.tagCursor) } ?? 0
        let page = max(1, state.layout.rect(of: .tags)?.height ?? 1)
        guard var target = action.moved(from: index, page: page, last: rows.count - 1) else { return }
        target = min(max(0, target), rows.count - 1)
        // The Languages heading is passed over, onwards (or back, at the end).
        if rows[target].isHeading {
            let step = target < index ? -1 : 1
            target = rows.indices.contains(target + step) ? target + step : target - step
        }
        state.tagCursor = rows[target].key
    }

    static func moveInList(_ state: inout AppState, _ action: Action) {
        guard let target = action.moved(from: selectedIndex(state), page: state.listItemsPerPage, last: state.results.count - 1) else { return }
        moveSelection(&state, to: target)
    }

    static func moveSelection(_ state: inout AppState, by step: Int) {
        moveSelection(&state, to: selectedIndex(state) + step)
    }

    /// Where the selection is in the results (the first row when it is none of them).
    static func selectedIndex(_ state: AppState) -> Int {
        state.selected.flatMap { state.results.firstIndex(of: $0) } ?? 0
    }

    static func moveSelection(_ state: inout AppState, to index: Int) {
        guard !state.results.isEmpty else { return }
        let target = state.results[min(max(0, index), state.results.count - 1)]
        if target != state.selected {
            state.selected = target
            state.previewScroll = 0
        }
    }

    static func scrollPreview(_ state: inout AppState, _ action: Action) {
        let page = max(1, (state.layout.rect(of: .preview)?.height ?? 1) - 1)
        if let scroll = action.moved(from: state.previewScroll, page: page, last: Int.max / 2) { state.previewScroll = scroll }
    }
}

extension Action {
    /// Where a movement takes a position (a row, a scroll) from `current`, a page being `page` and the
    /// end `last`; nil when the action is not a movement. The caller bounds the result.
    func moved(from current: Int, page: Int, last: Int) -> Int? {
        switch self {
        case .moveDown: return current + 1
        case .moveUp: return current - 1
        case .pageDown: return current + page
        case .pageUp: return current - page
        case .moveToFirst: return 0
        case .moveToLast: return last
        default: return nil
        }
    }
}
