/// Lays a `Document` out at a width: the one set of layout rules every view of a post goes through
/// (the preview, the reader, the dumb-terminal reader and `byline show`). No line is wider than `width`.
///
/// It writes into a `FlatText` (every line's text in one buffer, cut into styled runs) through a
/// `FlatTextWriter`, which keeps the stack of open containers (a quote's bar, a list item's bullet
/// and indentation) and writes their prefixes as each line starts. `byline show` writes that flat
/// text out as it is; the reader and the preview take it as `StyledLine`s (`Progressive`), a few
/// top-level blocks at a time.
package enum DocumentLayout {
    /// Containers stop indenting once less than this would be left for their content.
    static let minimumContentWidth = 8

    /// `prefix`, then the whole document at `width`, in flat form.
    package static func text(for document: Document, width: Int, glyphs: Glyphs = .unicode, prefix: [StyledLine] = []) -> FlatText {
        var whole = FlatText()
        write(document, width: width, glyphs: glyphs, prefix: prefix, partBytes: .max) { whole = $0 }
        return whole
    }

    /// The same lines in parts of about `partBytes` bytes of text each (cut between top-level blocks),
    /// handed to `part` one after another as they are laid out: `byline show` writes each part out
    /// before it lays out the next, so a long post's lines never sit in memory whole. Every line is
    /// whole in one part.
    package static func write(_ document: Document, width: Int, glyphs: Glyphs, prefix: [StyledLine], partBytes: Int,
                             to part: (FlatText) -> Void) {
        var cursor = Cursor(document, width: width, glyphs: glyphs)
        var prefix = prefix
        repeat {
            // Every writer made is finished: its buffer is handed on in the part, never left behind.
            var writer = FlatTextWriter(capacity: min(partBytes, 1 << 16))
            for line in prefix { writer.append(line) }
            prefix = []
            cursor.layOut(into: &writer) { $0.byteCount < partBytes }
            part(writer.finish())
        } while !cursor.isComplete
    }

    /// The whole document as `StyledLine`s.
    package static func lines(for document: Document, width: Int, glyphs: Glyphs = .unicode) -> [StyledLine] {
        var layout = Progressive(document, width: width, glyphs: glyphs)
        layout.extend(toAtLeast: .max)
        return layout.lines
    }

    /// The lines of a post at a width, laid out at least as far as they have been asked for, and
    /// extendable: the preview of a long post shows its first screen without laying out the rest.
    /// Whatever has been laid out is exactly the start of what `text(for:)` gives, because both are
    /// the same walk, cut between top-level blocks.
    package struct Progressive: Sendable {
        /// The lines so far: `prefix`, then the document's.
        package private(set) var lines: [StyledLine]
        /// The line each top-level heading laid out so far starts on, in document order: the i-th is
        /// `Document.headings[i]`'s (the outline's jumps, an `#anchor`'s target, the section named).
        package private(set) var headingLines: [Int] = []
        private var cursor: Cursor

        /// Whether `lines` holds the whole document (notes and references too).
        package var isComplete: Bool { cursor.isComplete }

        package init(_ document: Document, width: Int, glyphs: Glyphs, prefix: [StyledLine] = []) {
            cursor = Cursor(document, width: width, glyphs: glyphs)
            lines = prefix
        }

        /// Lines that are all there is (a post still loading, say).
        package init(complete lines: [StyledLine]) {
            cursor = Cursor(Document(), width: 1, glyphs: .ascii, complete: true)
            self.lines = lines
        }

        /// Lays out blocks until there are at least `count` lines or the document is done.
        package mutating func extend(toAtLeast count: Int) {
            guard !isComplete, lines.count < count else { return }
            let have = lines.count
            var writer = FlatTextWriter()
            var starts: [Int] = []
            cursor.layOut(into: &writer, while: { have + $0.lineCount < count }, heading: { starts.append(have + $0) })
            lines += writer.finish().styledLines
            headingLines += starts
        }
    }

    /// Where the layout of a document has got to: the next top-level block, whether any block before
    /// had lines (the next one then gets a blank line first), and whether the notes and references
    /// are written too. `write` and `Progressive` both go through it, so a layout cut into parts is
    /// the layout made whole.
    struct Cursor: Sendable {
        private let document: Document
        private let context: Context
        private var nextBlock = 0
        private var bodyStarted = false
        private(set) var isComplete = false

        init(_ document: Document, width: Int, glyphs: Glyphs, complete: Bool = false) {
            self.document = document
            context = Context(width: max(1, width), glyphs: glyphs, listDepth: 0)
            isComplete = complete
        }

        /// Lays out top-level blocks into `writer` while `more(writer)`, then, past the last block and
        /// with `more` still true, the notes and references. `heading` is told the writer's line each
        /// top-level heading starts on.
        mutating func layOut(into writer: inout FlatTextWriter, while more: (FlatTextWriter) -> Bool,
                             heading: (Int) -> Void = { _ in }) {
            while !isComplete, more(writer) {
                if nextBlock < document.blocks.count {
                    let block = document.blocks[nextBlock]
                    let (before, blankFirst) = (writer.lineCount, bodyStarted)
                    context.layOutTopLevel(block, started: &bodyStarted, &writer)
                    // Every heading has lines (its text, or its rule or `#` label): the blank between
                    // blocks comes first.
                    if case .heading = block { heading(before + (blankFirst ? 1 : 0)) }
                    nextBlock += 1
                } else {
                    context.notesAndReferences(document, &writer)
                    isComplete = true
                }
            }
        }
    }

    /// What laying out a block depends on besides the block.
    struct Context: Sendable {
        var width: Int
        var glyphs: Glyphs
        var listDepth: Int

        /// A top-level block: top-level blocks are never tight, so a blank line comes between any
        /// two that have lines. `started` says whether one before had lines.
        func layOutTopLevel(_ block: Block, started: inout Bool, _ writer: inout FlatTextWriter) {
            let before = writer.lineCount
            if started { writer.pendingBlank = 0 }
            layout(block, &writer)
            // A block with no lines needs no blank before it.
            if writer.lineCount > before { started = true } else if started { writer.pendingBlank = nil }
        }

        func notesAndReferences(_ document: Document, _ writer: inout FlatTextWriter) {
            if !document.footnotes.isEmpty {
                writer.append(StyledLine())
                writer.append(StyledLine("Notes", [.heading4, .meta]))
                for (index, blocks) in document.footnotes.enumerated() {
                    hanging(label: StyledLine("[^\(index + 1)] ", .reference), body: blocks, tight: true, &writer)
                }
            }
            if !document.references.isEmpty {
                writer.append(StyledLine())
                writer.append(StyledLine("References", [.heading4, .meta]))
                for (index, url) in document.references.enumerated() {
                    let label = StyledLine("[\(index + 1)] ", .reference)
                    hanging(label: label, body: [.paragraph([StyledSpan(url, .link, link: url)])], tight: true, &writer)
                }
            }
        }

        /// Blocks one after another, with a blank line between them unless `tight`.
        func layout(_ blocks: [Block], tight: Bool, _ writer: inout FlatTextWriter) {
            var produced = false
            for block in blocks {
                let before = writer.lineCount
                let separate = produced && (!tight || !block.isParagraphLike)
                if separate { writer.pendingBlank = writer.depth }
                layout(block, &writer)
                // A block with no lines needs no blank before it; a blank owed by an outer container
                // (this is the first block to have lines) still is.
                if writer.lineCount > before { produced = true } else if separate { writer.pendingBlank = nil }
            }
        }

        func layout(_ block: Block, _ writer: inout FlatTextWriter) {
            switch block {
            case let .paragraph(spans):
                TextWrapper.wrap(spans, width: width, into: &writer)
            case let .heading(level, spans):
                heading(level: level, spans, &writer)
            case let .code(language, lines):
                CodeBlockLayout.write(language: language, code: lines, width: width, glyphs: glyphs, into: &writer)
            case let .list(list):
                self.list(list, &writer)
            case let .quote(blocks):
                quote(blocks, &writer)
            case let .table(table):
                TableLayout.write(table, width: width, glyphs: glyphs, into: &writer)
            case .rule:
                writer.append(StyledLine(Blank.repeated(glyphs.rule, width), .rule))
            }
        }

        func heading(level: Int, _ spans: [StyledSpan], _ writer: inout FlatTextWriter) {
            let headingStyle: TextStyle
            switch level {
            case ...1: headingStyle = .heading1
            case 2: headingStyle = .heading2
            case 3: headingStyle = .heading3
            default: headingStyle = .heading4
            }
            let styled = spans.map { StyledSpan($0.text, $0.style.union(headingStyle), link: $0.link) }
            if level <= 2 {
                // Underlined as wide as the heading's widest line.
                let ruleWidth = min(width, TextWrapper.wrap(styled, width: width, into: &writer))
                let rule = level == 1 ? glyphs.doubleRule : glyphs.rule
                writer.append(StyledLine(Blank.repeated(rule, ruleWidth), [.headingRule, headingStyle]))
                return
            }
            // Levels 3 to 6 keep markdown's own prefix, so they stay distinct without colour.
            let label = StyledLine(String(repeating: "#", count: min(level, 6)) + " ", [.marker, headingStyle])
            let indent = label.width
            guard width - indent >= DocumentLayout.minimumContentWidth else {
                TextWrapper.wrap(label.spans + styled, width: width, into: &writer)
                return
            }
            writer.push(.hanging(label: label, indent: indent))
            TextWrapper.wrap(styled, width: width - indent, into: &writer)
            writer.pop()
        }

        func quote(_ blocks: [Block], _ writer: inout FlatTextWriter) {
            let bar = glyphs.quoteBar
            let barWidth = DisplayWidth.of(bar)
            var inner = self
            if width - barWidth >= DocumentLayout.minimumContentWidth {
                inner.width = width - barWidth
                writer.push(.quote(bar: bar), adding: .quote)
            } else {
                writer.push(.none, adding: .quote)
            }
            inner.layout(blocks, tight: false, &writer)
            writer.pop()
        }

        func list(_ list: ListBlock, _ writer: inout FlatTextWriter) {
            let markers = list.markers(glyphs: glyphs, depth: listDepth)
            var inner = self
            inner.listDepth += 1
            for (index, item) in list.items.enumerated() {
                if !list.tight, index > 0 { writer.append(StyledLine()) }
                inner.hanging(label: StyledLine(markers[index], .marker), body: item.blocks, tight: list.tight, &writer)
            }
        }

        /// `label` on the first line and the body indented under it (list items, notes, references).
        func hanging(label: StyledLine, body: [Block], tight: Bool, _ writer: inout FlatTextWriter) {
            let indent = label.width
            guard width - indent >= DocumentLayout.minimumContentWidth else {
                writer.append(label)
                layout(body, tight: tight, &writer)
                return
            }
            var inner = self
            inner.width = width - indent
            writer.push(.hanging(label: label, indent: indent))
            inner.layout(body, tight: tight, &writer)
            writer.pop()
        }
    }
}

extension Block {
    /// Paragraph-like blocks sit without a blank line between them inside a tight list item.
    var isParagraphLike: Bool {
        switch self {
        case .paragraph, .list: return true
        default: return false
        }
    }
}
