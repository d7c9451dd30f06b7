/// The mouse: a wheel turn or a click goes to what is under it, in the mode on screen.
extension Reducer {
    /// Lines a turn of the wheel scrolls the reader.
    static let wheelLines = 3

    static func reduceMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        switch state.mode {
        case .browsing: return browseMouse(&state, event)
        case let .reading(reader): return readerMouse(&state, event, reader)
        case .searching, .help: return []
        }
    }

    /// The three panes: not yet (issue 18 in progress).
    static func browseMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] { [] }

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
