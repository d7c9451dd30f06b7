/// Lays out a code block: never re-wrapped as prose. A shaded block (every cell carries `.codeBlock`,
/// which themes give a background), the language named on a label line above, tabs expanded to stops
/// of four, and lines longer than the width soft-wrapped behind a visible continuation mark.
package enum CodeBlockLayout {
    /// Columns before the code: room for the continuation mark.
    static let gutter = 2
    static let tabStop = 4

    /// A code block's rows, written into `sink`.
    static func write(language: String?, code: [[StyledSpan]], width: Int, glyphs: Glyphs, into sink: inout FlatTextWriter) {
        let gutter = width > gutter + 1 ? gutter : 0
        let contentWidth = max(1, width - gutter)
        if let language, !language.isEmpty {
            let name = TextWrapper.wrap([StyledSpan(language, [.codeBlock, .meta])], width: contentWidth).first ?? StyledLine()
            sink.appendBlanks(gutter, .codeBlock)
            for span in name.spans { sink.append(span.text, span.style, link: span.link) }
            // Shading to the right edge, so the block reads as one block.
            sink.appendBlanks(width - gutter - name.width, .codeBlock)
            sink.endLine()
        }
        let mark = DisplayWidth.of(glyphs.continuation) < gutter ? glyphs.continuation : ">"
        var splitter = Splitter(contentWidth: contentWidth, gutter: gutter, mark: mark)
        for spans in code {
            splitter.add(expandTabs(spans), to: &sink)
        }
    }

    /// Cuts code lines into rows of at most `contentWidth` columns, between grapheme clusters, each row
    /// behind its gutter (blank, or the continuation mark) and shaded to the right edge.
    struct Splitter {
        let contentWidth: Int
        let gutter: Int
        let mark: String
        /// Columns of code on the current row.
        var used = 0

        init(contentWidth: Int, gutter: Int, mark: String) {
            self.contentWidth = contentWidth
            self.gutter = gutter
            self.mark = mark
        }

        mutating func add(_ spans: [StyledSpan], to row: inout FlatTextWriter) {
            startRow(continuing: false, &row)
            for span in spans {
                var text = span.text
                let ascii = text.withUTF8 { utf8 -> Bool in
                    // Fast path for printable ASCII: one column a byte, cut by byte offsets.
                    guard ASCIIScan.isPrintable(utf8) else { return false }
                    var offset = 0
                    while offset < utf8.count {
                        let room = contentWidth - used
                        if room == 0 {
                            endRow(&row)
                            startRow(continuing: true, &row)
                            continue
                        }
                        let end = min(utf8.count, offset + room)
                        row.append(UnsafeBufferPointer(rebasing: utf8[offset..<end]), span.style, link: span.link)
                        used += end - offset
                        offset = end
                    }
                    return true
                }
                if ascii { continue }
                for character in span.text {
                    var characterWidth = DisplayWidth.of(character)
                    var text = String(character)
                    if characterWidth > contentWidth { text = "…"; characterWidth = 1 }
                    if used + characterWidth > contentWidth {
                        endRow(&row)
                        startRow(continuing: true, &row)
                    }
                    row.append(text, span.style, link: span.link)
                    used += characterWidth
                }
            }
            endRow(&row)
        }

        func startRow(continuing: Bool, _ row: inout FlatTextWriter) {
            guard gutter > 0 else { return }
            if continuing {
                row.append(mark, [.codeBlock, .continuation])
                row.appendBlanks(gutter - DisplayWidth.of(mark), .codeBlock)
            } else {
                row.appendBlanks(gutter, .codeBlock)
            }
        }

        /// The gutter takes exactly `gutter` columns, so the shading is what the code left free.
        mutating func endRow(_ row: inout FlatTextWriter) {
            row.appendBlanks(contentWidth - used, .codeBlock)
            row.endLine()
            used = 0
        }
    }

    /// Tabs to spaces at stops of four columns, counted from the start of the code line.
    static func expandTabs(_ spans: [StyledSpan]) -> [StyledSpan] {
        guard spans.contains(where: { span in
            var text = span.text
            return text.withUTF8 { $0.contains(0x09) }
        }) else { return spans }
        var column = 0
        return spans.map { span in
            var text = span.text
            if let expanded = text.withUTF8({ expandTabs(ascii: $0, column: &column) }) {
                return StyledSpan(expanded, span.style, link: span.link)
            }
            var output = ""
            for character in span.text {
                if character == "\t" {
                    let spaces = tabStop - column % tabStop
                    output += Blank.string(spaces)
                    column += spaces
                } else {
                    output.append(character)
                    column += DisplayWidth.of(character)
                }
            }
            return StyledSpan(output, span.style, link: span.link)
        }
    }

    /// The same for ASCII text, byte by byte (each byte is its own character there); nil, with
    /// `column` untouched, for other text.
    private static func expandTabs(ascii utf8: UnsafeBufferPointer<UInt8>, column: inout Int) -> String? {
        for byte in utf8 where byte >= 0x80 { return nil }
        // First the length, then the bytes straight into the string: one allocation.
        var length = 0
        var probe = column
        for byte in utf8 {
            if byte == 0x09 {
                let spaces = tabStop - probe % tabStop
                length += spaces
                probe += spaces
            } else {
                length += 1
                probe += byte >= 0x20 && byte < 0x7F ? 1 : 0
            }
        }
        var position = column
        let text = String(unsafeUninitializedCapacity: length) { output in
            var written = 0
            for byte in utf8 {
                if byte == 0x09 {
                    let spaces = tabStop - position % tabStop
                    for offset in 0..<spaces { output[written + offset] = 0x20 }
                    written += spaces
                    position += spaces
                } else {
                    output[written] = byte
                    written += 1
                    position += byte >= 0x20 && byte < 0x7F ? 1 : 0
                }
            }
            return written
        }
        column = position
        return text
    }
}
