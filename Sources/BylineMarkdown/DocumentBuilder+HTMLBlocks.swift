import BylineCore

extension DocumentBuilder {
    /// How an HTML element is undone when it closes.
    enum HTMLUndo {
        case nothing
        /// Ends the paragraph or heading its content was in.
        case block
        case container
        /// A `<li>` outside a list, given a list of its own.
        case itemInOwnList
        case pre
        case tag
        case table(Frame), tableHead, row(Frame), cell(Frame)
    }

    /// The state of one HTML walk that is not the builder's own.
    struct HTMLWalk {
        var undo: [HTMLUndo] = []
        /// The text of the `<pre>` being read, and how many `<pre>` are open.
        var code = ""
        var preDepth = 0
        var language: String?
        var headDepth = 0
        var cellDepth = 0
    }

    /// Raw HTML blocks (consecutive ones together: blank lines split a `<div>` into several) as blocks
    /// of the document. Every text passes `SafeText`; containers nest no deeper than markdown's.
    mutating func addHTML(_ html: String) {
        var walk = HTMLWalk()
        HTMLTree.walk(html) { event in
            switch event {
            case let .open(element): open(element, &walk)
            case .close: close(&walk)
            case let .text(text): htmlText(text, &walk)
            }
        }
        endParagraph()
    }

    private mutating func open(_ element: HTMLTree.Element, _ walk: inout HTMLWalk) {
        let kind = HTMLElementKind(element.name)
        if walk.preDepth > 0 {
            if case .pre = kind { walk.preDepth += 1; walk.undo.append(.pre); return }
            if case .lineBreak = kind { walk.code += "\n" }
            if walk.language == nil { walk.language = Self.language(element) }
            walk.undo.append(.nothing)
            return
        }
        if walk.cellDepth > 0, !kind.isInline {
            // A cell holds one run of text: its blocks are separated by a space.
            addSeparator()
            walk.undo.append(.block)
            return
        }
        // Code on lines of its own, in a `<code>` without `<pre>` alone in its block.
        if element.name == "code", walk.cellDepth == 0, !tagStyle.contains(.code), element.isAlone, element.hasInnerLineBreak {
            return openPre(element, &walk)
        }
        switch kind {
        case let .style(added):
            openTag(OpenTag(name: element.name, style: added, url: nil))
            walk.undo.append(.tag)
        case .link:
            guard let href = element.attribute("href") else { walk.undo.append(.nothing); return }
            openTag(OpenTag(name: element.name, style: .link, url: href))
            walk.undo.append(.tag)
        case .image:
            if startInline() { addImage(alt: element.attribute("alt") ?? "", source: element.attribute("src") ?? "") }
            walk.undo.append(.nothing)
        case .lineBreak:
            if case .inline = top.kind { addInline([StyledSpan("\n")]) }
            walk.undo.append(.nothing)
        case .rule:
            endParagraph()
            append(.rule)
            walk.undo.append(.nothing)
        case .block:
            endParagraph()
            walk.undo.append(.block)
        case .transparent:
            walk.undo.append(.nothing)
        case let .heading(level):
            endParagraph()
            // A block inside it ends it early (the rest is a paragraph).
            stack.append(Frame(.inline(.heading(level))))
            walk.undo.append(.block)
        case .pre:
            openPre(element, &walk)
        case let .list(ordered):
            endParagraph()
            // cmark's own bound on a list's first number.
            let start = element.attribute("start").flatMap { Int($0) }.map { min(max($0, 0), 999_999_999) } ?? 1
            openContainer(.list(ordered: ordered, start: start, tight: true))
            walk.undo.append(.container)
        case .item:
            endParagraph()
            if case .list = top.kind {
                openContainer(.item(task: nil))
                walk.undo.append(.container)
            } else {
                openContainer(.list(ordered: false, start: 1, tight: true))
                openContainer(.item(task: nil))
                walk.undo.append(.itemInOwnList)
            }
        case .quote:
            endParagraph()
            openContainer(.quote)
            walk.undo.append(.container)
        case .table:
            endParagraph()
            let frame = Frame(.table(alignments: []))
            stack.append(frame)
            walk.undo.append(.table(frame))
        case .tableHead:
            walk.headDepth += 1
            walk.undo.append(.tableHead)
        case .row:
            guard case .table = top.kind else { endParagraph(); walk.undo.append(.block); return }
            let frame = Frame(.row(header: walk.headDepth > 0))
            stack.append(frame)
            walk.undo.append(.row(frame))
        case .cell:
            guard case .row = top.kind else { endParagraph(); walk.undo.append(.block); return }
            let frame = Frame(.inline(.cell))
            stack.append(frame)
            walk.cellDepth += 1
            walk.undo.append(.cell(frame))
        }
    }

    private mutating func openPre(_ element: HTMLTree.Element, _ walk: inout HTMLWalk) {
        endParagraph()
        walk.preDepth = 1
        walk.code = ""
        // Highlighters mark the language on the `<pre>`, its `<code>`, or a `<div>` around it (Jekyll's Rouge).
        walk.language = sequence(first: element, next: \.parent).lazy.compactMap(Self.language).first
        walk.undo.append(.pre)
    }

