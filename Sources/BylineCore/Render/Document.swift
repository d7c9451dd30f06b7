/// A markdown document as width-independent blocks of styled spans: what `BylineMarkdown` makes of
/// cmark-gfm's tree, and what `DocumentLayout` wraps to a width. All text in it is terminal-safe.
public struct Document: Hashable, Sendable {
    public var blocks: [Block]
    /// Link and image targets in order of first appearance; the reference `[n]` is `references[n - 1]`.
    public var references: [String]
    /// Footnote bodies in order of first reference; `[^n]` is `footnotes[n - 1]`.
    public var footnotes: [[Block]]

    public init(blocks: [Block] = [], references: [String] = [], footnotes: [[Block]] = []) {
        self.blocks = blocks
        self.references = references
        self.footnotes = footnotes
    }
}

/// One block of a document. Containers nest only as deep as `Block.maximumNesting`: the builder
/// flattens anything deeper, so laying out hostile input cannot exhaust the stack.
public indirect enum Block: Hashable, Sendable {
    /// Inline content; a span whose text is "\n" is a hard line break.
    case paragraph([StyledSpan])
    case heading(level: Int, [StyledSpan])
    /// Code as written, one array of spans per line (tabs not yet expanded), highlighted if known.
    case code(language: String?, lines: [[StyledSpan]])
    case list(ListBlock)
    case quote([Block])
    case table(TableBlock)
    /// A thematic break.
    case rule

    /// Containers deeper than this are flattened into their parent.
    public static let maximumNesting = 16
}

/// A bulleted or numbered list.
public struct ListBlock: Hashable, Sendable {
    public var ordered: Bool
    /// The first number of an ordered list, as written (`3.` starts at 3).
    public var start: Int
    /// Tight lists have no blank lines between items.
    public var tight: Bool
    public var items: [ListItem]

    public init(ordered: Bool, start: Int = 1, tight: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

/// One item of a list; a task item has a checkbox.
public struct ListItem: Hashable, Sendable {
    /// nil for an ordinary item; whether a task item is done.
    public var task: Bool?
    public var blocks: [Block]

    public init(task: Bool? = nil, blocks: [Block]) {
        self.task = task
        self.blocks = blocks
    }
}

/// A GFM table.
public struct TableBlock: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case none, left, center, right }

    public var alignments: [Alignment]
    public var header: [[StyledSpan]]
    public var rows: [[[StyledSpan]]]

    public init(alignments: [Alignment], header: [[StyledSpan]], rows: [[[StyledSpan]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }

    public var columnCount: Int { max(alignments.count, header.count, rows.map(\.count).max() ?? 0) }
}
