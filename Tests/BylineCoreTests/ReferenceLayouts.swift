@testable import BylineCore

// The wrapper and the code-block layout as they were before they worked on byte ranges and one
// buffer per line (commit 829143c), kept verbatim as the definition the fast versions must match.
// Only the tests use them.

enum ReferenceWrapper {
    static func wrap(_ spans: [StyledSpan], width: Int) -> [StyledLine] {
        let width = max(1, width)
        let (units, pieces) = self.units(of: spans)
        var builder = LineBuilder(width: width)
        for unit in units { builder.add(unit, pieces: pieces) }
        return builder.finish()
    }

    /// Break opportunities: a word, or one wide character, with what separates it from the previous
    /// unit. Its text is `pieces[start..<end]` of one flat array: a word costs no array of its own.
    struct Unit {
        var start = 0, end = 0
        var width = 0
        /// The space before the unit (its style), or nil when the unit touches the previous one.
        var space: StyledSpan?
        var hardBreakBefore = false

        var isEmpty: Bool { start == end && width == 0 }
    }

    static func units(of spans: [StyledSpan]) -> (units: [Unit], pieces: [StyledSpan]) {
        var units: [Unit] = []
        var pieces: [StyledSpan] = []
        var current = Unit()
        var open = false
        var pendingSpace: StyledSpan?
        var pendingBreak = false

        func finishCurrent() {
            guard open else { return }
            current.end = pieces.count
            if !current.isEmpty { units.append(current) }
            open = false
        }
        func startUnit() {
            current = Unit(start: pieces.count, end: pieces.count, width: 0, space: pendingSpace, hardBreakBefore: pendingBreak)
            open = true
            pendingSpace = nil
            pendingBreak = false
        }
        func appendToCurrent(_ character: Character, _ span: StyledSpan, width: Int) {
            appendRun(String(character), span, width: width)
        }
        func appendRun(_ text: String, _ span: StyledSpan, width: Int) {
            if !open { startUnit() }
            if pieces.count > current.start, let last = pieces.last, last.style == span.style, last.link == span.link {
                pieces[pieces.count - 1].text += text
            } else {
                pieces.append(StyledSpan(text, span.style, link: span.link))
            }
            current.width += width
        }

        for span in spans {
            if span.text == "\n" {
                finishCurrent()
                pendingSpace = nil
                pendingBreak = true
                continue
            }
            if isPrintableASCII(span.text) {
                // Fast path: split at spaces by bytes; every byte is one column.
                let utf8 = span.text.utf8
                var runStart: String.Index? = nil
                var index = utf8.startIndex
                while index < utf8.endIndex {
                    if utf8[index] == 0x20 {
                        if let start = runStart {
                            appendRun(String(span.text[start..<index]), span, width: utf8.distance(from: start, to: index))
                            runStart = nil
                        }
                        finishCurrent()
                        if pendingSpace == nil { pendingSpace = StyledSpan(" ", span.style, link: span.link) }
                    } else if runStart == nil {
                        runStart = index
                    }
                    index = utf8.index(after: index)
                }
                if let start = runStart {
                    appendRun(String(span.text[start..<utf8.endIndex]), span, width: utf8.distance(from: start, to: utf8.endIndex))
                }
                continue
            }
            for character in span.text {
                if character.isWhitespace {
                    finishCurrent()
                    // A space at the start of a line is dropped when the line is filled.
                    if pendingSpace == nil { pendingSpace = StyledSpan(" ", span.style, link: span.link) }
                    continue
                }
                let characterWidth = DisplayWidth.of(character)
                if characterWidth == 2 {
                    if isClosingPunctuation(character) {
                        // Never start a line with closing punctuation: it sticks to what precedes it.
                        if !open, pendingSpace == nil, let last = units.popLast() { current = last; open = true }
                        appendToCurrent(character, span, width: characterWidth)
                        finishCurrent()
                    } else {
                        finishCurrent()
                        appendToCurrent(character, span, width: characterWidth)
                        finishCurrent()
                    }
                    continue
                }
                appendToCurrent(character, span, width: characterWidth)
            }
        }
        finishCurrent()
        if pendingBreak { units.append(Unit(start: pieces.count, end: pieces.count, width: 0, space: nil, hardBreakBefore: true)) }
        return (units, pieces)
    }

    static func isClosingPunctuation(_ character: Character) -> Bool {
        "、。，．！？：；」』）】〕〉》〙〗ー々".contains(character)
    }

    /// Fills lines greedily.
    struct LineBuilder {
        let width: Int
        var lines: [StyledLine] = []
        var line = StyledLine()
        var used = 0
        var started = false

        init(width: Int) { self.width = width }

