/// Where each pane goes for a terminal size, from named constraints: three panes from 100 columns,
/// two from 60 (the preview takes the list's place when focused), one below that, and a notice
/// under 40x10.
package struct PaneLayout: Hashable, Sendable {
    package struct Rect: Hashable, Sendable {
        package var x: Int, y: Int, width: Int, height: Int
    }

    /// A pane on screen and where its content goes.
    package struct Entry: Hashable, Sendable {
        package var pane: Pane
        package var rect: Rect
    }

    package static let minimumWidth = 40
    package static let minimumHeight = 10
    /// From here all three panes fit side by side.
    package static let threePaneWidth = 100
    /// From here the tag pane stays beside the list.
    package static let twoPaneWidth = 60
    /// Tag names are short; the pane takes the longest name plus marker and count, within these.
    package static let tagPaneWidthRange = 18...28
    /// The list's share of what the tag pane leaves, in three-pane layouts.
    package static let listShare = 0.42
    package static let minimumListWidth = 30
    /// Rows above the panes (title bar, pane headers) and below them (status line).
    package static let rowsAbove = 2, rowsBelow = 1
    /// The reader keeps lines to a comfortable length on wide terminals.
    package static let readerMaximumWidth = 100

    package var width: Int
    package var height: Int
    /// Content rectangles (below each pane's header row) of the panes on screen, left to right.
    package var panes: [Entry]

    package func rect(of pane: Pane) -> Rect? { panes.first { $0.pane == pane }?.rect }

    package init(width: Int, height: Int, focus: Pane, longestTag: Int) {
        self.width = width
        self.height = height
        let top = PaneLayout.rowsAbove
        let contentHeight = max(0, height - PaneLayout.rowsAbove - PaneLayout.rowsBelow)
        let range = PaneLayout.tagPaneWidthRange
        let tagWidth = min(range.upperBound, max(range.lowerBound, longestTag + 8))
        func rect(_ pane: Pane, _ x: Int, _ w: Int) -> Entry { Entry(pane: pane, rect: Rect(x: x, y: top, width: max(0, w), height: contentHeight)) }

        if width >= PaneLayout.threePaneWidth {
            let rest = width - tagWidth - 2
            let listWidth = max(PaneLayout.minimumListWidth, Int(Double(rest) * PaneLayout.listShare))
            panes = [rect(.tags, 0, tagWidth), rect(.list, tagWidth + 1, listWidth), rect(.preview, tagWidth + listWidth + 2, rest - listWidth)]
        } else if width >= PaneLayout.twoPaneWidth {
            let other: Pane = focus == .preview ? .preview : .list
            panes = [rect(.tags, 0, tagWidth), rect(other, tagWidth + 1, width - tagWidth - 1)]
        } else {
            panes = [rect(focus, 0, width)]
        }
    }

    /// The reader's text column: its left edge and width.
    package static func readerColumn(width: Int) -> (x: Int, width: Int) {
        let textWidth = max(1, min(width - 4, readerMaximumWidth))
        return (max(0, (width - textWidth) / 2), textWidth)
    }

    /// Rows of post text in the reader (the title bar and the status line take one each).
    package static func readerRows(height: Int) -> Int { max(1, height - 2) }
}
