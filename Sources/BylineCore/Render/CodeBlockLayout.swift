/// Lays out a code block: never re-wrapped as prose. A shaded block (every cell carries `.codeBlock`,
/// which themes give a background), the language named on a label line above, tabs expanded to stops
/// of four, and lines longer than the width soft-wrapped behind a visible continuation mark.
public enum CodeBlockLayout {
    /// Columns before the code: room for the continuation mark.
    static let gutter = 2
    static let tabStop = 4

    public static func lines(language: String?, code: [[StyledSpan]], width: Int, glyphs: Glyphs) -> [StyledLine] {
        let gutter = width > gutter + 1 ? gutter : 0
        let contentWidth = max(1, width - gutter)
        var lines: [StyledLine] = []
        if let language, !language.isEmpty {
            var label = StyledLine(String(repeating: " ", count: gutter), .codeBlock)
            let name = TextWrapper.wrap([StyledSpan(language, [.codeBlock, .meta])], width: contentWidth).first ?? StyledLine()
            label.append(contentsOf: name)
            lines.append(pad(label, to: width))
        }
        for spans in code {
            let segments = split(expandTabs(spans), width: contentWidth)
            for (index, segment) in segments.enumerated() {
                var line = StyledLine()
                if gutter > 0 {
                    if index == 0 {
                        line.append(String(repeating: " ", count: gutter), .codeBlock)
                    } else {
                        let mark = DisplayWidth.of(glyphs.continuation) < gutter ? glyphs.continuation : ">"
                        line.append(mark, [.codeBlock, .continuation])
                        line.append(Blank.string(gutter - DisplayWidth.of(mark)), .codeBlock)
                    }
                }
                line.append(contentsOf: segment)
                lines.append(pad(line, to: width))
            }
        }
        return lines
    }

    /// Tabs to spaces at stops of four columns, counted from the start of the code line.
    static func expandTabs(_ spans: [StyledSpan]) -> [StyledSpan] {
        guard spans.contains(where: { $0.text.utf8.contains(0x09) }) else { return spans }
        var column = 0
        return spans.map { span in
            var text = ""
            for character in span.text {
                if character == "\t" {
                    let spaces = tabStop - column % tabStop
                    text += String(repeating: " ", count: spaces)
                    column += spaces
                } else {
                    text.append(character)
                    column += DisplayWidth.of(character)
                }
            }
            return StyledSpan(text, span.style, link: span.link)
        }
    }

    /// Cuts a line into pieces of at most `width` columns, between grapheme clusters.
    static func split(_ spans: [StyledSpan], width: Int) -> [StyledLine] {
        var segments: [StyledLine] = []
        var line = StyledLine()
        var used = 0
        for span in spans {
            if DisplayWidth.isPrintableASCII(span.text) {
                // Fast path: one column a byte, cut by byte offsets.
                var rest = Substring(span.text)
                while !rest.isEmpty {
                    let room = width - used
                    if room == 0 {
                        segments.append(line)
                        line = StyledLine()
                        used = 0
                        continue
                    }
                    let piece = rest.utf8.count <= room ? rest : Substring(rest.utf8.prefix(room))
                    line.append(StyledSpan(String(piece), span.style, link: span.link))
                    used += piece.utf8.count
                    rest = rest[piece.endIndex...]
                }
                continue
            }
            var run = ""
            for character in span.text {
                var characterWidth = DisplayWidth.of(character)
                var text = String(character)
                if characterWidth > width { text = "…"; characterWidth = 1 }
                if used + characterWidth > width {
                    line.append(StyledSpan(run, span.style, link: span.link))
                    run = ""
                    segments.append(line)
                    line = StyledLine()
                    used = 0
                }
                run += text
                used += characterWidth
            }
            line.append(StyledSpan(run, span.style, link: span.link))
        }
        segments.append(line)
        return segments
    }

    /// Shading to the right edge, so the block reads as one block.
    static func pad(_ line: StyledLine, to width: Int) -> StyledLine {
        let missing = width - line.width
        guard missing > 0 else { return line }
        var padded = line
        padded.append(Blank.string(missing), .codeBlock)
        return padded
    }
}
