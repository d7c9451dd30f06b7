/// The reader's links: Tab and Shift-Tab make one current, a typed number or Enter follows one, `y`
/// copies one, and `Backspace`/`B` and `F` walk back and forward through the posts followed.
extension Reducer {
    /// Longest link number typed: more digits than any post has links.
    static let linkNumberDigits = 6

    /// The link-number prompt (`link: 12`), while it is open: digits, Backspace, Enter, Esc.
    static func reduceLinkNumber(_ state: inout AppState, _ action: Action, _ reader: Reader, typed: String) -> [Effect] {
        var reader = reader
        switch action {
        case let .insertText(text):
            let digits = text.filter(\.isASCIIDigit)
            reader.linkNumber = String((typed + digits).prefix(linkNumberDigits))
        case .deleteBackward:
            reader.linkNumber = String(typed.dropLast())
        case .cancelPrompt:
            reader.linkNumber = nil
        case .submitPrompt:
            reader.linkNumber = nil
            state.mode = .reading(reader)
            guard let number = Int(typed) else { return [] }
            state.followLink(reference: number, from: reader)
            return []
        default:
            break
        }
        state.mode = .reading(reader)
        return []
    }

    /// The link keys of the reader; nil for any other action.
    static func reduceLinkAction(_ state: inout AppState, _ action: Action, _ reader: Reader) -> [Effect]? {
        var reader = reader
        switch action {
        case .startLinkNumber:
            reader.linkNumber = ""
        case let .insertText(text):
            // A digit typed in the reader (`Keymap`'s `.startLinkNumber` row) opens the prompt with it.
            let digits = text.filter(\.isASCIIDigit)
            guard !digits.isEmpty else { return [] }
            reader.linkNumber = String(digits.prefix(linkNumberDigits))
        case .nextLink, .previousLink:
            reader.intent = .seekLink(forward: action == .nextLink)
        case .followLink:
            guard let current = reader.currentLink else {
                state.note = "no current link: Tab to one, or type its number"
                return []
            }
            state.followLink(reference: current.reference, from: reader)
            return []
        case .copyLink:
            guard let current = reader.currentLink, let target = state.linkTarget(current.reference, in: reader.post) else {
                state.note = "no current link to copy: Tab to one first"
                return []
            }
            state.note = "copied " + target
            return [.copyToClipboard(target)]
        case .historyBack, .historyForward:
            state.walkHistory(forward: action == .historyForward, from: reader)
            return []
        default:
            return nil
        }
        state.mode = .reading(reader)
        return []
    }
}

extension AppState {
    /// The target of link `[reference]` in `post`'s parsed body (terminal-safe), if there is one.
    func linkTarget(_ reference: Int, in post: Int) -> String? {
        guard let references = loaded[post]?.document.references, references.indices.contains(reference - 1) else { return nil }
        return references[reference - 1]
    }

    /// Where the reader is, to come back to.
    func visit(_ reader: Reader) -> ReadingHistory.Visit {
        ReadingHistory.Visit(post: reader.post, path: store.posts[reader.post].path, numbering: numbering,
                             scroll: reader.scroll, currentLink: reader.currentLink)
    }

    /// Follows link `[reference]` of the reader's post: a post of this blog opens (at its `#anchor`),
    /// an anchor of this post scrolls there, both remembered for `B`; anything else (a web page, a
    /// mail address, a file) shows its full address on the status line and opens nothing.
    mutating func followLink(reference: Int, from reader: Reader) {
        guard loaded[reader.post] != nil else {
            note = "this post is still loading"
            return
        }
        guard let target = linkTarget(reference, in: reader.post) else {
            note = "no link [\(reference)] in this post"
            return
        }
        let anchor = target.firstIndex(of: "#").map { String(target[target.index(after: $0)...]) }
        let pathPart = String(target.prefix { $0 != "#" })
        var number: Int?
        if pathPart.isEmpty {
            number = reader.post
        } else if InternalLink.kind(of: target) != nil {
            number = store.linkIndex.post(for: pathPart, from: store.posts[reader.post].path, in: store)
            if number == nil {
                note = "no post \"\(pathPart)\" in this blog"
                return
            }
        }
        guard let number else {
            note = target
            return
        }
        history.followed(from: visit(reader))
        var next = number == reader.post ? reader : Reader(post: number)
        next.linkNumber = nil
        if let anchor, !anchor.isEmpty {
            next.intent = .showAnchor(anchor)
        } else if number == reader.post {
            next.scroll = 0
            next.intent = nil
        }
        mode = .reading(next)
    }

    /// `B` (or `Backspace`) and `F`: the post and scroll before (or after) this one in the history.
    mutating func walkHistory(forward: Bool, from reader: Reader) {
        let here = visit(reader)
        guard let visit = forward ? history.goForward(from: here) : history.goBack(from: here) else {
            note = forward ? "nothing to go forward to" : "nothing to go back to (q leaves the reader)"
            return
        }
        guard let number = visit.numbering == numbering ? visit.post : store.linkIndex.post(atPath: visit.path, in: store) else {
            note = "\(visit.path) is no longer in this blog"
            return
        }
        var next = Reader(post: number, scroll: visit.scroll)
        next.currentLink = visit.currentLink
        if visit.scroll > 0 { next.intent = .keepInPost }
        mode = .reading(next)
    }

    /// Settles a link intent of the reader with the facts in: Tab's next link, a click's link. Returns
    /// whether the intent was one of those (the reader is then in `mode`).
    mutating func settleLinkIntent(_ reader: Reader, _ facts: LayoutFacts) -> Bool {
        var reader = reader
        switch reader.intent {
        case let .seekLink(forward):
            guard facts.isComplete else { return true }
            seekLink(&reader, forward: forward, links: facts.links)
            reader.intent = .keepInPost
            mode = .reading(reader)
            return false
        case let .followLinkAt(line, column):
            guard facts.isComplete else { return true }
            reader.intent = nil
            mode = .reading(reader)
            guard let index = facts.links.firstIndex(where: { $0.covers(line: line, column: column) }) else { return true }
            reader.currentLink = CurrentLink(index: index, reference: facts.links[index].reference)
            mode = .reading(reader)
            followLink(reference: facts.links[index].reference, from: reader)
            return true
        default:
            return false
        }
    }

    /// Makes the next (or previous) link current: after the current one when it is on screen, else
    /// the first (or last) on screen, else the first below the screen (or last above), scrolled to.
    private mutating func seekLink(_ reader: inout Reader, forward: Bool, links: [LayoutLink]) {
        guard !links.isEmpty else {
            note = "no links in this post"
            return
        }
        let rows = PaneLayout.readerRows(height: height)
        let screen = reader.scroll..<(reader.scroll + rows)
        var target: Int?
        if let current = reader.currentLink, links.indices.contains(current.index),
           links[current.index].segments.contains(where: { screen.contains($0.line) }) {
            target = current.index + (forward ? 1 : -1)
        } else if forward {
            target = links.firstIndex { $0.segments.contains { $0.line >= screen.lowerBound } }
        } else {
            target = links.lastIndex { $0.line < screen.upperBound }
        }
        guard let index = target, links.indices.contains(index) else {
            note = forward ? "no more links below" : "no more links above"
            return
        }
        let link = links[index]
        reader.currentLink = CurrentLink(index: index, reference: link.reference)
        let first = link.line, last = link.segments.last?.line ?? first
        if last >= screen.upperBound { reader.scroll = max(0, last - rows + 1) }
        if first < reader.scroll { reader.scroll = first }
        if let target = linkTarget(link.reference, in: reader.post) { note = "[\(link.reference)] \(target)" }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
