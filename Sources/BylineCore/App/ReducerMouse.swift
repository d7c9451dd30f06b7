/// The mouse: a wheel turn or a click goes to what is under it, in the mode on screen.
extension Reducer {
    static func reduceMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        switch state.mode {
        case .browsing: return browseMouse(&state, event)
        case let .reading(reader): return readerMouse(&state, event, reader)
        case .searching, .findingTag, .help: return []
        }
    }

    /// The three panes: not yet (issue 18 in progress).
    static func browseMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] { [] }

    /// The reader: not yet (issue 18 in progress).
    static func readerMouse(_ state: inout AppState, _ event: MouseEvent, _ reader: Reader) -> [Effect] { [] }
}
