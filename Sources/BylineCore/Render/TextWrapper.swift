/// Wraps styled prose to a width in terminal columns (display width, never character count).
///
/// Words break at blanks; CJK text, which has no blanks, may break between any two wide characters
/// except before closing punctuation; a word longer than the line is broken between grapheme clusters,
/// never lost. Runs of blanks and tabs become one space. A span whose text is "\n" forces a break.
/// Every returned line is at most `width` columns wide.
public enum TextWrapper {
    public static func wrap(_ spans: [StyledSpan], width: Int) -> [StyledLine] {
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
            if DisplayWidth.isPrintableASCII(span.text) {
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
