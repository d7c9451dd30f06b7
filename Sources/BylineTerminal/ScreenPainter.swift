import BylineCore
@preconcurrency import CNcursesw

/// Draws frames into ncurses' `stdscr`: only the cells that changed since the last frame, then one
/// `doupdate()`, so a frame costs one write and the bytes on the wire are what changed (byline is
/// read over SSH). The only painting code that touches ncurses.
final class ScreenPainter {
    private let theme: Theme
    private let mode: ColorMode
    private let italicAvailable: Bool
    private var pairs: ColorPairTable
    /// Each style's ncurses attributes and pair, worked out once.
    private var looks: [TextStyle: (attributes: attr_t, pair: Int16)] = [:]
    /// The last style looked up and its look: neighbouring cells mostly share a style.
    private var lastLook: (style: TextStyle, look: (attributes: attr_t, pair: Int16))?
    private var lastFrame: Screen?
    /// Set by a resize or `invalidate`: the next frame draws every cell.
    private var needsFullPaint = true
    /// Whether links are written as OSC 8 hyperlinks (`ScreenPainter+Links`).
    private let hyperlinks: Bool

    init(theme: Theme, mode: ColorMode, italicAvailable: Bool, pairs: ColorPairTable, hyperlinks: Bool = false) {
        self.theme = theme
        self.mode = mode
        self.italicAvailable = italicAvailable
        self.pairs = pairs
        self.hyperlinks = hyperlinks
        // A cell shifted by insert/delete character would take its hyperlink along to other text.
        if hyperlinks { idcok(stdscr, false) }
    }

    /// Forget what is on screen: the next `paint` writes every cell into `stdscr`.
    /// (Ctrl-L also sets `clearok(curscr)`; a resize leaves that to ncurses' `resizeterm`.)
    func forgetScreen() { needsFullPaint = true }

    /// Writes the last frame's hyperlinks again (after ncurses redrew the screen on its own: a resume).
    func rewriteLinks() {
        guard hyperlinks, let frame = lastFrame else { return }
        let rows = Int(getmaxy(stdscr)), columns = Int(getmaxx(stdscr))
        writeLinks(ScreenDiff.changedRuns(from: nil, to: frame), from: nil, to: frame, rows: rows, columns: columns)
    }

    func paint(_ frame: Screen) {
        let rows = Int(getmaxy(stdscr)), columns = Int(getmaxx(stdscr))
        guard rows > 0, columns > 0 else { return }
        var previous = lastFrame
        if needsFullPaint {
            previous = nil
            werase(stdscr)  // a frame smaller than the window must not leave old text around it
        }
        var cell = cchar_t()
        let runs = ScreenDiff.changedRuns(from: previous, to: frame)
        for run in runs where run.row < rows {
            for column in run.columns where column < columns {
                let current = frame[run.row, column]
                if current.width == 0, column > 0, frame[run.row, column - 1].width == 2 { continue }  // drawn with its left half
                // An orphaned right half, or a wide character with one column left, would shift
                // everything after it: draw a blank in the cell's style instead.
                let orphan = current.width == 0 || (current.width == 2 && column + 1 >= columns)
                draw(orphan ? " " : current.text, style: current.style, row: run.row, column: column, into: &cell)
            }
        }
        wnoutrefresh(stdscr)
        doupdate()
        if hyperlinks { writeLinks(runs, from: previous, to: frame, rows: rows, columns: columns) }
        lastFrame = frame
        needsFullPaint = false
    }

    private func draw(_ text: String, style: TextStyle, row: Int, column: Int, into cell: inout cchar_t) {
        let look: (attributes: attr_t, pair: Int16)
        if let last = lastLook, last.style == style {
            look = last.look
        } else {
            look = self.look(for: style)
            lastLook = (style, look)
        }
        CellText.withWideCharacters(of: text) { characters in
            _ = setcchar(&cell, characters, look.attributes, look.pair, nil)
        }
        // ERR at the bottom-right corner (the cursor cannot advance) is expected; the cell is drawn.
        _ = mvwadd_wch(stdscr, Int32(row), Int32(column), &cell)
    }

    func look(for style: TextStyle) -> (attributes: attr_t, pair: Int16) {
        if let known = looks[style] { return known }
        let cellLook = CellLook.make(theme.attributes(for: style), mode: mode, italicAvailable: italicAvailable,
                                     defaultColors: pairs.pairZero)
        var pair: Int16 = 0
        if let colors = cellLook.colors {
            let allocated = pairs.number(for: colors)
            pair = allocated.number
            if allocated.isNew, init_extended_pair(Int32(pair), colors.foreground, colors.background) == ERR { pair = 0 }
        }
        let result = (attributes: Self.ncursesAttributes(cellLook.attributes), pair: pair)
        looks[style] = result
        return result
    }

    private static func ncursesAttributes(_ attributes: CellLook.Attributes) -> attr_t {
        var value = byline_a_normal()
        if attributes.contains(.bold) { value |= byline_a_bold() }
        if attributes.contains(.dim) { value |= byline_a_dim() }
        if attributes.contains(.italic) { value |= byline_a_italic() }
        if attributes.contains(.underline) { value |= byline_a_underline() }
        if attributes.contains(.reverse) { value |= byline_a_reverse() }
        return value
    }
}
