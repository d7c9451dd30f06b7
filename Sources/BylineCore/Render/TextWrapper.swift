/// Wraps styled prose to a width in terminal columns (display width, never character count).
///
/// Words break at blanks; CJK text, which has no blanks, may break between any two wide characters
/// except before closing punctuation; a word longer than the line is broken between grapheme clusters,
/// never lost. Runs of blanks and tabs become one space. A span whose text is "\n" forces a break.
/// Every returned line is at most `width` columns wide.
package enum TextWrapper {
    package static func wrap(_ spans: [StyledSpan], width: Int) -> [StyledLine] {
        var writer = FlatTextWriter()
        wrap(spans, width: width, into: &writer)
        return writer.finish().styledLines
    }

    /// The same lines, written into `sink` instead of returned; the width of the widest.
    @discardableResult
    static func wrap(_ spans: [StyledSpan], width: Int, into sink: inout FlatTextWriter) -> Int {
        let width = max(1, width)
        var words = Words(spans)
        var builder = LineBuilder(width: width)
        // The words' bytes are read through one pointer: slicing an array per piece would retain it.
        let bytes = words.bytes.contents
        for unit in words.units { builder.add(unit, words, bytes, into: &sink) }
        builder.finish(into: &sink)
        words.bytes.free()
        return builder.widest
    }

    /// A run of a unit's text in one style: bytes `start..<end` of `Words.bytes`, styled as
    /// `spans[span]`. Words are byte ranges, not strings: splitting a paragraph allocates nothing per word.
    struct Piece {
        var span: Int
        var start: Int, end: Int
    }

    /// Break opportunities: a word, or one wide character, with what separates it from the previous
    /// unit. Its text is `pieces[start..<end]`.
    struct Unit {
        var start = 0, end = 0
        var width = 0
        /// The space before the unit (the index of the span whose style it takes), or nil when the unit
        /// touches the previous one.
        var space: Int?
        var hardBreakBefore = false

        var isEmpty: Bool { start == end && width == 0 }
    }

    /// The units of some spans, with their text in one buffer.
    struct Words {
        /// Each span's style and link, apart: reading them does not copy (and retain) the span's text.
        let styles: [TextStyle]
        let links: [String?]
        /// Every span's text but hard breaks, one after another; freed by `wrap` when done.
        var bytes: ByteBuffer
        var pieces: [Piece] = []
        var units: [Unit] = []

        /// Whether two spans' text may share one run: same style and same link.
        func sameLook(_ a: Int, _ b: Int) -> Bool {
            a == b || (styles[a] == styles[b] && links[a] == links[b])
        }

        /// The unit being gathered, if `open`; what comes before the next one.
        private var current = Unit()
        private var open = false
        private var pendingSpace: Int?
        private var pendingBreak = false

        private mutating func finishCurrent() {
            guard open else { return }
            current.end = pieces.count
            if !current.isEmpty { units.append(current) }
            open = false
        }

        private mutating func appendRun(_ text: UnsafeBufferPointer<UInt8>, span: Int, width: Int) {
            if !open {
                current = Unit(start: pieces.count, end: pieces.count, width: 0, space: pendingSpace, hardBreakBefore: pendingBreak)
                open = true
                pendingSpace = nil
                pendingBreak = false
            }
            let start = bytes.count
            bytes.append(text)
            if pieces.count > current.start, sameLook(pieces[pieces.count - 1].span, span) {
                pieces[pieces.count - 1].end = bytes.count
            } else {
                pieces.append(Piece(span: span, start: start, end: bytes.count))
            }
            current.width += width
        }

        private mutating func appendRun(_ text: Substring, span: Int, width: Int) {
            var text = text
            text.withUTF8 { appendRun($0, span: span, width: width) }
        }

        /// Printable ASCII split at spaces by bytes, every byte one column; false for other text.
        private mutating func splitASCII(_ utf8: UnsafeBufferPointer<UInt8>, span spanIndex: Int) -> Bool {
            guard ASCIIScan.isPrintable(utf8) else { return false }
            var runStart = -1
            for index in 0..<utf8.count {
                if utf8[index] == 0x20 {
                    if runStart >= 0 {
                        appendRun(UnsafeBufferPointer(rebasing: utf8[runStart..<index]), span: spanIndex, width: index - runStart)
                        runStart = -1
                    }
                    finishCurrent()
                    if pendingSpace == nil { pendingSpace = spanIndex }
                } else if runStart < 0 {
                    runStart = index
                }
            }
            if runStart >= 0 {
                appendRun(UnsafeBufferPointer(rebasing: utf8[runStart...]), span: spanIndex, width: utf8.count - runStart)
            }
            return true
        }

        init(_ spans: [StyledSpan]) {
            styles = spans.map(\.style)
            links = spans.map(\.link)
            // Room for every byte, and for a unit and a piece per word of some five letters.
            let total = spans.reduce(0) { $0 + $1.text.utf8.count }
            bytes = ByteBuffer(capacity: total)
            units.reserveCapacity(total / 5 + 1)
            pieces.reserveCapacity(total / 5 + spans.count)
            for (spanIndex, span) in spans.enumerated() {
                var text = span.text
                if text == "\n" {
                    finishCurrent()
                    pendingSpace = nil
                    pendingBreak = true
                    continue
                }
                if text.withUTF8({ splitASCII($0, span: spanIndex) }) { continue }
                var index = text.startIndex
                while index < text.endIndex {
                    let next = text.index(after: index)
                    let character = text[index]
                    let characterText = text[index..<next]
                    index = next
                    if character.isWhitespace {
                        finishCurrent()
                        // A space at the start of a line is dropped when the line is filled.
                        if pendingSpace == nil { pendingSpace = spanIndex }
                        continue
                    }
                    let characterWidth = DisplayWidth.of(character)
                    if characterWidth == 2 {
                        if TextWrapper.isClosingPunctuation(character) {
                            // Never start a line with closing punctuation: it sticks to what precedes it.
                            if !open, pendingSpace == nil, let last = units.popLast() { current = last; open = true }
                            appendRun(characterText, span: spanIndex, width: characterWidth)
                            finishCurrent()
                        } else {
                            finishCurrent()
                            appendRun(characterText, span: spanIndex, width: characterWidth)
                            finishCurrent()
                        }
                        continue
                    }
                    appendRun(characterText, span: spanIndex, width: characterWidth)
                }
            }
            finishCurrent()
            if pendingBreak { units.append(Unit(start: pieces.count, end: pieces.count, width: 0, space: nil, hardBreakBefore: true)) }
        }
    }

    static func isClosingPunctuation(_ character: Character) -> Bool {
        "、。，．！？：；」』）】〕〉》〙〗ー々".contains(character)
    }

    /// Fills lines greedily into a `FlatTextWriter`: a line's words are copied into it once.
    struct LineBuilder {
        let width: Int
        /// Columns of the current line so far.
        var used = 0
        /// Columns of the widest line ended.
        var widest = 0
        var started = false

        init(width: Int) { self.width = width }

        mutating func add(_ unit: Unit, _ words: Words, _ bytes: UnsafeBufferPointer<UInt8>, into line: inout FlatTextWriter) {
            if unit.hardBreakBefore, started {
                flush(&line)
            }
            started = true
            guard !unit.isEmpty else { return }
            let space = used > 0 ? unit.space : nil
            let spaceWidth = space == nil ? 0 : 1
            if used + spaceWidth + unit.width <= width {
                if let space { line.appendSpace(words.styles[space], link: words.links[space]) }
                appendPieces(unit, words, bytes, into: &line)
                used += spaceWidth + unit.width
                return
            }
            if used > 0 { flush(&line) }
            if unit.width <= width {
                appendPieces(unit, words, bytes, into: &line)
                used = unit.width
                return
            }
            // Longer than a whole line: break between grapheme clusters.
            for piece in words.pieces[unit.start..<unit.end] {
                let style = words.styles[piece.span]
                let link = words.links[piece.span]
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[piece.start..<piece.end]), as: UTF8.self)
                for character in text {
                    var characterWidth = DisplayWidth.of(character)
                    var text = String(character)
                    if characterWidth > width { text = "…"; characterWidth = 1 }
                    if used + characterWidth > width { flush(&line) }
                    line.append(text, style, link: link)
                    used += characterWidth
                }
            }
        }

        func appendPieces(_ unit: Unit, _ words: Words, _ bytes: UnsafeBufferPointer<UInt8>, into line: inout FlatTextWriter) {
            for index in unit.start..<unit.end {
                let piece = words.pieces[index]
                line.append(UnsafeBufferPointer(rebasing: bytes[piece.start..<piece.end]), words.styles[piece.span], link: words.links[piece.span])
            }
        }

        mutating func flush(_ line: inout FlatTextWriter) {
            line.endLine()
            widest = max(widest, used)
            used = 0
        }

        mutating func finish(into line: inout FlatTextWriter) {
            if used > 0 || !line.lineIsEmpty { flush(&line) }
        }
    }
}
