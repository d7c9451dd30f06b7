import BylineCore

/// A line's tokens as byte offsets and styles, before any `String` is made. The scanner marks only
/// what it recognises; the gaps between are plain. Neighbours of one style merge here, so a line
/// becomes as few spans as its colours need. Reused from line to line to keep its storage.
struct TokenRun {
    /// Where each token ends, as an offset into the block's bytes; the next token starts there.
    private(set) var ends: [Int] = []
    /// Each token's style, without `.codeBlock` (added when spans are made).
    private(set) var styles: [TextStyle] = []
    /// Where the first token starts.
    private(set) var start = 0

    var count: Int { ends.count }
    private var lastEnd: Int { ends.last ?? start }

    /// Forgets the last line and starts one at `offset`.
    mutating func reset(at offset: Int) {
        ends.removeAll(keepingCapacity: true)
        styles.removeAll(keepingCapacity: true)
        start = offset
    }

    /// Marks `from..<to` as `style`, leaving anything unmarked before it plain.
    mutating func mark(_ from: Int, _ to: Int, _ style: TextStyle) {
        guard to > from else { return }
        if from > lastEnd { append(upTo: from, .plain) }
        append(upTo: to, style)
    }

    /// Makes the rest of the line, up to `end`, plain.
    mutating func finish(at end: Int) {
        if end > lastEnd { append(upTo: end, .plain) }
    }

    /// Replaces the tokens with ones whose ends moved (see `GraphemeBoundaries`).
    mutating func replace(ends newEnds: [Int], styles newStyles: [TextStyle]) {
        ends = newEnds
        styles = newStyles
    }

    private mutating func append(upTo end: Int, _ style: TextStyle) {
        if let last = styles.last, last == style {
            ends[ends.count - 1] = end
        } else {
            ends.append(end)
            styles.append(style)
        }
    }
}
