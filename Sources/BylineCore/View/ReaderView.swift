/// The full-screen reader: the post's title on top, its text in a comfortable column, where you are
/// (and the section's name) and the find prompt at the bottom. Matches of an active find are
/// highlighted, the current one apart; the outline, when open, covers the text.
enum ReaderView {
    static func draw(_ state: AppState, _ reader: Reader, _ cache: ViewCache, on screen: inout Screen) {
        let post = state.store.posts[reader.post]
        var title = StyledLine(" byline ", [.title, .selection])
        title.append(" ")
        title.append(contentsOf: StyledLine(OneLine.spans(post.title, .title)))
        screen.put(title, row: 0, column: 0)

        let column = PaneLayout.readerColumn(width: state.width)
        let rows = PaneLayout.readerRows(height: state.height)
        let laidOut = PreviewContent.laidOut(state, state.readerKey(reader), atLeast: .max, in: cache)
        let lines = laidOut.lines
        let matches = ReaderMatches(state, reader, cache)
        let current = currentLinkSegments(state, reader, cache)
        for offset in 0..<rows {
            let index = reader.scroll + offset
            guard index < lines.count else { break }
            var line = matches.map { $0.marked(lines[index], number: index) } ?? lines[index]
            for segment in current where segment.line == index {
                line = LinkMark.marking(line, column: segment.column, width: segment.width)
            }
            screen.put(line, row: 1 + offset, column: column.x, limit: column.width)
        }
        if case let .outline(cursor) = reader.overlay { OutlineView.draw(state, reader, cursor: cursor, headingLines: laidOut.headingLines, cache, on: &screen) }
        let section = OutlineView.section(state, reader, headingLines: laidOut.headingLines, cache)
        drawStatus(state, reader, total: lines.count, rows: rows, matches: matches, section: section, on: &screen)
    }

    static func drawStatus(_ state: AppState, _ reader: Reader, total: Int, rows: Int, matches: ReaderMatches?,
                           section: String?, on screen: inout Screen) {
        let row = state.height - 1
        var line = StyledLine()
        if let typed = reader.linkNumber {
            line.append(" link: ", .marker)
            line.append(typed, .plain)
            line.append("█", .marker)
            if let note = state.note {
                line.append(" · ", .meta)
                line.append(contentsOf: StyledLine(OneLine.spans(note, .strong)))
            }
            line.append(contentsOf: Hints.fitting(Keymap.prioritizedHints(in: .link), width: state.width - line.width))
        } else if case let .typing(text) = reader.find {
            line.append("/", .marker)
            line.append(contentsOf: StyledLine(OneLine.spans(text, .plain)))
            line.append("█", .marker)
            line.append(contentsOf: Hints.fitting(Keymap.prioritizedHints(in: .find), width: state.width - line.width))
        } else {
            let last = min(total, reader.scroll + rows)
            let percent = total == 0 ? 100 : last * 100 / total
            line.append(" \(percent)%", .strong)
            // Grouped as every count on screen is (`line 1,201–1,238 of 12,345`).
            let first = StatusLine.grouped(min(total, reader.scroll + 1))
            line.append(" · line \(first)–\(StatusLine.grouped(last)) of \(StatusLine.grouped(total))", .meta)
            // The find and the note answer the last key: the section takes what room they leave, less
            // the room of the hint kept to the last (`? help`), which it never pushes out.
            let hints = Keymap.prioritizedHints(in: reader.overlay == .none ? .reader : .outline)
            let feedback = ReaderStatus.feedback(state, matches, after: line.width)
            let kept = Hints.fitting(hints, width: Hints.widthOfLast(hints))
            line.append(contentsOf: ReaderStatus.section(section, room: state.width - line.width - feedback.width - kept.width))
            line.append(contentsOf: feedback)
            line.append(contentsOf: Hints.fitting(hints, width: state.width - line.width))
        }
        screen.fill(row: row, column: 0, width: state.width, style: .plain)
        screen.put(line, row: row, column: 0)
    }
}