        mutating func add(_ unit: Unit, pieces: [StyledSpan]) {
            if unit.hardBreakBefore, started {
                flush()
            }
            started = true
            guard !unit.isEmpty else { return }
            let unitPieces = pieces[unit.start..<unit.end]
            let space = used > 0 ? unit.space : nil
            let spaceWidth = space == nil ? 0 : 1
            if used + spaceWidth + unit.width <= width {
                if let space { line.append(space) }
                for piece in unitPieces { line.append(piece) }
                used += spaceWidth + unit.width
                return
            }
            if used > 0 { flush() }
            if unit.width <= width {
                for piece in unitPieces { line.append(piece) }
                used = unit.width
                return
            }
            // Longer than a whole line: break between grapheme clusters.
            for piece in unitPieces {
                for character in piece.text {
                    var characterWidth = DisplayWidth.of(character)
                    var text = String(character)
                    if characterWidth > width { text = "…"; characterWidth = 1 }
                    if used + characterWidth > width { flush() }
                    line.append(StyledSpan(text, piece.style, link: piece.link))
                    used += characterWidth
                }
            }
        }

        mutating func flush() {
            lines.append(line)
            line = StyledLine()
            used = 0
        }

        mutating func finish() -> [StyledLine] {
            if used > 0 || !line.spans.isEmpty { flush() }
            return lines
        }
    }
}

enum ReferenceCodeBlockLayout {
    /// Columns before the code: room for the continuation mark.
    static let gutter = 2
    static let tabStop = 4

    static func lines(language: String?, code: [[StyledSpan]], width: Int, glyphs: Glyphs) -> [StyledLine] {
        let gutter = width > gutter + 1 ? gutter : 0
        let contentWidth = max(1, width - gutter)
        var lines: [StyledLine] = []
        if let language, !language.isEmpty {
            var label = StyledLine(String(repeating: " ", count: gutter), .codeBlock)
            let name = ReferenceWrapper.wrap([StyledSpan(language, [.codeBlock, .meta])], width: contentWidth).first ?? StyledLine()
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
            if isPrintableASCII(span.text) {
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

enum ReferenceANSIText {
    typealias ColorDepth = ANSIText.ColorDepth

    static func render(_ lines: [StyledLine], theme: Theme, colors: ColorDepth, hyperlinks: Bool = false) -> String {
        var output = ""
        // A post uses a few dozen style combinations; each is looked up in the theme once.
        var looks: [TextStyle: TextAttributes] = [:]
        for line in lines {
            var current = TextAttributes()
            var openLink: String?
            for span in line.spans {
                if hyperlinks, span.link != openLink {
                    if openLink != nil { output += "\u{1B}]8;;\u{1B}\\" }
                    if let url = span.link { output += "\u{1B}]8;;" + safeURL(url) + "\u{1B}\\" }
                    openLink = span.link
                }
                var attributes: TextAttributes
                if let known = looks[span.style] {
                    attributes = known
                } else {
                    attributes = theme.attributes(for: span.style)
                    looks[span.style] = attributes
                }
                if colors == .none { attributes.foreground = nil; attributes.background = nil }
                if attributes != current {
                    output += sgr(attributes, colors: colors)
                    current = attributes
                }
                output += span.text
            }
            if openLink != nil { output += "\u{1B}]8;;\u{1B}\\" }
            if !current.isPlain { output += "\u{1B}[0m" }
            output += "\n"
        }
        return output
    }

    /// The SGR sequence that sets exactly `attributes` (from a reset).
    static func sgr(_ attributes: TextAttributes, colors: ColorDepth) -> String {
        var codes = ["0"]
        if attributes.bold { codes.append("1") }
        if attributes.dim { codes.append("2") }
        if attributes.italic { codes.append("3") }
        if attributes.underline { codes.append("4") }
        if attributes.reverse { codes.append("7") }
        if attributes.strikethrough { codes.append("9") }
        if let color = attributes.foreground { codes.append(colorCode(color, colors: colors, base: 30)) }
        if let color = attributes.background { codes.append(colorCode(color, colors: colors, base: 40)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func colorCode(_ color: TerminalColor, colors: ColorDepth, base: Int) -> String {
        switch colors {
        case .palette256: return "\(base + 8);5;\(color.index256)"
        case .sixteen, .none:
            let index = Int(color.index16)
            return index < 8 ? "\(base + index)" : "\(base + 60 + index - 8)"
        }
    }

    /// A URL from a post, percent-encoded outside printable ASCII so it cannot end the OSC early, and
    /// at the printable characters RFC 3986 keeps out of URIs (so `$<`, terminfo's padding, never appears).
    static func safeURL(_ url: String) -> String {
        var output = ""
        for byte in url.utf8 {
            if (0x21...0x7E).contains(byte), !"\"<>\\^`{|}".utf8.contains(byte) {
                output.append(Character(Unicode.Scalar(byte)))
            } else {
                output += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return output
    }
}

/// Whether every byte is printable ASCII, so that width is byte count (what `DisplayWidth` offered
/// the reference layouts when they were written; nothing else used it).
private func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
}
