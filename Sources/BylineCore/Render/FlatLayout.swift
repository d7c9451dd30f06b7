/// `DocumentLayout` written straight into a `FlatText`, for `byline show`: the same lines, without a
/// `StyledLine` per line or a `String` per span for prose and code, the bulk of any post. Headings and
/// tables, which need their lines' widths before they are done, are laid out as `StyledLine`s by
/// `DocumentLayout` and `TableLayout` and copied in.
///
/// The rules (blank lines between blocks, what containers put before their lines, notes and
/// references at the end) are `DocumentLayout`'s, and FlatLayoutTests holds the two to the same lines.
public enum FlatLayout {
    /// Documents with at least this many top-level blocks are laid out in two halves on two cores (a
    /// 1 MB post has about 2,000; a long article about 100). A top-level block's lines depend on
    /// nothing before it but whether any block before it had lines (then a blank line comes first).
    public static let parallelBlocks = 512

    /// `prefix`, then the document at `width`: what `PreviewContent.lines` gives.
    public static func text(for document: Document, width: Int, glyphs: Glyphs = .unicode, prefix: [StyledLine] = [],
                            capacity: Int = 0, parallelAbove: Int = parallelBlocks) -> FlatText {
        let parts = parts(for: document, width: width, glyphs: glyphs, prefix: prefix, capacity: capacity,
                          parallelAbove: parallelAbove)
        guard parts.count > 1 else { return parts[0] }
        var writer = FlatTextWriter(capacity: parts.reduce(0) { $0 + $1.bytes.count })
        for part in parts { writer.append(contentsOf: part) }
        return writer.finish()
    }

    /// The same lines in parts, one after another: one part, or for a long document the two halves
    /// laid out on two cores. `byline show` writes the parts in turn; joining them copied the second
    /// half into pages touched for nothing else (1.5 MB for a 1 MB post, a millisecond and more).
    public static func parts(for document: Document, width: Int, glyphs: Glyphs = .unicode, prefix: [StyledLine] = [],
                             capacity: Int = 0, parallelAbove: Int = parallelBlocks) -> [FlatText] {
        let context = Context(width: max(1, width), glyphs: glyphs, listDepth: 0)
        let blocks = document.blocks
        guard blocks.count >= max(2, parallelAbove) else {
            var writer = FlatTextWriter(capacity: capacity)
            for line in prefix { writer.append(line) }
            layOutBody(blocks[...], context, &writer)
            context.notesAndReferences(document, &writer)
            return [writer.finish()]
        }
        let middle = blocks.count / 2
        let (first, second) = ParallelMap.both({
            var writer = FlatTextWriter(capacity: capacity / 2)
            for line in prefix { writer.append(line) }
            let started = layOutBody(blocks[..<middle], context, &writer)
            return (writer, started)
        }, {
            var writer = FlatTextWriter(capacity: capacity / 2)
            layOutBody(blocks[middle...], context, &writer)
            return writer
        })
        var (head, headStarted) = first
        var tail = second
        // The blank line between two top-level blocks, where the halves meet.
        if headStarted, tail.lineCount > 0 { head.append(StyledLine()) }
        context.notesAndReferences(document, &tail)
        return [head.finish(), tail.finish()]
    }

    /// Top-level blocks with a blank line between any two that have lines; whether any had.
    @discardableResult
    static func layOutBody(_ blocks: ArraySlice<Block>, _ context: Context, _ writer: inout FlatTextWriter) -> Bool {
        var bodyStarted = false
        for block in blocks {
            let before = writer.lineCount
            // Top-level blocks are never tight: a blank line between any two.
            if bodyStarted { writer.pendingBlank = 0 }
            context.layout(block, &writer)
            // A block with no lines needs no blank before it (and one owed further out is not this one).
            if writer.lineCount > before { bodyStarted = true } else if bodyStarted { writer.pendingBlank = nil }
        }
        return bodyStarted
    }

    struct Context {
        var width: Int
        var glyphs: Glyphs
        var listDepth: Int

        /// The layout this mirrors, for the blocks copied from it.
        var styled: DocumentLayout.Context { DocumentLayout.Context(width: width, glyphs: glyphs, listDepth: listDepth) }

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
                for line in styled.heading(level: level, spans) { writer.append(line) }
            case let .code(language, lines):
                CodeBlockLayout.write(language: language, code: lines, width: width, glyphs: glyphs, into: &writer)
            case let .list(list):
                self.list(list, &writer)
            case let .quote(blocks):
                quote(blocks, &writer)
            case let .table(table):
                for line in TableLayout.lines(table, width: width, glyphs: glyphs) { writer.append(line) }
            case .rule:
                writer.append(StyledLine(Blank.repeated(glyphs.rule, width), .rule))
            }
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
