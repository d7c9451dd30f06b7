/// Where each pane goes for a terminal size, from named constraints: three panes from 100 columns,
/// two from 60 (the preview takes the list's place when focused), one below that, and a notice
/// under 40x10.
public struct PaneLayout: Hashable, Sendable {
    public struct Rect: Hashable, Sendable {
        public var x: Int, y: Int, width: Int, height: Int
    }

    public static let minimumWidth = 40
    public static let minimumHeight = 10
    /// From here all three panes fit side by side.
    public static let threePaneWidth = 100
    /// From here the tag pane stays beside the list.
    public static let twoPaneWidth = 60
    /// Tag names are short; the pane takes the longest name plus marker and count, within these.
    public static let tagPaneWidthRange = 18...28
    /// The list's share of what the tag pane leaves, in three-pane layouts.
    public static let listShare = 0.42
    public static let minimumListWidth = 30
    /// Rows above the panes (title bar, pane headers) and below them (status line).
    public static let rowsAbove = 2, rowsBelow = 1
    /// The reader keeps lines to a comfortable length on wide terminals.
    public static let readerMaximumWidth = 100

    public var width: Int
    public var height: Int
    /// Content rectangles (below each pane's header row) of the panes on screen, left to right.
    public var panes: [(pane: Pane, rect: Rect)]

    public static func == (lhs: PaneLayout, rhs: PaneLayout) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.panes.map(\.pane) == rhs.panes.map(\.pane)
            && lhs.panes.map(\.rect) == rhs.panes.map(\.rect)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        for entry in panes { hasher.combine(entry.pane); hasher.combine(entry.rect) }
    }

    public func rect(of pane: Pane) -> Rect? { panes.first { $0.pane == pane }?.rect }

    public init(width: Int, height: Int, focus: Pane, longestTag: Int) {
        self.width = width
        self.height = height
        let top = PaneLayout.rowsAbove
        let contentHeight = max(0, height - PaneLayout.rowsAbove - PaneLayout.rowsBelow)
        let range = PaneLayout.tagPaneWidthRange
        let tagWidth = min(range.upperBound, max(range.lowerBound, longestTag + 8))
        func rect(_ x: Int, _ w: Int) -> Rect { Rect(x: x, y: top, width: max(0, w), height: contentHeight) }

        if width >= PaneLayout.threePaneWidth {
            let rest = width - tagWidth - 2
            let listWidth = max(PaneLayout.minimumListWidth, Int(Double(rest) * PaneLayout.listShare))
            panes = [(.tags, rect(0, tagWidth)), (.list, rect(tagWidth + 1, listWidth)),
                     (.preview, rect(tagWidth + listWidth + 2, rest - listWidth))]
        } else if width >= PaneLayout.twoPaneWidth {
            let other: Pane = focus == .preview ? .preview : .list
            panes = [(.tags, rect(0, tagWidth)), (other, rect(tagWidth + 1, width - tagWidth - 1))]
        } else {
            panes = [(focus, rect(0, width))]
        }
    }

    /// The reader's text column: its left edge and width.
    public static func readerColumn(width: Int) -> (x: Int, width: Int) {
        let textWidth = max(1, min(width - 4, readerMaximumWidth))
        return (max(0, (width - textWidth) / 2), textWidth)
    }

    /// Rows of post text in the reader (the title bar and the status line take one each).
    public static func readerRows(height: Int) -> Int { max(1, height - 2) }
}
