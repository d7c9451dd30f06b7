/// Draws the whole interface for a state: a new `Screen` every frame (the backend diffs).
package enum AppView {
    /// The frame for `state`; layouts are kept in `cache` for the frames after.
    package static func render(_ state: AppState, _ cache: ViewCache) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        guard state.width >= PaneLayout.minimumWidth, state.height >= PaneLayout.minimumHeight else {
            drawTooSmall(&screen)
            return screen
        }
        switch state.mode {
        case let .reading(reader):
            ReaderView.draw(state, reader, cache, on: &screen)
        case let .help(over, scroll):
            if case let .reading(reader) = over { ReaderView.draw(state, reader, cache, on: &screen) } else { drawBrowsing(state, cache, on: &screen) }
            HelpView.draw(scroll: scroll, glyphs: state.glyphs, on: &screen)
        case .browsing, .searching, .findingTag:
            drawBrowsing(state, cache, on: &screen)
        }
        return screen
    }

    /// What the state waits to know of a layout (`AppState.layoutQuestion`), measured: the action the
    /// runtime sends back after each action that leaves a question, before the next key and frame.
    package static func measure(_ state: AppState, _ cache: ViewCache) -> Action? {
        guard let question = state.layoutQuestion else { return nil }
        let laidOut = PreviewContent.laidOut(state, question.key, atLeast: question.lines, in: cache)
        var facts = LayoutFacts(key: question.key, lines: laidOut.lines.count, isComplete: laidOut.isComplete,
                                headingLines: laidOut.headingLines)
        if let find = question.find {
            facts.find = find
            facts.matches = ReaderContent.matchingLines(state, question.key, query: find, in: cache)
        }
        if question.links { facts.links = ReaderContent.links(state, question.key, in: cache) }
        return .measured(facts)
    }

    /// Reduces `action`, then sends back what the view measured for the question it leaves, if any:
    /// how the runtime (and the tests that stand in for it) hand every action to the state.
    package static func apply(to state: inout AppState, _ cache: ViewCache, _ action: Action) -> [Effect] {
        var effects = Reducer.reduce(&state, action)
        if let measured = measure(state, cache) { effects += Reducer.reduce(&state, measured) }
        return effects
    }

    static func drawBrowsing(_ state: AppState, _ cache: ViewCache, on screen: inout Screen) {
        TitleBar.draw(state, on: &screen)
        let layout = state.layout
        for (index, entry) in layout.panes.enumerated() {
            let rect = entry.rect
            if index > 0 {
                let x = rect.x - 1
                for row in 1..<(state.height - 1) { screen.put(StyledLine(String(state.glyphs.table.vertical), .rule), row: row, column: x, limit: 1) }
            }
            PaneHeader.draw(state, pane: entry.pane, rect: rect, on: &screen)
            switch entry.pane {
            case .tags: TagPaneView.draw(state, rect: rect, on: &screen)
            case .list: ListView.draw(state, rect: rect, on: &screen)
            case .preview: PreviewView.draw(state, cache, rect: rect, on: &screen)
            }
        }
        StatusLine.draw(state, on: &screen)
    }

    static func drawTooSmall(_ screen: inout Screen) {
        let message = "terminal too small (need \(PaneLayout.minimumWidth)x\(PaneLayout.minimumHeight))"
        let lines = TextWrapper.wrap([StyledSpan(message, .meta)], width: max(1, screen.width))
        let top = max(0, (screen.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            screen.put(line, row: top + offset, column: max(0, (screen.width - line.width) / 2))
        }
    }
}

/// The top row: the blog's name and the active filter written out.
enum TitleBar {
    static func draw(_ state: AppState, on screen: inout Screen) {
        var line = StyledLine(" byline ", [.title, .selection])
        line.append(" ")
        line.append(contentsOf: StyledLine(OneLine.spans(state.blogName, .title)))
        let filter = state.filterDescription
        if !filter.isEmpty {
            line.append("  ·  ", .meta)
            line.append(contentsOf: StyledLine(OneLine.spans(filter, .tag)))
        }
        screen.put(line, row: 0, column: 0)
    }
}

/// Each pane's name above it; the focused pane's is in reverse video with a marker, visible without colour.
enum PaneHeader {
    static func draw(_ state: AppState, pane: Pane, rect: PaneLayout.Rect, on screen: inout Screen) {
        let focused = state.focus == pane && !isSearching(state)
        let name: String
        switch pane {
        case .tags: name = "Tags" + (state.match == .any ? " (any)" : "") + (state.tagSort == .name ? " by name" : "")
        case .list: name = "Posts" + (state.listOrder.label.map { " (\($0))" } ?? "")
        case .preview: name = "Preview"
        }
        let text = (focused ? state.glyphs.focus + " " : "  ") + name
        screen.fill(row: 1, column: rect.x, width: rect.width, style: focused ? [.title, .selection] : .meta)
        screen.put(StyledLine(text, focused ? [.title, .selection] : [.title, .meta]), row: 1, column: rect.x, limit: rect.width)
    }

    static func isSearching(_ state: AppState) -> Bool {
        if case .searching = state.mode { return true }
        return false
    }
}