extension ReaderView {
    /// Where the reader's current link sits, when it has one (its cells are drawn distinctly).
    static func currentLinkSegments(_ state: AppState, _ reader: Reader, _ cache: ViewCache) -> [LayoutLink.Segment] {
        guard let current = reader.currentLink else { return [] }
        let links = ReaderContent.links(state, state.readerKey(reader), in: cache)
        return links.indices.contains(current.index) ? links[current.index].segments : []
    }
}

/// Marking the current link's cells in a rendered line.
enum LinkMark {
    /// `line` with `.currentLink` added to the `width` display columns from `column`.
    static func marking(_ line: StyledLine, column: Int, width: Int) -> StyledLine {
        var result = StyledLine()
        var at = 0
        let end = column + width
        for span in line.spans {
            let spanWidth = span.width
            if at + spanWidth <= column || at >= end {
                result.append(span)
            } else {
                // The span crosses an edge of the link: cut it there, character by character.
                var before = "", inside = "", after = ""
                var position = at
                for character in span.text {
                    if position < column { before.append(character) } else if position < end { inside.append(character) } else { after.append(character) }
                    position += DisplayWidth.of(character)
                }
                result.append(StyledSpan(before, span.style, link: span.link))
                result.append(StyledSpan(inside, span.style.union(.currentLink), link: span.link))
                result.append(StyledSpan(after, span.style, link: span.link))
            }
            at += spanWidth
        }
        return result
    }
}

/// The help overlay: every binding, from the table, in a framed box over the screen.
enum HelpView {
    static func draw(scroll: Int, glyphs: Glyphs, on screen: inout Screen) {
        let scroll = min(scroll, HelpContent.maximumScroll(width: screen.width, height: screen.height))
        let lines = HelpContent.lines(width: HelpContent.textWidth(screenWidth: screen.width))
        let width = HelpContent.overlayWidth(screenWidth: screen.width)
        let x = (screen.width - width) / 2
        let rows = HelpContent.visibleRows(height: screen.height)
        let top = 1, bottom = rows + 2
        OverlayFrame.draw(x: x, top: top, bottom: bottom, width: width, glyphs: glyphs, on: &screen)
        let inner = width - 4
        for offset in 0..<(rows - 1) {
            let index = scroll + offset
            guard index < lines.count else { break }
            screen.put(Truncate.line(lines[index], to: inner), row: top + 1 + offset, column: x + 2, limit: inner)
        }
        var footer = StyledLine("q/Esc back", .meta)
        if lines.count > rows - 1 {
            let place = "(\(scroll + 1)–\(min(lines.count, scroll + rows - 1)) of \(lines.count))"
            // On a narrow overlay the place is worth more than the reminder of the scrolling keys.
            let scrolling = footer.width + 15 + DisplayWidth.of(place) <= inner ? "  j/k scroll  " : "  "
            footer.append(scrolling + place, .meta)
        }
        screen.put(footer, row: bottom - 1, column: x + 2, limit: inner)
    }
}

/// The bottom row: how many posts are listed, the focused pane, and key hints from the binding table;
/// the search prompt while searching.
enum StatusLine {
    static func draw(_ state: AppState, on screen: inout Screen) {
        let row = state.height - 1
        var line = StyledLine()
        if case .searching = state.mode {
            line.append(" /", .marker)
            line.append(contentsOf: StyledLine(OneLine.spans(state.search, .plain)))
            line.append("█", .marker)
            line.append("  " + Self.postCount(state), .meta)
            line.append(contentsOf: Self.activity(state))
            line.append(contentsOf: Hints.fitting(Keymap.prioritizedHints(in: .search), width: state.width - line.width))
        } else if case let .findingTag(find) = state.mode {
            line.append(" tag: ", .marker)
            line.append(contentsOf: StyledLine(OneLine.spans(find.text, .plain)))
            line.append("█", .marker)
            if let note = state.note {
                line.append(" · ", .meta)
                line.append(contentsOf: StyledLine(OneLine.spans(note, .strong)))
            }
            line.append(contentsOf: Hints.fitting(Keymap.prioritizedHints(in: .tagFind), width: state.width - line.width))
        } else {
            line.append(" " + Self.postCount(state), .strong)
            line.append(contentsOf: Self.activity(state))
            line.append(" · \(state.focus.rawValue)", .meta)
            if let note = state.note {
                line.append(" · ", .meta)
                line.append(contentsOf: StyledLine(OneLine.spans(note, .strong)))
            }
            line.append(contentsOf: Hints.fitting(Keymap.prioritizedHints(in: state.keyContext), width: state.width - line.width))
        }
        screen.put(line, row: row, column: 0)
    }

