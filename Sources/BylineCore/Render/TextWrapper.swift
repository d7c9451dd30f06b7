/// Wraps styled prose to a width in terminal columns (display width, never character count).
///
/// Words break at blanks; CJK text, which has no blanks, may break between any two wide characters
/// except before closing punctuation; a word longer than the line is broken between grapheme clusters,
/// never lost. Runs of blanks and tabs become one space. A span whose text is "\n" forces a break.
/// Every returned line is at most `width` columns wide.
public enum TextWrapper {
    public static func wrap(_ spans: [StyledSpan], width: Int) -> [StyledLine] {
        let width = max(1, width)
        var builder = LineBuilder(width: width)
        for unit in units(of: spans) { builder.add(unit) }
        return builder.finish()
    }

    /// Break opportunities: a word, or one wide character, with what separates it from the previous unit.
    struct Unit {
        var pieces: [StyledSpan] = []
        var width = 0
        /// The space before the unit (its style), or nil when the unit touches the previous one.
        var space: StyledSpan?
        var hardBreakBefore = false
    }

    static func units(of spans: [StyledSpan]) -> [Unit] {
        var units: [Unit] = []
        var current = Unit()
        var pendingSpace: StyledSpan?
        var pendingBreak = false

        func finishCurrent() {
            guard current.width > 0 || !current.pieces.isEmpty else { return }
            units.append(current)
            current = Unit()
        }
        func startUnit() {
            current.space = pendingSpace
            current.hardBreakBefore = pendingBreak
            pendingSpace = nil
            pendingBreak = false
        }
        func appendToCurrent(_ character: Character, _ span: StyledSpan, width: Int) {
            appendRun(String(character), span, width: width)
        }
        func appendRun(_ text: String, _ span: StyledSpan, width: Int) {
            if current.pieces.isEmpty && current.width == 0 { startUnit() }
            if let last = current.pieces.last, last.style == span.style, last.link == span.link {
                current.pieces[current.pieces.count - 1].text += text
            } else {
                current.pieces.append(StyledSpan(text, span.style, link: span.link))
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
                        if current.pieces.isEmpty, pendingSpace == nil, let last = units.popLast() { current = last }
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
        if pendingBreak { var end = Unit(); end.hardBreakBefore = true; units.append(end) }
        return units
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

        mutating func add(_ unit: Unit) {
            if unit.hardBreakBefore, started {
                flush()
            }
            started = true
            guard unit.width > 0 || !unit.pieces.isEmpty else { return }
            let space = used > 0 ? unit.space : nil
            let spaceWidth = space == nil ? 0 : 1
            if used + spaceWidth + unit.width <= width {
                if let space { line.append(space) }
                for piece in unit.pieces { line.append(piece) }
                used += spaceWidth + unit.width
                return
            }
            if used > 0 { flush() }
            if unit.width <= width {
                for piece in unit.pieces { line.append(piece) }
                used = unit.width
                return
            }
            // Longer than a whole line: break between grapheme clusters.
            for piece in unit.pieces {
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
