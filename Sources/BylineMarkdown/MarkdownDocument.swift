import BylineCore
@preconcurrency import CCmarkGFM

/// Turns a post's markdown body into a `Document` of width-independent blocks, through cmark-gfm.
///
/// The tree is walked with cmark's iterator and an explicit stack, never by recursion, and containers
/// nested deeper than `Block.maximumNesting` are flattened into their parent: 10,000 nested quotes
/// render, in bounded time and stack. Every piece of text passes through `SafeSpans`.
public enum MarkdownDocument {
    public static func parse(_ markdown: String) -> Document {
        let cmark = CmarkDocument(markdown)
        var builder = DocumentBuilder()
        for (event, node) in CmarkWalk(cmark.root) {
            switch event {
            case .enter: builder.enter(node)
            case .exit: builder.exit(node)
            }
        }
        return builder.finish()
    }
}

/// The state of one walk over cmark's tree.
struct DocumentBuilder {
    /// A piece of inline content; raw HTML is kept apart until template code has been found.
    struct Inline {
        var span: StyledSpan
        var rawHTML = false
    }

    enum Frame {
        case container(blocks: [Block])
        case quote(blocks: [Block])
        case list(ordered: Bool, start: Int, tight: Bool, items: [ListItem])
        case item(task: Bool?, blocks: [Block])
        case footnote(number: Int, blocks: [Block])
        case inline(kind: InlineKind, content: [Inline])
        case table(alignments: [TableBlock.Alignment], header: [[StyledSpan]], rows: [[[StyledSpan]]])
        case row(header: Bool, cells: [[StyledSpan]])
    }

    enum InlineKind { case paragraph, heading(Int), cell }

    var stack: [Frame] = [.container(blocks: [])]
    /// For each container node entered: whether it pushed a frame (false when flattened).
    var pushed: [Bool] = []
    var nesting = 0
    var styles: [TextStyle] = []
    var links: [String] = []
    var references: [String] = []
    var referenceNumbers: [String: Int] = [:]
    var footnoteNumbers: [String: Int] = [:]
    var footnotes: [Int: [Block]] = [:]
    var definitionsSeen = 0

    var style: TextStyle { styles.reduce(TextStyle.plain) { $0.union($1) } }

    // MARK: Events

    mutating func enter(_ node: OpaquePointer) {
        let type = node.cmarkType
        switch type {
        case CMARK_NODE_DOCUMENT:
            break
        case CMARK_NODE_BLOCK_QUOTE:
            openContainer(.quote(blocks: []))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            openContainer(.list(ordered: ordered, start: Int(cmark_node_get_list_start(node)),
                                tight: cmark_node_get_list_tight(node) != 0, items: []))
        case CMARK_NODE_ITEM:
            let isTask = node.typeString == "tasklist"
            openContainer(.item(task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil, blocks: []))
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            // cmark-gfm moves the definitions to the end in the order of their first reference and
            // drops unreferenced ones, so the n-th definition is note n.
            definitionsSeen += 1
            openContainer(.footnote(number: definitionsSeen, blocks: []))
        case CMARK_NODE_PARAGRAPH:
            stack.append(.inline(kind: .paragraph, content: []))
        case CMARK_NODE_HEADING:
            stack.append(.inline(kind: .heading(Int(cmark_node_get_heading_level(node))), content: []))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let language = info.split(separator: " ").first.map { String($0).trimmingBraces }.flatMap { $0.isEmpty ? nil : $0 }
            var code = VisibleText.escape(node.cmarkLiteral)
            if code.hasSuffix("\n") { code.removeLast() }
            let lines = CodeHighlighter.highlight(code, language: language)
            append(.code(language: language.map(VisibleText.escapeLine), lines: lines))
        case CMARK_NODE_HTML_BLOCK:
            let text = HTMLText.text(of: node.cmarkLiteral)
            let lines = text.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
            if !lines.isEmpty {
                let spans = lines.enumerated().flatMap { index, line in (index > 0 ? [StyledSpan("\n")] : []) + SafeText.spans(line, .plain) }
                append(.paragraph(TemplateCode.mark(spans.map { Inline(span: $0) })))
            }
        case CMARK_NODE_THEMATIC_BREAK:
            append(.rule)
        case CMARK_NODE_TEXT:
            addText(node.cmarkLiteral)
        case CMARK_NODE_CODE:
            addInline(SafeText.spans(node.cmarkLiteral, style.union(.code), link: links.last))
        case CMARK_NODE_SOFTBREAK:
            addInline([StyledSpan(" ", style, link: links.last)])
        case CMARK_NODE_LINEBREAK:
            addInline([StyledSpan("\n")])
        case CMARK_NODE_HTML_INLINE:
            let literal = node.cmarkLiteral
            if literal.lowercased().hasPrefix("<br") {
                addInline([StyledSpan("\n")])
            } else {
                addRaw(literal)
            }
        case CMARK_NODE_EMPH: styles.append(.emphasis)
        case CMARK_NODE_STRONG: styles.append(.strong)
        case CMARK_NODE_LINK:
            styles.append(.link)
            links.append(node.url)
        case CMARK_NODE_IMAGE:
            styles.append(.image)
            links.append(node.url)
            addInline([StyledSpan("[image: ", style, link: links.last)])
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            let label = node.cmarkLiteral
            let number = footnoteNumbers[label] ?? (footnoteNumbers.count + 1)
            footnoteNumbers[label] = number
            addInline([StyledSpan("[^\(number)]", .reference)])
        default:
            enterExtension(node, type)
        }
    }

