/// The reader's outline: `o` opens it on the section you are in, j/k/g/G and the page keys move its
/// cursor, Enter goes to that heading, q, Esc and `o` close it (`.back`).
extension Reducer {
    /// Keys while the outline covers the reader.
    static func reduceOutline(_ state: inout AppState, _ action: Action, _ reader: Reader, cursor: Int) -> [Effect] {
        var reader = reader
        let count = state.loaded[reader.post]?.document.headingCount ?? 0
        switch action {
        case .back:
            reader.overlay = .none
        case .goToHeading:
            guard count > 0 else { break }
            reader.overlay = .none
            reader.intent = .showHeading(index: min(cursor, count - 1))
        default:
            let page = max(1, OutlineLayout.visibleRows(height: state.height) - 1)
            guard let moved = action.moved(from: cursor, page: page, last: count - 1) else { break }
            reader.overlay = .outline(cursor: min(max(0, moved), max(0, count - 1)))
        }
        state.mode = .reading(reader)
        return []
    }

    /// `o` in the reader: the outline opens, its cursor put on the current section once the headings'
    /// lines are measured (`ReaderIntent.outlineAtSection`).
    static func openOutline(_ reader: inout Reader) {
        reader.overlay = .outline(cursor: 0)
        reader.intent = .outlineAtSection
    }
}

extension AppState {
    /// Settles `.outlineAtSection` once `facts` (the reader's, complete) are in: the cursor on the last
    /// heading at or above the top line, the first heading above them all. False while it waits.
    func pointOutline(_ reader: inout Reader, _ facts: LayoutFacts) -> Bool {
        guard facts.isComplete else { return false }
        if case .outline = reader.overlay {
            let section = Outline.section(at: reader.scroll, headingLines: facts.headingLines) ?? 0
            reader.overlay = .outline(cursor: section)
        }
        reader.intent = .keepInPost
        return true
    }
}

/// The outline overlay's size, shared by the view (which draws it) and the reducer (whose page keys
/// move by it).
package enum OutlineLayout {
    /// Rows above and below the box: the title bar and the status line stay in sight.
    static let margin = 1
    /// Rows inside the frame for headings: the box less its frame, its title and its footer.
    package static func visibleRows(height: Int) -> Int { max(1, height - 2 * margin - 4) }
}
