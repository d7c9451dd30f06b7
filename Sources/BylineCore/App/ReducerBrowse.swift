/// The browsing screen's steadier keys (issue 18): a search that selects its first result, `Esc`
/// dropping the search alone, `/` in the tag pane finding a tag by name, `S` cycling the list's order.
extension Reducer {
    /// The search text changed (a key in the prompt, Esc restoring it): the list goes to its first
    /// result, scrolled to the top, where the best matches are.
    static func searchChanged(_ state: inout AppState) -> [Effect] {
        let effects = filterChanged(&state)
        state.selectFirstResult()
        return effects
    }

    /// `Esc` in browse: the kept search goes, the tags stay; with no search, nothing happens.
    static func clearSearch(_ state: inout AppState) -> [Effect] {
        guard !state.search.isEmpty else { return [] }
        state.search = ""
        return filterChanged(&state)
    }

    /// `S` in the list: newest, oldest, by title, and round again; the selection stays on its post.
    static func cycleListOrder(_ state: inout AppState) -> [Effect] {
        let newestFirst = state.resultsNewestFirst
        state.listOrder = state.listOrder.next
        state.setResultsInOrder(newestFirst)
        // Title order comes next: its sort is done off the input thread meanwhile.
        return state.listOrder == .oldest ? [.prepareTitleOrder] : []
    }

    // MARK: Finding a tag by typing

    /// `/` in the tag pane: a prompt whose text moves the tag cursor to the first tag it names.
    static func startTagFind(_ state: inout AppState) {
        state.mode = .findingTag(TagFind(text: "", returnTo: state.tagCursor))
    }

    /// The tag prompt's keys: typed text finds, Enter keeps the cursor where it is, Esc takes it back.
    static func reduceTagFind(_ state: inout AppState, _ action: Action, _ find: TagFind) -> [Effect] {
        var find = find
        switch action {
        case let .insertText(typed):
            guard let kept = AppState.promptAddition(after: find.text, typed) else { return [] }
            find.text += kept
        case .deleteBackward:
            guard !find.text.isEmpty else { return [] }
            find.text.removeLast()
        case .submitPrompt:
            state.mode = .browsing
            return []
        case .cancelPrompt:
            state.mode = .browsing
            if let back = find.returnTo { state.tagCursor = back }
            return []
        default:
            return []
        }
        state.mode = .findingTag(find)
        if find.text.isEmpty {
            if let back = find.returnTo { state.tagCursor = back }
        } else if let key = TagFind.firstMatch(find.text, in: state.orderedTags) {
            state.tagCursor = key
        } else {
            state.note = "no tag matches \u{201C}\(find.text)\u{201D}"
        }
        return []
    }
}

/// The tag prompt's text and where the cursor was before it, to go back to on Esc.
package struct TagFind: Hashable, Sendable {
    package var text: String
    package var returnTo: String?

    package init(text: String, returnTo: String?) {
        self.text = text
        self.returnTo = returnTo
    }

    /// The key of the first row (in the pane's order) whose name starts with `text`, else of the first
    /// that contains it; case and Latin accents do not count (`cafe` finds `Café`). Headings are skipped.
    static func firstMatch(_ text: String, in rows: [AppState.TagRow]) -> String? {
        let needle = LatinFolding.folded(text)
        guard !needle.isEmpty else { return nil }
        var contained: String?
        for row in rows where !row.isHeading {
            let name = LatinFolding.folded(LineClip.clipped(row.name))
            if name.hasPrefix(needle) { return row.key }
            if contained == nil, name.contains(needle) { contained = row.key }
        }
        return contained
    }
}

extension LatinFolding {
    /// `text` in lower case with Latin accents folded to their base letters and combining marks dropped:
    /// `Café` and `cafe\u{301}` are both `cafe`. Compared by scalars, never by `Character`.
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if isDroppedMark(scalar.value) { continue }
            if let base = base(of: scalar.value) { out.append(Unicode.Scalar(base)) } else { out.append(scalar) }
        }
        return String(out)
    }
}

extension AppState {
    /// Selects the first result and scrolls the list to the top.
    mutating func selectFirstResult() {
        if selected != results.first { previewScroll = 0 }
        selected = results.first
        listScroll = 0
    }
}

extension AppState {
    /// Whether the browsing screen has the keys (browsing, or the tag prompt moving the tag cursor), so
    /// the focused pane's cursor is drawn as focused.
    var showsBrowseCursor: Bool {
        switch mode {
        case .browsing, .findingTag: return true
        default: return false
        }
    }
}