    /// `4,723 of 4,723 posts`, grouped as the progress is; while the blog is still loading, the
    /// count so far alone (`loading 4,723 posts`, `loading 43,000 of 100,000 posts`): a count of the
    /// posts read so far is not yet the blog's, and said twice it read as two different numbers.
    static func postCount(_ state: AppState) -> String {
        if let progress = state.progress, progress.verb == loadingVerb {
            var text = loadingVerb
            if progress.done > 0 || progress.total != nil { text += " \(grouped(progress.done))" }
            if let total = progress.total { text += " of \(grouped(total))" }
            return text + " posts"
        }
        return "\(grouped(state.results.count)) of \(grouped(state.store.posts.count)) posts"
    }

    /// The progress verb of a first load (`Action.start(.load)`), said by `postCount` instead.
    static let loadingVerb = "loading"

    /// What runs in the background: ` · refreshing 43,000 of 100,000` and ` · searching`.
    static func activity(_ state: AppState) -> StyledLine {
        var line = StyledLine()
        if let progress = state.progress, progress.verb != loadingVerb {
            var text = " · \(progress.verb)"
            if progress.done > 0 || progress.total != nil { text += " \(Self.grouped(progress.done))" }
            if let total = progress.total { text += " of \(Self.grouped(total))" }
            line.append(text, .meta)
        }
        if state.pendingSearch != nil {
            if let scanned = state.searchProgress, let total = scanned.total {
                line.append(" · searching \(Self.grouped(scanned.done)) of \(Self.grouped(total))", .meta)
            } else {
                line.append(" · searching", .meta)
            }
        }
        return line
    }

    /// 43000 → `43,000`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

/// Key hints for the status line: as many whole hints as fit, never one cut in half.
enum Hints {
    /// The hints that fit, chosen by priority (the least useful dropped first, so `? help` stays to the
    /// last) and shown in the table's order, so a hint never changes place as the line narrows. A hint
    /// that does not fit ends the choice: none of lower priority takes its place.
    static func fitting(_ hints: [(hint: String, priority: Int)], width: Int) -> StyledLine {
        let byPriority = hints.indices.sorted { hints[$0].priority != hints[$1].priority ? hints[$0].priority > hints[$1].priority : $0 < $1 }
        var kept = Set<Int>()
        // The first hint shown has a gap of 3, the others 2: one column more than 2 per hint.
        var used = 1
        for index in byPriority {
            let cost = 2 + DisplayWidth.of(hints[index].hint)
            guard used + cost <= width else { break }
            kept.insert(index)
            used += cost
        }
        return fitting(hints.indices.filter(kept.contains).map { hints[$0].hint }, width: width)
    }

    /// The columns the hint of highest priority takes alone (`   ? help`): room a line keeps for it.
    static func widthOfLast(_ hints: [(hint: String, priority: Int)]) -> Int {
        guard let top = hints.max(by: { $0.priority < $1.priority }) else { return 0 }
        return 3 + DisplayWidth.of(top.hint)
    }

    static func fitting(_ hints: [String], width: Int) -> StyledLine {
        var line = StyledLine()
        var used = 0
        for (index, hint) in hints.enumerated() {
            let gap = index == 0 ? 3 : 2
            let hintWidth = DisplayWidth.of(hint)
            guard used + gap + hintWidth <= width else { break }
            line.append(Blank.string(gap))
            line.append(hint, .meta)
            used += gap + hintWidth
        }
        return line
    }
}
