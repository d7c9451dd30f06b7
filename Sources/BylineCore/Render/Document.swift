/// A markdown document as width-independent blocks of styled spans: what `BylineMarkdown` makes of
/// cmark-gfm's tree, and what `DocumentLayout` wraps to a width. All text in it is terminal-safe.
package struct Document: Hashable, Sendable {
    package var blocks: [Block]
    /// Link and image targets in order of first appearance; the reference `[n]` is `references[n - 1]`.
    package var references: [String]
    /// Footnote bodies in order of first reference; `[^n]` is `footnotes[n - 1]`.
    package var footnotes: [[Block]]

    package init(blocks: [Block] = [], references: [String] = [], footnotes: [[Block]] = []) {
        self.blocks = blocks
        self.references = references
        self.footnotes = footnotes
    }
}

/// One block of a document. Containers nest only as deep as `Block.maximumNesting`: the builder
/// flattens anything deeper, so laying out hostile input cannot exhaust the stack.
package indirect enum Block: Hashable, Sendable {
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
    package static let maximumNesting = 16
}

/// A bulleted or numbered list.
package struct ListBlock: Hashable, Sendable {
    package var ordered: Bool
    /// The first number of an ordered list, as written (`3.` starts at 3).
    package var start: Int
    /// Tight lists have no blank lines between items.
    package var tight: Bool
    package var items: [ListItem]

    package init(ordered: Bool, start: Int = 1, tight: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

/// One item of a list; a task item has a checkbox.
package struct ListItem: Hashable, Sendable {
    /// nil for an ordinary item; whether a task item is done.
    package var task: Bool?
    package var blocks: [Block]

    package init(task: Bool? = nil, blocks: [Block]) {
        self.task = task
        self.blocks = blocks
    }
}

/// A GFM table.
package struct TableBlock: Hashable, Sendable {
    package enum Alignment: Hashable, Sendable { case none, left, center, right }

    package var alignments: [Alignment]
    package var header: [[StyledSpan]]
    package var rows: [[[StyledSpan]]]

    package init(alignments: [Alignment], header: [[StyledSpan]], rows: [[[StyledSpan]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }

    package var columnCount: Int { max(alignments.count, header.count, rows.map(\.count).max() ?? 0) }
}
