/// One frame of the interface as a grid of cells: everything the user sees, decided by the pure core.
/// The backend paints the cells that differ from the last frame; nothing else.
package struct Screen: Hashable, Sendable {
    /// One terminal cell, laid out the way ncurses lays out text: a spacing character with the
    /// zero-width characters that follow it (combining marks, joiners, variation selectors).
    package struct Cell: Hashable, Sendable {
        /// The characters drawn in the cell; empty for the right half of a wide character.
        package var text: String
        /// 1, 2 for a wide character, 0 for the column a wide character covers.
        package var width: UInt8
        /// The link the cell belongs to: 0 for none, else 1 + its index in the screen's `links`. Kept
        /// between `width` and `style`, where the cell had padding: a cell is 32 bytes with it or without.
        package var link: UInt32
        package var style: TextStyle

        package static let blank = Cell(text: " ", width: 1, style: .plain)

        package init(text: String, width: UInt8, style: TextStyle, link: UInt32 = 0) {
            self.text = text
            self.width = width
            self.link = link
            self.style = style
        }
    }

    package let width: Int
    package let height: Int
    package private(set) var cells: [Cell]
    /// The URLs of the links on screen, each once, in the order first drawn: a cell names its link by
    /// number, so the grid stays as small and as quick to compare as without links. The painter
    /// makes those cells OSC 8 hyperlinks (through `TerminalURL`'s rules) where that is asked for.
    package private(set) var links: [String] = []
    /// Each link's number, for `put` (the last one is checked first: a link's spans come together).
    private var linkNumbers: [String: UInt32] = [:]

    /// The URL of the link numbered `number` (a cell's `link`); nil for 0.
    package func url(ofLink number: UInt32) -> String? {
        number == 0 ? nil : links[Int(number) - 1]
    }

    /// The URL of the link at a cell, if it is in one.
    package func link(row: Int, column: Int) -> String? { url(ofLink: self[row, column].link) }

    private mutating func number(ofLink url: String?) -> UInt32 {
        guard let url else { return 0 }
        if let last = links.last, last == url { return UInt32(links.count) }
        if let known = linkNumbers[url] { return known }
        links.append(url)
        linkNumbers[url] = UInt32(links.count)
        return UInt32(links.count)
    }

    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    package subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `line` at `row` from `column`, within `limit` columns (to the right edge by default).
    /// A wide character that would cross the limit is replaced by a blank: nothing ever spills.
    package mutating func put(_ line: StyledLine, row: Int, column: Int, limit: Int? = nil) {
        guard row >= 0, row < height, column < width else { return }
        let end = min(width, column + (limit ?? width))
        var x = column
        // Zero-width scalars that no cell can take (a cell holds `scalarsPerCell`) are dropped; past
        // `maximumLineScalars` of them the line is left there, so that a line of a million combining
        // marks (one column wide) is not walked to its end on every frame.
        var dropped = 0
        for span in line.spans {
            let link = span.link == nil ? 0 : number(ofLink: span.link)
            for scalar in span.text.unicodeScalars {
                let scalarWidth = DisplayWidth.of(scalar)
                if scalarWidth == 0 {
                    // Joins the cell before it, as ncurses does; at most four, like a cchar_t.
                    let previous = x - 1
                    var joined = false
                    if previous >= column, previous < end, x <= end {
                        var owner = previous
                        if cells[row * width + owner].width == 0, owner > column { owner -= 1 }
                        let index = row * width + owner
                        if cells[index].text.unicodeScalars.count < ScreenLimits.scalarsPerCell, cells[index].width > 0 {
                            cells[index].text.unicodeScalars.append(scalar)
                            joined = true
                        }
                    }
                    if !joined {
                        dropped += 1
                        if dropped > ScreenLimits.maximumLineScalars { return }
                    }
                    continue
                }
                guard x + scalarWidth <= end else {
                    while x < end { set(row, x, Cell(text: " ", width: 1, style: span.style)); x += 1 }
                    return
                }
                if x >= column, x >= 0 {
                    set(row, x, Cell(text: String(scalar), width: UInt8(scalarWidth), style: span.style, link: link))
                    if scalarWidth == 2 { set(row, x + 1, Cell(text: "", width: 0, style: span.style, link: link)) }
                }
                x += scalarWidth
            }
        }
    }

    /// Fills a rectangle with blanks in `style` (pane backgrounds, the selection bar).
    package mutating func fill(row: Int, column: Int, width fillWidth: Int, height fillHeight: Int = 1, style: TextStyle = .plain) {
        for y in max(0, row)..<min(height, row + fillHeight) {
            for x in max(0, column)..<min(width, column + fillWidth) {
                set(y, x, Cell(text: " ", width: 1, style: style))
            }
        }
    }

    /// Adds `style` to every cell of a row segment (selection, focus).
    package mutating func addStyle(_ style: TextStyle, row: Int, column: Int, width segmentWidth: Int) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<min(width, column + segmentWidth) {
            cells[row * width + x].style.formUnion(style)
        }
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        // Overwriting half of a wide character blanks its other half.
        let index = row * width + column
        if cells[index].width == 2, column + 1 < width, cell.width != 2 { cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style) }
        if cells[index].width == 0, column > 0, cells[index - 1].width == 2 { cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style) }
        cells[index] = cell
    }

    /// The rows as plain text (right halves of wide characters omitted), for tests and goldens.
    package var rows: [String] {
        (0..<height).map { row in
            var text = ""
            for column in 0..<width { text += self[row, column].text }
            return text
        }
    }
}
