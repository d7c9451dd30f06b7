import BylineCore
@preconcurrency import CCmarkGFM

/// Turns a post's markdown body into a `Document` of width-independent blocks, through cmark-gfm.
///
/// The tree is walked with cmark's iterator and an explicit stack, never by recursion, and containers
/// nested deeper than `Block.maximumNesting` are flattened into their parent: 10,000 nested quotes
/// render, in bounded time and stack. Every piece of text passes through `SafeSpans`.
public enum MarkdownDocument {
    /// Bodies at least this long have their tree walked in two halves on two cores (a long article is
    /// some 30 KB; the walk of a 1 MB post takes as long as cmark's parse of it).
    public static let parallelBytes = 64 * 1024

    public static func parse(_ markdown: String) -> Document {
        parse(markdown, alongside: {}).document
    }

    /// The document, and what `work` returns. For a long body, `work` runs on the second core while
    /// cmark parses on the first (cmark parses alone, see `CmarkDocument`), and the tree is then walked
    /// in two halves on two cores. `parallelAbove` is for tests, which split short bodies.
    public static func parse<Extra: Sendable>(_ markdown: String, parallelAbove: Int = parallelBytes,
                                              alongside work: @Sendable () -> Extra) -> (document: Document, extra: Extra) {
        parse(length: markdown.utf8.count, parallelAbove: parallelAbove, cmark: { CmarkDocument(markdown) }, alongside: work)
    }

    /// The same from bytes that are well-formed UTF-8 (a cleaned post body, `PostLoader.bodyBytes`),
    /// without a String made of them first.
    public static func parse<Extra: Sendable>(utf8 bytes: ArraySlice<UInt8>, parallelAbove: Int = parallelBytes,
                                              alongside work: @Sendable () -> Extra) -> (document: Document, extra: Extra) {
        parse(length: bytes.count, parallelAbove: parallelAbove, cmark: { CmarkDocument(utf8: bytes) }, alongside: work)
    }

    private static func parse<Extra: Sendable>(length: Int, parallelAbove: Int, cmark parse: @Sendable () -> CmarkDocument,
                                               alongside work: @Sendable () -> Extra) -> (document: Document, extra: Extra) {
        let split = length >= parallelAbove
        let cmark: CmarkDocument, extra: Extra
        if split {
            // In a process that renders one post and exits (the arena is on), the second core faults in
            // the pages the parse, and then the walk and layout on both threads, will take (PagesAhead).
            let mainTop = CmarkArena.memory != nil ? PagesAhead.heapTop() : nil
            let (parsed, done) = ParallelMap.both({ UnsafeSendable(parse()) }, {
                CmarkArena.populate(forMarkdownOf: length)
                if let mainTop, let ownTop = PagesAhead.heapTop() {
                    let bytes = length * PagesAhead.heapBytesPerMarkdownByte
                    PagesAhead.populateHeap(from: mainTop, bytes: bytes)
                    PagesAhead.populateHeap(from: ownTop, bytes: bytes)
                }
                return work()
            })
            (cmark, extra) = (parsed.value, done)
        } else {
            (cmark, extra) = (parse(), work())
        }
        // The tree lives until both walks are done (Swift may free an object after its last use).
        let document = withExtendedLifetime(cmark) { walk(cmark.root, split: split) }
        return (document, extra)
    }

    private static func walk(_ root: OpaquePointer, split: Bool) -> Document {
        let children = Array(CmarkChildren(of: root))
        guard split, children.count >= 2 else {
            var builder = DocumentBuilder()
            builder.walk(children[...])
            return builder.finish()
        }
        // Halves of about equal length: split at the first block starting past the middle line.
        let lastLine = cmark_node_get_end_line(children[children.count - 1])
        let middle = children.firstIndex { cmark_node_get_start_line($0) > lastLine / 2 }.map { max(1, $0) } ?? children.count / 2
        // The second half numbers its links and notes on from the first's, counted here (reading the
        // first half's nodes on this thread, before the first walk reads them on another).
        var counted = DocumentBuilder.Numbering()
        for child in children[..<middle] { counted.count(child) }
        let numbering = counted
        let halves = UnsafeSendable(children)
        let (first, second) = ParallelMap.both({
            var builder = DocumentBuilder()
            builder.walk(halves.value[..<middle])
            return UnsafeSendable(builder)
        }, {
            var builder = DocumentBuilder(numbering: numbering)
            builder.walk(halves.value[middle...])
            return UnsafeSendable(builder)
        })
        return DocumentBuilder.document(first.value, then: second.value)
    }
}

