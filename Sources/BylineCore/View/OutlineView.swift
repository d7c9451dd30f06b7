/// The outline overlay: the post's top-level headings in a framed box over the reader, indented by
/// level, the cursor's row selected and the section the screen is in marked `(here)`. Every title is cut
/// to the box by display width, with an ellipsis.
enum OutlineView {
    /// The box's widest, so titles stay near the text they name on a wide terminal.
    static let maximumWidth = 72
    /// Columns of indentation per heading level below the shallowest.
    static let indentPerLevel = 2
    static let hereMark = " (here)"

    static func draw(_ state: AppState, _ reader: Reader, cursor: Int, headingLines: [Int], _ cache: ViewCache,
                     on screen: inout Screen) {
        let width = min(screen.width - 2, maximumWidth)
        let x = (screen.width - width) / 2
        let headings = headings(state, reader, cache)
        // As tall as the headings need, up to the screen less the title bar and the status line.
        let rows = min(OutlineLayout.visibleRows(height: screen.height), max(1, headings.count))
        let top = OutlineLayout.margin, bottom = top + rows + 3
        let inner = width - 4
        OverlayFrame.draw(x: x, top: top, bottom: bottom, width: width, glyphs: state.glyphs, on: &screen)

        var title = StyledLine("Outline", [.title])
        if !headings.isEmpty { title.append(" · \(StatusLine.grouped(headings.count)) headings", .meta) }
        screen.put(Truncate.line(title, to: inner), row: top + 1, column: x + 2, limit: inner)

        guard !headings.isEmpty else {
            // The headings come with the body: until it is in, there is nothing to list yet.
            let message = state.loaded[reader.post] == nil && state.failed[reader.post] == nil ? "loading…" : "no headings in this post"
            screen.put(Truncate.line(StyledLine(message, .meta), to: inner), row: top + 2, column: x + 2, limit: inner)
            screen.put(Truncate.line(StyledLine("o/q close", .meta), to: inner), row: bottom - 1, column: x + 2, limit: inner)
            return
        }
        let cursor = min(max(0, cursor), headings.count - 1)
        let here = Outline.section(at: reader.scroll, headingLines: headingLines)
        let shallowest = headings.map(\.level).min() ?? 1
        // Derived, not stored: the cursor's row kept in the middle where the list allows.
        let first = min(max(0, cursor - rows / 2), max(0, headings.count - rows))
        for offset in 0..<rows {
            let index = first + offset
            guard index < headings.count else { break }
            let y = top + 2 + offset
            let line = entry(headings[index], indent: indentPerLevel * (headings[index].level - shallowest),
                             isCursor: index == cursor, isHere: index == here, width: inner, glyphs: state.glyphs)
            screen.put(line, row: y, column: x + 2, limit: inner)
            if index == cursor { screen.addStyle(.selection, row: y, column: x + 1, width: width - 2) }
        }
        var footer = StyledLine("Enter go  o/q close", .meta)
        if headings.count > rows { footer.append("  (\(first + 1)–\(min(headings.count, first + rows)) of \(headings.count))", .meta) }
        screen.put(Truncate.line(footer, to: inner), row: bottom - 1, column: x + 2, limit: inner)
    }

    /// One heading's row: the cursor's marker (visible without colour), the indentation, the title cut
    /// to fit, and `(here)` after the section the screen is in.
    static func entry(_ heading: DocumentHeading, indent: Int, isCursor: Bool, isHere: Bool, width: Int, glyphs: Glyphs) -> StyledLine {
        var line = StyledLine((isCursor ? glyphs.focus : " ") + " ", .marker)
        let indent = min(indent, max(0, width / 3))
        line.append(Blank.string(indent))
        let mark = isHere ? StyledLine(hereMark, .meta) : StyledLine()
        let room = max(1, width - line.width - mark.width)
        let title = StyledLine(OneLine.spans(heading.title, heading.level <= 2 ? .title : .plain))
        line.append(contentsOf: Truncate.line(title, to: room))
        line.append(contentsOf: mark)
        return line
    }

    /// The reader's post's headings, made once per post and body (`ViewCache.headings`); none until
    /// the body is in.
    static func headings(_ state: AppState, _ reader: Reader, _ cache: ViewCache) -> [DocumentHeading] {
        let key = state.readerKey(reader)
        return cache.headings.value(key, make: { state.loaded[reader.post]?.document.headings ?? [] }) { $0 }
    }

    /// The title of the section the screen's top line is in, for the status line; nil above the first
    /// heading (or before the body is in).
    static func section(_ state: AppState, _ reader: Reader, headingLines: [Int], _ cache: ViewCache) -> String? {
        guard let index = Outline.section(at: reader.scroll, headingLines: headingLines) else { return nil }
        let headings = headings(state, reader, cache)
        return headings.indices.contains(index) ? headings[index].title : nil
    }
}

/// Parts of the reader's status line after the position: the section, and the answer to the last key.
enum ReaderStatus {
    /// The section's name takes at most this many columns, so the key hints keep a place.
    static let sectionMaximumWidth = 32
    /// Below this many columns for its title the section is left out rather than cut to a stub.
    static let sectionMinimumWidth = 6
    /// The find's text on the status line takes at most this share of the width, so its count stays.
    static let findTextShare = 3

    /// ` · § Why Swift?`, cut with an ellipsis to `room` columns (and `sectionMaximumWidth`); nothing
    /// when there is no section or too little room.
    static func section(_ title: String?, room: Int) -> StyledLine {
        let separator = StyledLine(" · ", .meta)
        let mark = StyledLine("§ ", .marker)
        guard let title else { return StyledLine() }
        let titleRoom = min(room, sectionMaximumWidth) - separator.width - mark.width
        guard titleRoom >= sectionMinimumWidth else { return StyledLine() }
        var line = separator
        line.append(contentsOf: mark)
        line.append(contentsOf: Truncate.line(StyledLine(OneLine.spans(title, .plain)), to: titleRoom))
        return line
    }

    /// ` · /text 3 of 12 · note`: the active find with which match is current, then the note.
    static func feedback(_ state: AppState, _ matches: ReaderMatches?, after position: Int) -> StyledLine {
        var line = StyledLine()
        if let matches {
            line.append(" · ", .meta)
            let room = max(8, state.width / findTextShare)
            line.append(contentsOf: Truncate.line(StyledLine(OneLine.spans("/" + matches.query, .match)), to: room))
            line.append(" " + matches.count, .strong)
        }
        if let note = state.note {
            line.append(" · ", .meta)
            // A long note (a followed link's full address) is cut with an ellipsis to the line.
            line.append(contentsOf: Truncate.line(StyledLine(OneLine.spans(note, .strong)), to: max(1, state.width - line.width - position)))
        }
        return line
    }
}
