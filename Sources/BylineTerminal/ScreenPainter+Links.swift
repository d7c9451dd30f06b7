import BylineCore
@preconcurrency import CNcursesw
@preconcurrency import Glibc

/// OSC 8 hyperlinks in the reader. ncurses knows nothing of them: a cell is its character, attributes
/// and colours. So after `doupdate` has drawn a frame, the cells whose link changed with it (their
/// text drawn, or only their link come or gone) are written again, the same text in the same
/// attributes, inside `ESC ] 8 ; ; target ESC \` ... `ESC ] 8 ; ; ESC \` (a cell that lost its link is
/// written without them, which takes it away). Through ncurses' own means, so its idea of the
/// terminal stays true: `mvcur` from an unknown position (always absolute cursor addressing) to each
/// run, `vid_attr` for the attributes (ncurses then knows what is set), the bytes through `putp`, and
/// last `mvcur` to the top-left corner, where ncurses then knows the cursor is. `putp` (tputs) reads
/// `$<n>` as a padding delay: no string given to it holds `$<` (the text is handed over cut after each
/// `$`; targets hold no `<`, `TerminalURL`). The whole goes out in one write with `fflush(stdout)`,
/// the stream ncurses' terminfo output goes through. With links on, ncurses must not shift cells
/// sideways (`idcok` off): a shifted cell would carry its hyperlink to text that has none.
extension ScreenPainter {
    /// A stretch of cells on one row to write again: all in the same link (or none).
    struct LinkRun: Equatable {
        var row: Int
        var columns: Range<Int>
        /// 0 for cells that lost their link.
        var link: UInt32
    }

    /// The cells to write again: on each row with a changed cell, every cell in a link, and the changed
    /// cells whose link went away or changed. Whole rows, not only their changed cells, because ncurses
    /// may scroll lines (with a scroll region) rather than redraw them, and a line moved on the terminal
    /// keeps its cells' hyperlinks: a row that changed in the frame may hold, unredrawn, text that came
    /// from another row with another target. (Linked text always has a look of its own, the theme's
    /// `.link` underline, so a cell moved in with a link where the frame has none differs to ncurses and
    /// is redrawn plain.) Pure, for tests. The bottom-right cell is left out: writing there could make
    /// some terminals scroll.
    static func linkRuns(_ runs: [ScreenDiff.Run], from old: Screen?, to new: Screen, rows: Int, columns: Int) -> [LinkRun] {
        let comparable = old.map { $0.width == new.width && $0.height == new.height } ?? false
        let width = min(columns, new.width)
        var changed = [Bool](repeating: false, count: max(0, width))
        var result: [LinkRun] = []
        var index = 0
        while index < runs.count {
            let row = runs[index].row
            for column in changed.indices { changed[column] = false }
            while index < runs.count, runs[index].row == row {
                for column in runs[index].columns where column < width { changed[column] = true }
                index += 1
            }
            guard row < min(rows, new.height) else { continue }
            var current: LinkRun?
            for column in 0..<width {
                let cell = new[row, column]
                var lostLink = false
                if changed[column], comparable, let old {
                    let before = old[row, column].link
                    lostLink = before != 0 && old.url(ofLink: before) != new.url(ofLink: cell.link)
                }
                let bottomRight = row == rows - 1 && column == columns - 1
                guard (cell.link != 0 || lostLink) && !bottomRight else {
                    if let done = current { result.append(done) }
                    current = nil
                    continue
                }
                if var open = current, open.link == cell.link, open.columns.upperBound == column {
                    open.columns = open.columns.lowerBound..<(column + 1)
                    current = open
                } else {
                    if let done = current { result.append(done) }
                    current = LinkRun(row: row, columns: column..<(column + 1), link: cell.link)
                }
            }
            if let done = current { result.append(done) }
        }
        return result
    }

    /// Writes the link runs of a frame just drawn (see the type's comment).
    func writeLinks(_ runs: [ScreenDiff.Run], from old: Screen?, to frame: Screen, rows: Int, columns: Int) {
        let linkRuns = Self.linkRuns(runs, from: old, to: frame, rows: rows, columns: columns)
        guard !linkRuns.isEmpty else { return }
        for run in linkRuns {
            // A right half starts nothing: its wide character is written from the column before.
            var start = run.columns.lowerBound
            if frame[run.row, start].width == 0, start > 0, frame[run.row, start - 1].width == 2 { start -= 1 }
            mvcur(-1, -1, Int32(run.row), Int32(start))
            let open = frame.url(ofLink: run.link).flatMap(TerminalURL.openHyperlink)
            if let open { Self.put(open) }
            var lastStyle: TextStyle?
            var column = start
            while column < run.columns.upperBound {
                let cell = frame[run.row, column]
                if cell.width == 0 {
                    // An orphaned right half (its left was overwritten): a blank, as the painter draws it.
                    if column == start || frame[run.row, column - 1].width != 2 {
                        setStyle(cell.style, last: &lastStyle)
                        Self.put(Array(" ".utf8))
                    }
                    column += 1
                    continue
                }
                setStyle(cell.style, last: &lastStyle)
                let wideAtEdge = cell.width == 2 && column + 1 >= columns
                Self.put(Array((wideAtEdge ? " " : cell.text).utf8))
                column += wideAtEdge ? 1 : Int(cell.width)
            }
            if open != nil { Self.put(TerminalURL.closeHyperlink) }
        }
        // Where ncurses will believe the cursor is: it moves from here, by absolute or relative moves.
        mvcur(-1, -1, 0, 0)
        fflush(stdout)
    }

    private func setStyle(_ style: TextStyle, last: inout TextStyle?) {
        guard style != last else { return }
        let look = look(for: style)
        vid_attr(look.attributes, look.pair, nil)
        last = style
    }

    /// Hands `bytes` to `putp` in `pieces`, so that none holds `$<`, terminfo's padding.
    static func put(_ bytes: [UInt8]) {
        for piece in pieces(bytes) {
            _ = (piece.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { putp($0.baseAddress!) }
        }
    }

    /// `bytes` cut after each `$` (so that no piece holds `$<`) and at a NUL, which is dropped (it would
    /// end a C string early; no cell or target holds one).
    static func pieces(_ bytes: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = [], piece: [UInt8] = []
        for byte in bytes {
            if byte == 0 { if !piece.isEmpty { pieces.append(piece) }; piece = []; continue }
            piece.append(byte)
            if byte == UInt8(ascii: "$") { pieces.append(piece); piece = [] }
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}
