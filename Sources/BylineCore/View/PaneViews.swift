/// The tag pane: every tag with its count among the current results (and its unread posts,
/// `TagCountText`), its state marked, zero counts dimmed; then, for a blog in several languages, its languages under a heading.
enum TagPaneView {
    static func draw(_ state: AppState, rect: PaneLayout.Rect, on screen: inout Screen) {
        let rows = state.orderedTags
        guard !rows.isEmpty else {
            screen.put(StyledLine("no tags", .meta), row: rect.y, column: rect.x + 1, limit: rect.width - 1)
            return
        }
        let focused = state.focus == .tags && state.showsBrowseCursor
        for offset in 0..<rect.height {
            let index = state.tagScroll + offset
            guard index < rows.count else { break }
            let row = rows[index]
            let y = rect.y + offset
            if row.isHeading {
                screen.put(StyledLine("  " + row.name, [.title, .meta]), row: y, column: rect.x, limit: rect.width)
                continue
            }
            let marker: String
            switch row.state {
            case .off: marker = " "
            case .required: marker = state.glyphs.required
            case .excluded: marker = state.glyphs.excluded
            }
            let count = TagCountText.line(row)
            let countWidth = count.width
            let nameRoom = max(1, rect.width - 4 - countWidth)
            // The cursor row is marked, so it is visible without colour too.
            let cursor = row.holds(state.tagCursor) && focused ? state.glyphs.focus : " "
            var line = StyledLine(cursor + marker + " ", row.state == .off ? .marker : [.marker, .strong])
            let name = StyledLine(OneLine.spans(row.name, row.count == 0 ? [.tag, .meta] : .tag))
            line.append(contentsOf: Truncate.line(name, to: nameRoom))
            screen.put(line, row: y, column: rect.x, limit: rect.width)
            screen.put(count, row: y, column: rect.x + rect.width - countWidth, limit: countWidth)
            if row.holds(state.tagCursor) {
                screen.addStyle(focused ? .selection : .strong, row: y, column: rect.x, width: rect.width)
            }
        }
    }
}

/// The result list: date and title (and tags) of each post, the summary under it when there is room.
package enum ListView {
    /// From this many rows the list shows each post's summary on a second line.
    package static let summaryMinimumHeight = 12
    static let dateWidth = 10

    static func draw(_ state: AppState, rect: PaneLayout.Rect, on screen: inout Screen) {
        guard !state.results.isEmpty else {
            // A search still reading bodies may find posts yet: no "no match" until it has said so.
            let message = state.store.posts.isEmpty ? "No posts in this folder."
                : state.pendingSearch != nil ? "Searching: no match yet."
                : "No post matches the filter. Press c to clear it."
            for (offset, line) in TextWrapper.wrap([StyledSpan(message, .meta)], width: max(1, rect.width - 2)).enumerated() {
                screen.put(line, row: rect.y + offset, column: rect.x + 1, limit: rect.width - 1)
            }
            return
        }
        let itemHeight = state.listItemHeight
        let focused = (state.focus == .list && state.mode == .browsing) || PaneHeader.isSearching(state)
        for slot in 0..<(rect.height / itemHeight) {
            let index = state.listScroll + slot
            guard index < state.results.count else { break }
            let number = state.results[index]
            let post = state.store.posts[number]
            let y = rect.y + slot * itemHeight
            let selected = number == state.selected
            var first = StyledLine(selected ? state.glyphs.focus : " ", .marker)
            first.append(post.date?.dayString ?? Blank.string(dateWidth), .meta)
            first.append(" ")
            if state.showsReadingMarks { ReadingMarks.append(state.marks(of: number), glyphs: state.glyphs, to: &first) }
            let tagText = LineClip.hashTags(post.tags)
            let titleRoom = max(1, rect.width - DisplayWidth.of(first.text) - 1)
            var title = Truncate.line(StyledLine(OneLine.spans(post.title, .title)), to: titleRoom)
            if !tagText.isEmpty, itemHeight == 1 || rect.width > 0 {
                let room = titleRoom - title.width - 2
                if room >= 4 {
                    title.append("  ")
                    title.append(contentsOf: Truncate.line(StyledLine(OneLine.spans(tagText, .tag)), to: room))
                }
            }
            first.append(contentsOf: title)
            screen.put(first, row: y, column: rect.x, limit: rect.width)
            if itemHeight == 2 {
                let indent = dateWidth + 2 + (state.showsReadingMarks ? ReadingMarks.width : 0)
                var second = StyledLine(Blank.string(indent))
                second.append(contentsOf: Truncate.line(StyledLine(OneLine.spans(post.summary, .meta)), to: max(1, rect.width - indent)))
                screen.put(second, row: y + 1, column: rect.x, limit: rect.width)
            }
            if selected {
                screen.addStyle(focused ? .selection : .strong, row: y, column: rect.x, width: rect.width)
                if itemHeight == 2 { screen.addStyle(focused ? .selection : .strong, row: y + 1, column: rect.x, width: rect.width) }
            }
        }
    }
}

/// The preview pane: the selected post, rendered at the pane's width, scrolled on its own.
enum PreviewView {
    /// A column of air on each side, when the pane is wide enough to spare it.
    static func margin(_ width: Int) -> Int { width > 20 ? 1 : 0 }

    static func draw(_ state: AppState, _ cache: ViewCache, rect: PaneLayout.Rect, on screen: inout Screen) {
        guard let post = state.selected else { return }
        let margin = margin(rect.width)
        // Only the rows on screen are laid out (the rest when scrolled to).
        let lines = PreviewContent.lines(state, post: post, width: rect.width - 2 * margin, atLeast: state.previewScroll + rect.height, in: cache)
        for offset in 0..<rect.height {
            let index = state.previewScroll + offset
            guard index < lines.count else { break }
            screen.put(lines[index], row: rect.y + offset, column: rect.x + margin, limit: rect.width - margin)
        }
    }
}

/// Shortening a line to a width with an ellipsis.
enum Truncate {
    static func line(_ line: StyledLine, to width: Int) -> StyledLine {
        guard line.width > width else { return line }
        guard width > 1 else { return StyledLine(width == 1 ? "…" : "", line.spans.first?.style ?? .plain) }
        var result = StyledLine()
        var used = 0
        for span in line.spans {
            var text = ""
            for character in span.text {
                let characterWidth = DisplayWidth.of(character)
                if used + characterWidth > width - 1 { break }
                text.append(character)
                used += characterWidth
            }
            result.append(StyledSpan(text, span.style, link: span.link))
            if used >= width - 1 || text.count < span.text.count { break }
        }
        result.append("…", line.spans.last?.style ?? .plain)
        return result
    }
}

/// Titles, tags and summaries on one line, as `SafeText.lineSpans` makes them, without its pass over
/// every character for the common text that has nothing to replace: the list draws dozens a frame.
/// Cut first to what a screen can show (`LineClip`), so a frame's work never grows with a text's length.
enum OneLine {
    static func spans(_ text: String, _ style: TextStyle) -> [StyledSpan] {
        let text = LineClip.clipped(text)
        // Bytes 0x09 and 0x0A are the tab and newline (also in `\r\n`) that become spaces; anything
        // else to replace makes `VisibleText.isSafe` false.
        guard !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }), VisibleText.isSafe(text) else {
            return SafeText.lineSpans(text, style)
        }
        return [StyledSpan(text, style)]
    }
}