    private mutating func close(_ walk: inout HTMLWalk) {
        switch walk.undo.removeLast() {
        case .nothing:
            break
        case .block:
            if walk.cellDepth > 0 { addSeparator() } else { endParagraph() }
        case .container:
            endParagraph()
            closeContainer()
        case .itemInOwnList:
            endParagraph()
            closeContainer()
            closeContainer()
        case .pre:
            walk.preDepth -= 1
            if walk.preDepth == 0 { addCode(walk.code, language: walk.language) }
        case .tag:
            closeTag()
        case let .table(frame):
            endParagraph()
            guard top === frame else { return }
            stack.removeLast()
            var header = frame.header
            var rows = frame.rows
            // A table without a head row reads its first row as one, as a markdown table must have.
            if header.isEmpty, !rows.isEmpty { header = rows.removeFirst() }
            if !header.isEmpty { append(.table(TableBlock(alignments: [], header: header, rows: rows))) }
        case .tableHead:
            walk.headDepth -= 1
        case let .row(frame):
            guard top === frame else { return }
            stack.removeLast()
            if case .row(header: true) = frame.kind, top.header.isEmpty { top.header = frame.cells } else { top.rows.append(frame.cells) }
        case let .cell(frame):
            walk.cellDepth -= 1
            guard top === frame else { return }
            stack.removeLast()
            top.cells.append(TemplateCode.mark(Self.trimmed(frame.inlines)))
        }
    }

    /// Text of an HTML block: as written inside `<pre>`, else with its runs of white space collapsed.
    private mutating func htmlText(_ text: String, _ walk: inout HTMLWalk) {
        if walk.preDepth > 0 {
            walk.code += text
            return
        }
        var collapsed = Self.collapsingWhiteSpace(text)
        let startsLine = top.inlines.last.map { $0.span.text.hasSuffix(" ") || $0.span.text == "\n" } ?? true
        if startsLine, collapsed.hasPrefix(" ") { collapsed.removeFirst() }
        guard !collapsed.isEmpty, startInline() else { return }
        addInline(SafeText.spans(collapsed, inlineStyle, link: currentLink))
    }

    /// Makes sure inline content has somewhere to go: a paragraph is opened in a block container.
    /// False where text has no place (between a table's cells).
    mutating func startInline() -> Bool {
        switch top.kind {
        case .inline: return true
        case .document, .quote, .item, .footnote, .list:
            stack.append(Frame(.inline(.paragraph)))
            return true
        case .table, .row:
            return false
        }
    }

    /// Ends the paragraph (or a heading interrupted by a block) that inline content went into.
    private mutating func endParagraph() {
        guard case let .inline(kind) = top.kind else { return }
        if case .cell = kind { return }
        let frame = stack.removeLast()
        let spans = TemplateCode.mark(Self.trimmed(frame.inlines))
        guard !spans.isEmpty else { return }
        if case let .heading(level) = kind { append(.heading(level: level, spans)) } else { append(.paragraph(spans)) }
    }

    /// A space between two blocks of text inside a table cell.
    private func addSeparator() {
        guard let last = top.inlines.last?.span.text, !last.hasSuffix(" "), last != "\n" else { return }
        addInline([StyledSpan(" ")])
    }

    private mutating func addCode(_ code: String, language: String?) {
        var code = Substring(code)
        // As in HTML, a newline right after `<pre>` is not content; nor is the one before `</pre>`.
        if code.hasPrefix("\n") { code.removeFirst() }
        if code.hasSuffix("\n") { code.removeLast() }
        appendCode(code, language: language)
    }

    /// `ruby` from `class="language-ruby"` (or `lang-ruby`), as highlighters mark code.
    private static func language(_ element: HTMLTree.Element) -> String? {
        guard let classes = element.attribute("class") else { return nil }
        for name in classes.split(whereSeparator: \.isWhitespace) {
            for prefix in ["language-", "lang-"] where name.hasPrefix(prefix) && name.count > prefix.count {
                return String(name.dropFirst(prefix.count))
            }
        }
        return nil
    }

    /// Runs of HTML white space as one space, as a browser shows them.
    static func collapsingWhiteSpace(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var inSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                if !inSpace { output.append(" ") }
                inSpace = true
            } else {
                output.append(scalar)
                inSpace = false
            }
        }
        return String(output)
    }

    /// A paragraph's content without the spaces and line breaks at its end.
    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var inlines = inlines
        while let last = inlines.last, last.span.text == "\n" || last.span.text.hasSuffix(" ") {
            if last.span.text == "\n" || last.span.text == " " {
                inlines.removeLast()
            } else {
                inlines[inlines.count - 1].span.text.removeLast()
            }
        }
        return inlines
    }
}

extension HTMLElementKind {
    /// Styles, links, images and breaks: what may sit inside a table cell's text.
    var isInline: Bool {
        switch self {
        case .style, .link, .image, .lineBreak, .transparent: return true
        default: return false
        }
    }
}