    mutating func enterExtension(_ node: OpaquePointer, _ type: cmark_node_type) {
        if type == CMARK_NODE_STRIKETHROUGH {
            styles.append(.strikethrough)
        } else if type == CMARK_NODE_TABLE {
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            let raw = cmark_gfm_extensions_get_table_alignments(node)
            let alignments: [TableBlock.Alignment] = (0..<columns).map { index in
                switch raw?[index] ?? 0 {
                case UInt8(ascii: "l"): return .left
                case UInt8(ascii: "r"): return .right
                case UInt8(ascii: "c"): return .center
                default: return .none
                }
            }
            stack.append(.table(alignments: alignments, header: [], rows: []))
        } else if type == CMARK_NODE_TABLE_ROW {
            stack.append(.row(header: node.typeString == "table_header", cells: []))
        } else if type == CMARK_NODE_TABLE_CELL {
            stack.append(.inline(kind: .cell, content: []))
        }
    }

    mutating func exit(_ node: OpaquePointer) {
        let type = node.cmarkType
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_FOOTNOTE_DEFINITION:
            closeContainer()
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            guard case let .inline(kind, content) = stack.popLast() else { return }
            let spans = TemplateCode.mark(content)
            if case let .heading(level) = kind { append(.heading(level: level, spans)) } else if !spans.isEmpty { append(.paragraph(spans)) }
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            styles.removeLast()
        case CMARK_NODE_LINK:
            let url = links.removeLast()
            styles.removeLast()
            addInline([StyledSpan("[\(referenceNumber(url))]", .reference)])
        case CMARK_NODE_IMAGE:
            let url = links.removeLast()
            addInline([StyledSpan("]", style, link: url)])
            styles.removeLast()
            addInline([StyledSpan("[\(referenceNumber(url))]", .reference)])
        default:
            exitExtension(type)
        }
    }

    mutating func exitExtension(_ type: cmark_node_type) {
        if type == CMARK_NODE_STRIKETHROUGH {
            styles.removeLast()
        } else if type == CMARK_NODE_TABLE_CELL {
            guard case let .inline(_, content) = stack.popLast(), case .row(let header, var cells) = stack.popLast() else { return }
            cells.append(TemplateCode.mark(content))
            stack.append(.row(header: header, cells: cells))
        } else if type == CMARK_NODE_TABLE_ROW {
            guard case let .row(isHeader, cells) = stack.popLast(), case .table(let alignments, var header, var rows) = stack.popLast() else { return }
            if isHeader { header = cells } else { rows.append(cells) }
            stack.append(.table(alignments: alignments, header: header, rows: rows))
        } else if type == CMARK_NODE_TABLE {
            guard case let .table(alignments, header, rows) = stack.popLast() else { return }
            append(.table(TableBlock(alignments: alignments, header: header, rows: rows)))
        }
    }

    // MARK: Building

    mutating func openContainer(_ frame: Frame) {
        guard nesting < Block.maximumNesting else {
            pushed.append(false)
            return
        }
        nesting += 1
        pushed.append(true)
        stack.append(frame)
    }

    mutating func closeContainer() {
        guard pushed.popLast() == true else { return }
        nesting -= 1
        switch stack.popLast() {
        case let .quote(blocks): append(.quote(blocks))
        case let .list(ordered, start, tight, items): append(.list(ListBlock(ordered: ordered, start: start, tight: tight, items: items)))
        case let .item(task, blocks):
            guard case .list(let ordered, let start, let tight, var items) = stack.popLast() else { return }
            items.append(ListItem(task: task, blocks: blocks))
            stack.append(.list(ordered: ordered, start: start, tight: tight, items: items))
        case let .footnote(number, blocks):
            footnotes[number] = blocks
        default: break
        }
    }

    /// Adds a finished block to the innermost container.
    mutating func append(_ block: Block) {
        guard let top = stack.popLast() else { return }
        switch top {
        case var .container(blocks): blocks.append(block); stack.append(.container(blocks: blocks))
        case var .quote(blocks): blocks.append(block); stack.append(.quote(blocks: blocks))
        case var .item(task, blocks): blocks.append(block); stack.append(.item(task: task, blocks: blocks))
        case var .footnote(number, blocks): blocks.append(block); stack.append(.footnote(number: number, blocks: blocks))
        case let .list(ordered, start, tight, items):
            // A block straight inside a list happens only when its items were flattened.
            var last = items
            if last.isEmpty { last.append(ListItem(blocks: [])) }
            last[last.count - 1].blocks.append(block)
            stack.append(.list(ordered: ordered, start: start, tight: tight, items: last))
        default:
            stack.append(top)
        }
    }

    mutating func addText(_ text: String) {
        addInline(SafeText.spans(text, style, link: links.last))
    }

    mutating func addInline(_ spans: [StyledSpan]) {
        guard case .inline(let kind, var content) = stack.popLast() else { return }
        content += spans.map { Inline(span: $0) }
        stack.append(.inline(kind: kind, content: content))
    }

    mutating func addRaw(_ html: String) {
        guard case .inline(let kind, var content) = stack.popLast() else { return }
        content += SafeText.spans(html, style, link: links.last).map { Inline(span: $0, rawHTML: true) }
        stack.append(.inline(kind: kind, content: content))
    }

    mutating func referenceNumber(_ url: String) -> Int {
        if let number = referenceNumbers[url] { return number }
        references.append(VisibleText.escapeLine(url))
        referenceNumbers[url] = references.count
        return references.count
    }

    mutating func finish() -> Document {
        while stack.count > 1 {
            // An unbalanced walk cannot happen with cmark; close anything left all the same.
            if pushed.isEmpty { _ = stack.popLast() } else { closeContainer() }
        }
        guard case let .container(blocks) = stack.first else { return Document() }
        let count = max(footnoteNumbers.count, definitionsSeen)
        let notes = (0..<count).map { footnotes[$0 + 1] ?? [] }
        return Document(blocks: blocks, references: references, footnotes: notes)
    }
}

extension OpaquePointer {
    var typeString: String { cmark_node_get_type_string(self).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(self).map { String(cString: $0) } ?? "" }
}

extension String {
    /// `{.python}` and `.python` as `python`.
    var trimmingBraces: String {
        var text = Substring(self)
        while let first = text.first, first == "{" || first == "." { text = text.dropFirst() }
        while let last = text.last, last == "}" { text = text.dropLast() }
        return String(text)
    }
}
