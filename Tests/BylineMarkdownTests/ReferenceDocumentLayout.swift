@testable import BylineCore

/// The layout rules as `DocumentLayout` had them before it became the one engine: each container
/// lays its body out into `StyledLine`s and then prefixes them. Kept here, beside the tests, as a
/// second statement of the same rules, written another way: `DocumentLayout` (which streams into one
/// flat buffer with a stack of open containers) must give exactly these lines, for every fixture and
/// random documents (DocumentLayoutReferenceTests).
enum ReferenceDocumentLayout {
    static let minimumContentWidth = DocumentLayout.minimumContentWidth

    /// The document's blocks, a blank line between any two with lines, then notes and references.
    static func lines(for document: Document, width: Int, glyphs: Glyphs = .unicode) -> [StyledLine] {
        let context = Context(width: max(1, width), glyphs: glyphs, listDepth: 0)
        var lines: [StyledLine] = []
        for block in document.blocks {
            let blockLines = context.layout(block)
            if blockLines.isEmpty { continue }
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines += blockLines
        }
        if !document.footnotes.isEmpty {
            lines += [StyledLine(), StyledLine("Notes", [.heading4, .meta])]
            for (index, blocks) in document.footnotes.enumerated() {
                lines += context.hanging(label: StyledLine("[^\(index + 1)] ", .reference), body: blocks, tight: true)
            }
        }
        if !document.references.isEmpty {
            lines += [StyledLine(), StyledLine("References", [.heading4, .meta])]
            for (index, url) in document.references.enumerated() {
                let label = StyledLine("[\(index + 1)] ", .reference)
                lines += context.hanging(label: label, body: [.paragraph([StyledSpan(url, .link, link: url)])], tight: true)
            }
        }
        return lines
    }

    static func code(language: String?, code: [[StyledSpan]], width: Int, glyphs: Glyphs) -> [StyledLine] {
        var writer = FlatTextWriter()
        CodeBlockLayout.write(language: language, code: code, width: width, glyphs: glyphs, into: &writer)
        return writer.finish().styledLines
    }

    static func table(_ table: TableBlock, width: Int, glyphs: Glyphs) -> [StyledLine] {
        var writer = FlatTextWriter()
        TableLayout.write(table, width: width, glyphs: glyphs, into: &writer)
        return writer.finish().styledLines
    }

    /// What laying out a block depends on besides the block.
    struct Context: Sendable {
        var width: Int
        var glyphs: Glyphs
        var listDepth: Int

        /// Blocks one after another, with a blank line between them unless `tight`.
        func layout(_ blocks: [Block], tight: Bool) -> [StyledLine] {
            var lines: [StyledLine] = []
            for block in blocks {
                let blockLines = layout(block)
                if blockLines.isEmpty { continue }
                if !lines.isEmpty, !tight || !block.isParagraphLike { lines.append(StyledLine()) }
                lines += blockLines
            }
            return lines
        }

        func layout(_ block: Block) -> [StyledLine] {
            switch block {
            case let .paragraph(spans):
                return TextWrapper.wrap(spans, width: width)
            case let .heading(level, spans):
                return heading(level: level, spans)
            case let .code(language, lines):
                return ReferenceDocumentLayout.code(language: language, code: lines, width: width, glyphs: glyphs)
            case let .list(list):
                return self.list(list)
            case let .quote(blocks):
                return quote(blocks)
            case let .table(table):
                return ReferenceDocumentLayout.table(table, width: width, glyphs: glyphs)
            case .rule:
                return [StyledLine(Blank.repeated(glyphs.rule, width), .rule)]
            }
        }

        func heading(level: Int, _ spans: [StyledSpan]) -> [StyledLine] {
            let headingStyle: TextStyle
            switch level {
            case ...1: headingStyle = .heading1
            case 2: headingStyle = .heading2
            case 3: headingStyle = .heading3
            default: headingStyle = .heading4
            }
            let styled = spans.map { StyledSpan($0.text, $0.style.union(headingStyle), link: $0.link) }
            if level <= 2 {
                let lines = TextWrapper.wrap(styled, width: width)
                let ruleWidth = min(width, lines.map(\.width).max() ?? 0)
                let rule = level == 1 ? glyphs.doubleRule : glyphs.rule
                return lines + [StyledLine(Blank.repeated(rule, ruleWidth), [.headingRule, headingStyle])]
            }
            // Levels 3 to 6 keep markdown's own prefix, so they stay distinct without colour.
            let prefix = String(repeating: "#", count: min(level, 6)) + " "
            return hanging(label: StyledLine(prefix, [.marker, headingStyle]), spans: styled)
        }

        func quote(_ blocks: [Block]) -> [StyledLine] {
            let bar = glyphs.quoteBar
            let barWidth = DisplayWidth.of(bar)
            guard width - barWidth >= ReferenceDocumentLayout.minimumContentWidth else {
                return layout(blocks, tight: false).map { $0.adding(.quote) }
            }
            var inner = self
            inner.width = width - barWidth
            return inner.layout(blocks, tight: false).map { line in
                var prefixed = StyledLine(bar, [.marker, .quote])
                prefixed.append(contentsOf: line.adding(.quote))
                return prefixed
            }
        }

        func list(_ list: ListBlock) -> [StyledLine] {
            let markers = list.markers(glyphs: glyphs, depth: listDepth)
            var inner = self
            inner.listDepth += 1
            var lines: [StyledLine] = []
            for (index, item) in list.items.enumerated() {
                if !list.tight, index > 0 { lines.append(StyledLine()) }
                lines += inner.hanging(label: StyledLine(markers[index], .marker), body: item.blocks, tight: list.tight)
            }
            return lines
        }

        /// `label` on the first line and the body indented under it (list items, notes, references).
        func hanging(label: StyledLine, body: [Block], tight: Bool) -> [StyledLine] {
            let indent = label.width
            guard width - indent >= ReferenceDocumentLayout.minimumContentWidth else {
                return [label] + layout(body, tight: tight)
            }
            var inner = self
            inner.width = width - indent
            let bodyLines = inner.layout(body, tight: tight)
            return prefix(bodyLines, first: label, rest: Blank.string(indent))
        }

        /// Inline text with a hanging label (`### ` before a heading).
        func hanging(label: StyledLine, spans: [StyledSpan]) -> [StyledLine] {
            let indent = label.width
            guard width - indent >= ReferenceDocumentLayout.minimumContentWidth else {
                return TextWrapper.wrap(label.spans + spans, width: width)
            }
            return prefix(TextWrapper.wrap(spans, width: width - indent), first: label, rest: Blank.string(indent))
        }

        private func prefix(_ lines: [StyledLine], first: StyledLine, rest: String) -> [StyledLine] {
            guard !lines.isEmpty else { return [first] }
            return lines.enumerated().map { index, line in
                var prefixed = index == 0 ? first : StyledLine(rest)
                if line.spans.isEmpty && index > 0 { return StyledLine() }
                prefixed.append(contentsOf: line)
                return prefixed
            }
        }
    }
}