/// A node's children, first to last.
struct CmarkChildren: Sequence, IteratorProtocol {
    private var node: OpaquePointer?
    init(of parent: OpaquePointer) { node = cmark_node_first_child(parent) }
    mutating func next() -> OpaquePointer? {
        defer { node = node.flatMap(cmark_node_next) }
        return node
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
    var numbering: Numbering
    var footnotes: [Int: [Block]] = [:]

    init(numbering: Numbering = Numbering()) { self.numbering = numbering }

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
            openContainer(.footnote(number: numbering.nextDefinition()))
        case CMARK_NODE_PARAGRAPH:
            stack.append(Frame(.inline(.paragraph)))
        case CMARK_NODE_HEADING:
            stack.append(Frame(.inline(.heading(Int(cmark_node_get_heading_level(node))))))
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
            addInline(SafeText.spans(node.cmarkLiteral, style, link: links.last))
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
                addInline(SafeText.spans(literal, style, link: links.last), rawHTML: true)
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
            let number = numbering.footnoteNumber(node.cmarkLiteral)
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
        case CMARK_NODE_LINK:
            let url = links.removeLast()
            popStyle()
            // Numbered before the call: numbering inside `addInline`'s argument copied the builder
            // for the call, and with it the references, so each new link copied all the links before
            // it (24,000 links in 4 MiB took `show` 14 s).
            let number = numbering.referenceNumber(url)
            addInline([StyledSpan("[\(number)]", .reference)])
        case CMARK_NODE_IMAGE:
            let url = links.removeLast()
            addInline([StyledSpan("]", style, link: url)])
            popStyle()
            let number = numbering.referenceNumber(url)
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

    /// Walks top-level nodes in order, as a walk of their document would.
    mutating func walk(_ nodes: ArraySlice<OpaquePointer>) {
        for child in nodes {
            for (event, node) in CmarkWalk(child) {
                switch event {
                case .enter: enter(node)
                case .exit: exit(node)
                }
            }
        }
    }

    mutating func finish() -> Document {
        closeAll()
        return Document(blocks: stack[0].blocks, references: numbering.references, footnotes: numbering.notes(footnotes))
    }

    /// Two walks' documents as one: `second` walked what follows what `first` walked, numbering on from it.
    static func document(_ first: DocumentBuilder, then second: DocumentBuilder) -> Document {
        var first = first, second = second
        first.closeAll()
        second.closeAll()
        let notes = first.footnotes.merging(second.footnotes) { _, later in later }
        return Document(blocks: first.stack[0].blocks + second.stack[0].blocks, references: second.numbering.references,
                        footnotes: second.numbering.notes(notes))
    }

    private mutating func closeAll() {
        // cmark's walk is balanced; close anything left all the same.
        while stack.count > 1 {
            if pushed.isEmpty { stack.removeLast() } else { closeContainer() }
        }
    }
}

extension DocumentBuilder {
    /// The link and footnote numbers given out so far: all that one walk hands to the walk of what
    /// follows it in the document (`MarkdownDocument.parse` of a long body).
    struct Numbering {
        /// Link and image targets, made visible, in order of first appearance.
        var references: [String] = []
        var referenceNumbers: [String: Int] = [:]
        var footnoteNumbers: [String: Int] = [:]
        var definitionsSeen = 0

        mutating func referenceNumber(_ url: String) -> Int {
            if let number = referenceNumbers[url] { return number }
            references.append(VisibleText.escapeLine(url))
            referenceNumbers[url] = references.count
            return references.count
        }

        mutating func footnoteNumber(_ label: String) -> Int {
            let number = footnoteNumbers[label] ?? (footnoteNumbers.count + 1)
            footnoteNumbers[label] = number
            return number
        }

        /// cmark-gfm moves the definitions to the end in the order of their first reference and
        /// drops unreferenced ones, so the n-th definition is note n.
        mutating func nextDefinition() -> Int {
            definitionsSeen += 1
            return definitionsSeen
        }

        /// Footnote bodies by number, every number up to the last given out present.
        func notes(_ bodies: [Int: [Block]]) -> [[Block]] {
            let count = max(footnoteNumbers.count, definitionsSeen)
            return (0..<count).map { bodies[$0 + 1] ?? [] }
        }

        /// Gives out the numbers a walk of `node` would, building nothing: in the same order as
        /// `DocumentBuilder` (a link's number when it closes, a note's at its reference).
        mutating func count(_ node: OpaquePointer) {
            for (event, node) in CmarkWalk(node) {
                switch (event, node.cmarkType) {
                case (.exit, CMARK_NODE_LINK), (.exit, CMARK_NODE_IMAGE): _ = referenceNumber(node.url)
                case (.enter, CMARK_NODE_FOOTNOTE_REFERENCE): _ = footnoteNumber(node.cmarkLiteral)
                case (.enter, CMARK_NODE_FOOTNOTE_DEFINITION): _ = nextDefinition()
                default: break
                }
            }
        }
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
