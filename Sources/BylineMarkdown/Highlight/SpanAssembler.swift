import BylineCore

/// Turns a line's byte tokens into `StyledSpan`s, the only place the highlighter makes `String`s.
enum SpanAssembler {
    /// One span per token, each with `.codeBlock` added. A line with non-ASCII text first has its cuts
    /// moved to `Character` boundaries, so a combining accent or an emoji modifier after a quote stays
    /// with the character it belongs to instead of starting the next span.
    static func spans(of tokens: inout TokenRun, in bytes: UnsafeBufferPointer<UInt8>) -> [StyledSpan] {
        guard let lineEnd = tokens.ends.last else { return [] }
        if tokens.count > 1 && containsNonASCII(bytes, from: tokens.start, to: lineEnd) {
            alignToCharacters(&tokens, in: bytes)
        }
        var spans: [StyledSpan] = []
        spans.reserveCapacity(tokens.count)
        var start = tokens.start
        for (end, style) in zip(tokens.ends, tokens.styles) {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            spans.append(StyledSpan(text, style.union(.codeBlock)))
            start = end
        }
        return spans
    }

    /// Moves each token's end forward to the next grapheme boundary; a token left empty disappears,
    /// its bytes joining the token before. Lines are short next to the block, and only non-ASCII lines
    /// pay for this walk, which is one pass over the line's characters.
    private static func alignToCharacters(_ tokens: inout TokenRun, in bytes: UnsafeBufferPointer<UInt8>) {
        let lineStart = tokens.start
        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tokens.ends[tokens.count - 1]]),
                          as: UTF8.self)
        let utf8 = line.utf8
        var character = line.startIndex
        var boundary = lineStart
        var ends: [Int] = []
        var styles: [TextStyle] = []
        for (end, style) in zip(tokens.ends, tokens.styles) {
            while boundary < end {
                character = line.index(after: character)
                boundary = lineStart + utf8.distance(from: utf8.startIndex, to: character)
            }
            if boundary == (ends.last ?? lineStart) { continue }
            if styles.last == style {
                ends[ends.count - 1] = boundary
            } else {
                ends.append(boundary)
                styles.append(style)
            }
        }
        tokens.replace(ends: ends, styles: styles)
    }

    private static func containsNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var position = start
        while position < end {
            if bytes[position] >= 0x80 { return true }
            position += 1
        }
        return false
    }
}
