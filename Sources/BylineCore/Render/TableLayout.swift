/// Lays out a GFM table: columns sized to their content and fitted to the width, cell text wrapped
/// inside its column, alignment honoured, borders drawn with the theme's glyphs. When not even one
/// column per cell fits, each row becomes a record of `header: value` lines instead.
package enum TableLayout {
    /// The table's lines, written into `writer`.
    static func write(_ table: TableBlock, width: Int, glyphs: Glyphs, into writer: inout FlatTextWriter) {
        let columns = table.columnCount
        guard columns > 0 else { return }
        let header = normalized(table.header, columns)
        let rows = table.rows.map { normalized($0, columns) }
        let all = [header] + rows
        // A column holding a wide character needs two columns to show it at all.
        let minimum = (0..<columns).map { column in
            all.contains { row in row[column].contains { hasWideCharacter($0.text) } } ? 2 : 1
        }
        let chrome = 3 * columns + 1
        let available = width - chrome
        guard available >= minimum.reduce(0, +) else { return records(header: header, rows: rows, width: width, into: &writer) }

        let natural = (0..<columns).map { column in
            max(minimum[column], all.map { cellWidth($0[column]) }.max() ?? 0)
        }
        let longestWords = (0..<columns).map { column in
            max(minimum[column], all.map { longestWord($0[column]) }.max() ?? 0)
        }
        let widths = fit(natural: natural, words: longestWords, minimum: minimum, available: available)
        let alignments = (0..<columns).map { $0 < table.alignments.count ? table.alignments[$0] : .none }

        let t = glyphs.table
        let bar = String(t.vertical)
        let bodies = rows.map { wrapped($0, widths: widths, style: .plain) }
        writer.append(border(widths, t.topLeft, t.topMiddle, t.topRight, t.horizontal))
        writeRow(wrapped(header, widths: widths, style: .tableHeader), widths: widths, alignments: alignments, bar: bar,
                 style: .tableHeader, into: &writer)
        writer.append(border(widths, t.middleLeft, t.middle, t.middleRight, t.headerHorizontal))
        // Rule between rows only when some row wraps: then the eye needs to see where a row ends.
        let separateRows = bodies.contains { $0.contains { $0.count > 1 } }
        for (index, body) in bodies.enumerated() {
            if separateRows, index > 0 { writer.append(border(widths, t.middleLeft, t.middle, t.middleRight, t.horizontal)) }
            writeRow(body, widths: widths, alignments: alignments, bar: bar, style: .plain, into: &writer)
        }
        writer.append(border(widths, t.bottomLeft, t.bottomMiddle, t.bottomRight, t.horizontal))
    }

    static func normalized(_ row: [[StyledSpan]], _ columns: Int) -> [[StyledSpan]] {
        row.count >= columns ? Array(row.prefix(columns)) : row + Array(repeating: [], count: columns - row.count)
    }

    static func cellWidth(_ cell: [StyledSpan]) -> Int {
        cell.reduce(0) { $0 + ($1.text == "\n" ? 0 : DisplayWidth.of($1.text)) }
    }

    static func hasWideCharacter(_ text: String) -> Bool {
        var text = text
        // ASCII is never wide: most cells are answered without decoding.
        if text.withUTF8({ !$0.contains { $0 >= 0x80 } }) { return false }
        return text.unicodeScalars.contains { DisplayWidth.of($0) > 1 }
    }

    /// The widest word of a cell: below this, a column has to break words.
    static func longestWord(_ cell: [StyledSpan]) -> Int {
        var longest = 0, current = 0
        for span in cell {
            var text = span.text
            // ASCII text is one character a byte (a CR LF pair is one, but both are blanks).
            let ascii = text.withUTF8 { utf8 -> Bool in
                guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
                for byte in utf8 {
                    if byte == 0x20 || (0x09...0x0D).contains(byte) { current = 0; continue }
                    current += byte >= 0x20 && byte < 0x7F ? 1 : 0
                    longest = max(longest, current)
                }
                return true
            }
            if ascii { continue }
            for character in span.text {
                if character.isWhitespace { current = 0; continue }
                current += DisplayWidth.of(character)
                longest = max(longest, current)
            }
        }
        return longest
    }

    /// Column widths that sum to at most `available`. Natural widths when they fit; else every column
    /// gets its longest word and the rest is shared in proportion to what each still lacks; else,
    /// when even the words do not fit, the widest columns are cut down to a common level first.
    static func fit(natural: [Int], words: [Int], minimum: [Int], available: Int) -> [Int] {
        if natural.reduce(0, +) <= available { return natural }
        let wordTotal = words.reduce(0, +)
        if wordTotal <= available {
            var widths = words
            let lacking = zip(natural, words).map { $0 - $1 }
            let totalLacking = lacking.reduce(0, +)
            let spare = available - wordTotal
            if totalLacking > 0 {
                for index in widths.indices { widths[index] += spare * lacking[index] / totalLacking }
                var left = available - widths.reduce(0, +)
                for index in widths.indices where left > 0 && widths[index] < natural[index] {
                    widths[index] += 1
                    left -= 1
                }
            }
            return widths
        }
        func total(_ level: Int) -> Int { zip(natural, minimum).reduce(0) { $0 + max($1.1, min($1.0, level)) } }
        var low = 1, high = natural.max() ?? 1
        while low < high {
            let middle = (low + high + 1) / 2
            if total(middle) <= available { low = middle } else { high = middle - 1 }
        }
        var widths = zip(natural, minimum).map { max($0.1, min($0.0, low)) }
        var spare = available - widths.reduce(0, +)
        for index in widths.indices where spare > 0 && natural[index] > widths[index] {
            widths[index] += 1
            spare -= 1
        }
        return widths
    }

    static func border(_ widths: [Int], _ left: Character, _ middle: Character, _ right: Character, _ line: Character) -> StyledLine {
        let segments = widths.map { Blank.repeated(line, $0 + 2) }
        return StyledLine(String(left) + segments.joined(separator: String(middle)) + String(right), .rule)
    }

    /// Each cell's text wrapped to its column's width.
    static func wrapped(_ cells: [[StyledSpan]], widths: [Int], style: TextStyle) -> [[StyledLine]] {
        cells.enumerated().map { column, cell in
            TextWrapper.wrap(cell.map { StyledSpan($0.text, $0.style.union(style), link: $0.link) }, width: widths[column])
        }
    }

    /// A row's lines: as many as its tallest cell, every cell padded to its column by its alignment.
    static func writeRow(_ cells: [[StyledLine]], widths: [Int], alignments: [TableBlock.Alignment], bar: String,
                         style: TextStyle, into writer: inout FlatTextWriter) {
        let height = max(1, cells.map(\.count).max() ?? 1)
        for row in 0..<height {
            writer.append(bar, .rule)
            for (column, cellLines) in cells.enumerated() {
                let content = row < cellLines.count ? cellLines[row] : StyledLine()
                let room = widths[column] - content.width
                let (before, after): (Int, Int)
                switch alignments[column] {
                case .right: (before, after) = (room, 0)
                case .center: (before, after) = (room / 2, room - room / 2)
                case .left, .none: (before, after) = (0, room)
                }
                writer.appendBlanks(before + 1, style)
                for span in content.spans { writer.append(span.text, span.style, link: span.link) }
                writer.appendBlanks(after + 1, style)
                writer.append(bar, .rule)
            }
            writer.endLine()
        }
    }

    /// One `header: value` line per cell, rows apart, for widths too narrow for any grid.
    static func records(header: [[StyledSpan]], rows: [[[StyledSpan]]], width: Int, into writer: inout FlatTextWriter) {
        for (index, row) in rows.enumerated() {
            if index > 0 { writer.endLine() }
            for (column, cell) in row.enumerated() {
                var name = header[column].map { StyledSpan($0.text, $0.style.union(.tableHeader), link: $0.link) }
                if cellWidth(name) == 0 { name = [StyledSpan("Column \(column + 1)", .tableHeader)] }
                TextWrapper.wrap(name + [StyledSpan(":", .tableHeader), StyledSpan(" ")] + cell, width: width, into: &writer)
            }
        }
    }
}
