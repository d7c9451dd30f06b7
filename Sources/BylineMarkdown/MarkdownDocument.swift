import BylineCore
@preconcurrency import CCmarkGFM

/// Turns a post's markdown body into a `Document` of width-independent blocks, through cmark-gfm.
///
/// The tree is walked with cmark's iterator and an explicit stack, never by recursion, and containers
/// nested deeper than `Block.maximumNesting` are flattened into their parent: 10,000 nested quotes
/// render, in bounded time and stack. Every piece of text passes through `SafeSpans`. One document is
/// parsed and walked on one thread: cmark does not say its trees may be read from two at once.
package enum MarkdownDocument {
    /// Bodies at least this long are parsed on one core while `alongside` work (the word count) runs on
    /// the other (a long article is some 30 KB).
    package static let parallelBytes = 64 * 1024

    package static func parse(_ markdown: String) -> Document {
        document(CmarkDocument(markdown.utf8))
    }

    /// The document of bytes that are well-formed UTF-8 (a cleaned post body, `PostLoader.bodyBytes`),
    /// and what `work` returns. For a long body, `work` (which must not touch cmark) runs on the second
    /// core while cmark parses and the tree is walked on the first.
    package static func parse<Extra: Sendable>(utf8 bytes: ArraySlice<UInt8>, alongside work: @Sendable () -> Extra) -> (document: Document, extra: Extra) {
        let parse: @Sendable () -> Document = { document(CmarkDocument(bytes)) }
        guard bytes.count >= parallelBytes else { return (parse(), work()) }
        return ParallelMap.both(parse, work)
    }

    /// The tree walked into a `Document`, on the thread that parsed it; the tree is freed after.
    private static func document(_ cmark: CmarkDocument) -> Document {
        // Swift may release an object after its last use: the tree lives until the walk is done.
        withExtendedLifetime(cmark) {
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
}

/// The state of one walk over cmark's tree.
struct DocumentBuilder {
    /// A piece of inline content; raw HTML is kept apart until template code has been found.
    struct Inline {
        var span: StyledSpan
        var rawHTML = false
    }

    /// An open node of the tree being built. A class, so that appending to the innermost frame
    /// never copies what it holds (a value here made a 1 MB post quadratic).
    final class Frame {
        enum Kind {
            case document, quote, footnote(number: Int)
            case list(ordered: Bool, start: Int, tight: Bool)
            case item(task: Bool?)
            case inline(InlineKind)
            case table(alignments: [TableBlock.Alignment])
            case row(header: Bool)
        }

        let kind: Kind
        var blocks: [Block] = []
        var items: [ListItem] = []
        var inlines: [Inline] = []
        var header: [[StyledSpan]] = []
        var rows: [[[StyledSpan]]] = []
        var cells: [[StyledSpan]] = []

        init(_ kind: Kind) { self.kind = kind }
    }

    enum InlineKind { case paragraph, heading(Int), cell }

    var stack: [Frame] = [Frame(.document)]
    /// For each container node entered: whether it pushed a frame (false when flattened).
    var pushed: [Bool] = []
    var nesting = 0
    var styles: [TextStyle] = []
    var style: TextStyle = .plain
    var links: [String] = []
    /// Link and image targets, made visible, in order of first appearance.
    var references: [String] = []
    var referenceNumbers: [String: Int] = [:]
    var footnoteNumbers: [String: Int] = [:]
    var footnotes: [Int: [Block]] = [:]
    var definitionsSeen = 0
    /// Consecutive raw HTML blocks not yet read.
    var pendingHTML = ""
    /// Inline HTML tags open (`<em>`, `<a href>`), and the union of their styles.
    var openTags: [OpenTag] = []
    var tagStyle: TextStyle = .plain

    var top: Frame { stack[stack.count - 1] }

    mutating func pushStyle(_ added: TextStyle) {
        styles.append(added)
        style.formUnion(added)
    }

    mutating func popStyle() {
        styles.removeLast()
        style = styles.reduce(TextStyle.plain) { $0.union($1) }
    }

    // MARK: Events

    mutating func enter(_ node: OpaquePointer) {
        let type = node.cmarkType
        if !pendingHTML.isEmpty, type != CMARK_NODE_HTML_BLOCK { flushHTML() }
        switch type {
        case CMARK_NODE_DOCUMENT:
            break
        case CMARK_NODE_BLOCK_QUOTE:
            openContainer(.quote)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            openContainer(.list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0))
        case CMARK_NODE_ITEM:
            let isTask = node.typeString == "tasklist"
            openContainer(.item(task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil))
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            // cmark-gfm moves the definitions to the end in the order of their first reference and
            // drops unreferenced ones, so the n-th definition is note n.
            definitionsSeen += 1
            openContainer(.footnote(number: definitionsSeen))
        case CMARK_NODE_PARAGRAPH:
            stack.append(Frame(.inline(.paragraph)))
        case CMARK_NODE_HEADING:
            stack.append(Frame(.inline(.heading(Int(cmark_node_get_heading_level(node))))))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let language = info.split(separator: " ").first.map { String($0).trimmingBraces }.flatMap { $0.isEmpty ? nil : $0 }
            var code = Substring(node.cmarkLiteral)
            if code.hasSuffix("\n") { code.removeLast() }
            appendCode(code, language: language)
        case CMARK_NODE_HTML_BLOCK:
            // Read with the HTML blocks that follow it (blank lines split an element into several).
            pendingHTML += node.cmarkLiteral + "\n"
        case CMARK_NODE_THEMATIC_BREAK:
            append(.rule)
        case CMARK_NODE_TEXT:
            addInline(SafeText.spans(node.cmarkLiteral, inlineStyle, link: currentLink))
        case CMARK_NODE_CODE:
            addInline(SafeText.spans(node.cmarkLiteral, inlineStyle.union(.code), link: currentLink))
        case CMARK_NODE_SOFTBREAK:
            addInline([StyledSpan(" ", inlineStyle, link: currentLink)])
        case CMARK_NODE_LINEBREAK:
            addInline([StyledSpan("\n")])
        case CMARK_NODE_HTML_INLINE:
            let literal = node.cmarkLiteral
            if literal.lowercased().hasPrefix("<br") {
                addInline([StyledSpan("\n")])
            } else {
                // Kept (hidden) in case it is part of template code (`{{<figure src="x">}}`).
                addInline(SafeText.spans(literal, inlineStyle, link: currentLink), rawHTML: true)
                inlineHTML(literal)
            }
        case CMARK_NODE_EMPH: pushStyle(.emphasis)
        case CMARK_NODE_STRONG: pushStyle(.strong)
        case CMARK_NODE_LINK:
            pushStyle(.link)
            links.append(node.url)
        case CMARK_NODE_IMAGE:
            pushStyle(.image)
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
            pushStyle(.strikethrough)
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
            stack.append(Frame(.table(alignments: alignments)))
        } else if type == CMARK_NODE_TABLE_ROW {
            stack.append(Frame(.row(header: node.typeString == "table_header")))
        } else if type == CMARK_NODE_TABLE_CELL {
            stack.append(Frame(.inline(.cell)))
        }
    }

    mutating func exit(_ node: OpaquePointer) {
        let type = node.cmarkType
        if !pendingHTML.isEmpty { flushHTML() }
        // Inline HTML tags end with their paragraph, heading or cell.
        if !openTags.isEmpty, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_TABLE_CELL { closeOpenTags() }
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_FOOTNOTE_DEFINITION:
            closeContainer()
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            let frame = stack.removeLast()
            guard case let .inline(kind) = frame.kind else { return }
            let spans = TemplateCode.mark(frame.inlines)
            if case let .heading(level) = kind { append(.heading(level: level, spans)) } else if !spans.isEmpty { append(.paragraph(spans)) }
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            popStyle()
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let url = links.removeLast()
            if type == CMARK_NODE_IMAGE { addInline([StyledSpan("]", style, link: url)]) }
            popStyle()
            // Numbered before the call: numbering inside `addInline`'s argument copied the builder
            // for the call, and with it the references, so each new link copied all the links before
            // it (24,000 links in 4 MiB took `show` 14 s).
            let number = referenceNumber(url)
            addInline([StyledSpan("[\(number)]", .reference)])
        default:
            exitExtension(type)
        }
    }

    mutating func exitExtension(_ type: cmark_node_type) {
        if type == CMARK_NODE_STRIKETHROUGH {
            popStyle()
        } else if type == CMARK_NODE_TABLE_CELL {
            let cell = stack.removeLast()
            top.cells.append(TemplateCode.mark(cell.inlines))
        } else if type == CMARK_NODE_TABLE_ROW {
            let row = stack.removeLast()
            guard case let .row(isHeader) = row.kind else { return }
            if isHeader { top.header = row.cells } else { top.rows.append(row.cells) }
        } else if type == CMARK_NODE_TABLE {
            let table = stack.removeLast()
            guard case let .table(alignments) = table.kind else { return }
            append(.table(TableBlock(alignments: alignments, header: table.header, rows: table.rows)))
        }
    }

    // MARK: Building

    mutating func openContainer(_ kind: Frame.Kind) {
        guard nesting < Block.maximumNesting else {
            pushed.append(false)
            return
        }
        nesting += 1
        pushed.append(true)
        stack.append(Frame(kind))
    }

    mutating func closeContainer() {
        guard pushed.popLast() == true else { return }
        nesting -= 1
        let frame = stack.removeLast()
        switch frame.kind {
        case .quote: append(.quote(frame.blocks))
        case let .list(ordered, start, tight): append(.list(ListBlock(ordered: ordered, start: start, tight: tight, items: frame.items)))
        case let .item(task): top.items.append(ListItem(task: task, blocks: frame.blocks))
        case let .footnote(number): footnotes[number] = frame.blocks
        default: break
        }
    }

    /// Adds a finished block to the innermost container.
    /// A code block, from markdown or from HTML: its text made visible, highlighted in `language` if known.
    mutating func appendCode(_ code: Substring, language: String?) {
        let lines = CodeHighlighter.highlight(VisibleText.escape(String(code)), language: language)
        append(.code(language: language.map(VisibleText.escapeLine), lines: lines))
    }

    mutating func append(_ block: Block) {
        let frame = top
        switch frame.kind {
        case .document, .quote, .item, .footnote:
            frame.blocks.append(block)
        case .list:
            // A block straight inside a list happens only when its items were flattened.
            if frame.items.isEmpty { frame.items.append(ListItem(blocks: [])) }
            frame.items[frame.items.count - 1].blocks.append(block)
        default:
            break
        }
    }

    func addInline(_ spans: [StyledSpan], rawHTML: Bool = false) {
        let frame = top
        guard case .inline = frame.kind else { return }
        for span in spans { frame.inlines.append(Inline(span: span, rawHTML: rawHTML)) }
    }

    mutating func referenceNumber(_ url: String) -> Int {
        if let number = referenceNumbers[url] { return number }
        references.append(VisibleText.escapeLine(url))
        referenceNumbers[url] = references.count
        return references.count
    }

    mutating func flushHTML() {
        let html = pendingHTML
        pendingHTML = ""
        addHTML(html)
    }

    mutating func finish() -> Document {
        if !pendingHTML.isEmpty { flushHTML() }
        // cmark's walk is balanced; close anything left all the same.
        while stack.count > 1 {
            if pushed.isEmpty { stack.removeLast() } else { closeContainer() }
        }
        let count = max(footnoteNumbers.count, definitionsSeen)
        let notes = (0..<count).map { footnotes[$0 + 1] ?? [] }
        return Document(blocks: stack[0].blocks, references: references, footnotes: notes)
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
