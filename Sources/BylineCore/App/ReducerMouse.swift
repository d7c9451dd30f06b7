/// The mouse: a wheel turn or a click goes to what is under it, in the mode on screen.
extension Reducer {
    /// Lines a turn of the wheel scrolls the reader.
    static let wheelLines = 3

    static func reduceMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        switch state.mode {
        case .browsing: return browseMouse(&state, event)
        case let .reading(reader): return readerMouse(&state, event, reader)
        case .searching, .findingTag, .help: return []
        }
    }

    /// The three panes: the wheel scrolls the pane under the pointer (`MouseEvent.wheelRows` rows a
    /// notch; in the list, that many rows' worth of whole posts), a left click focuses the pane under
    /// it and selects the post or tag clicked (a tag clicked is toggled as required; again, it is
    /// not). The title bar, the status line, the panes' edges and the Languages heading do nothing.
    static func browseMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        guard let (pane, rect) = state.paneUnder(row: event.row, column: event.column) else { return [] }
        // The content's row under the pointer; -1 is the pane's header.
        let offset = event.row - rect.y
        switch event.kind {
        case .wheelUp, .wheelDown:
            wheel(&state, pane, rect: rect, down: event.kind == .wheelDown)
            return []
        case .press(button: 0):
            guard offset >= 0 else {
                state.focus = pane
                return []
            }
            switch pane {
            case .tags:
                let index = state.tagScroll + offset
                guard state.orderedTags.indices.contains(index), !state.orderedTags[index].isHeading else {
                    if index >= state.orderedTags.count { state.focus = .tags }
                    return []
                }
                state.focus = .tags
                state.tagCursor = state.orderedTags[index].key
                return reduceTagToggle(&state, .toggleRequired)
            case .list:
                state.focus = .list
                let index = state.listScroll + offset / state.listItemHeight
                if index < state.results.count { moveSelection(&state, to: index) }
            case .preview:
                state.focus = .preview
            }
            return []
        case .press, .release:
            return []
        }
    }

    /// A wheel notch over `pane`: its scroll moves, and its cursor (the tag cursor, the selection)
    /// moves only as far as it must to stay on screen, as a pager's would.
    static func wheel(_ state: inout AppState, _ pane: Pane, rect: PaneLayout.Rect, down: Bool) {
        let sign = down ? 1 : -1
        switch pane {
        case .tags:
            let rows = state.orderedTags
            guard !rows.isEmpty else { return }
            let scroll = min(max(0, state.tagScroll + sign * MouseEvent.wheelRows), max(0, rows.count - rect.height))
            state.tagScroll = scroll
            let cursor = rows.firstIndex { $0.holds(state.tagCursor) } ?? 0
            let visible = scroll...max(scroll, min(rows.count, scroll + rect.height) - 1)
            guard !visible.contains(cursor) else { return }
            // The nearest row on screen that is a tag (the Languages heading is never the cursor).
            let candidates = cursor < scroll ? Array(visible) : visible.reversed()
            if let target = candidates.first(where: { !rows[$0].isHeading }) { state.tagCursor = rows[target].key }
        case .list:
            let perPage = state.listItemsPerPage
            let items = max(1, MouseEvent.wheelRows / state.listItemHeight)
            let scroll = min(max(0, state.listScroll + sign * items), max(0, state.results.count - perPage))
            state.listScroll = scroll
            let index = selectedIndex(state)
            if index < scroll { moveSelection(&state, to: scroll) }
            if index >= scroll + perPage { moveSelection(&state, to: scroll + perPage - 1) }
        case .preview:
            state.previewScroll = max(0, state.previewScroll + sign * MouseEvent.wheelRows)
        }
    }

    /// The reader: the wheel scrolls `wheelLines` lines; a left click on a link's cells follows it. The
    /// click's screen cell is a post line through the scroll and a column through the text column
    /// (`PaneLayout.readerColumn`); which link sits there is a layout fact (`.followLinkAt`).
    static func readerMouse(_ state: inout AppState, _ event: MouseEvent, _ reader: Reader) -> [Effect] {
        var reader = reader
        switch event.kind {
        case .wheelUp, .wheelDown:
            reader.scroll = max(0, reader.scroll + (event.kind == .wheelDown ? wheelLines : -wheelLines))
            if reader.intent == nil, reader.scroll > 0 { reader.intent = .keepInPost }
        case .press(button: 0):
            let column = PaneLayout.readerColumn(width: state.width)
            let row = event.row - 1
            guard row >= 0, row < PaneLayout.readerRows(height: state.height),
                  event.column >= column.x, event.column < column.x + column.width else { return [] }
            reader.intent = .followLinkAt(line: reader.scroll + row, column: event.column - column.x)
        default:
            return []
        }
        state.mode = .reading(reader)
        return []
    }
}

extension MouseEvent {
    /// Rows one wheel notch scrolls, as most terminals' own scrollback does.
    package static let wheelRows = 3
}

extension AppState {
    /// The pane whose header or content is at this cell of the browsing screen, and its content's
    /// rectangle; nil for the title bar, the status line and the lines between panes.
    func paneUnder(row: Int, column: Int) -> (Pane, PaneLayout.Rect)? {
        guard row >= PaneLayout.rowsAbove - 1, row < height - PaneLayout.rowsBelow else { return nil }
        for entry in layout.panes {
            let rect = entry.rect
            if column >= rect.x, column < rect.x + rect.width, row < rect.y + rect.height { return (entry.pane, rect) }
        }
        return nil
    }
}
