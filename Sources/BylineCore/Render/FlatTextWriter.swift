/// Builds a `FlatText` a piece at a time, with what containers put before their lines.
///
/// Writing straight into one buffer, a container's prefixes (a quote's bar, a list item's bullet or
/// indentation) have to come before its lines, so the writer keeps a stack of open containers and
/// writes their prefixes when a line's first piece arrives. An empty line is decided at its end: a
/// quote bars every line, a hanging label starts its first line even if empty, and a later empty line
/// under a label stays empty. The wrapper, the code splitter and the table layout write into it; so
/// do a few lines of prose wrapped on their own (a post's header, a table cell, a message), which are
/// then taken as `StyledLine`s. A struct passed `inout`, not a class: every piece of a post goes through
/// it, and a class's stored properties would cost a dynamic exclusivity check on each access.
struct FlatTextWriter {
    /// What an open container writes before each line of its body.
    enum Prefix {
        /// A quote's bar, on every line.
        case quote(bar: String)
        /// A label on the first line and `indent` blanks before the others (lists, notes, references).
        case hanging(label: StyledLine, indent: Int)
        /// Nothing: a quote too narrow for its bar only adds its style.
        case none
    }

    private struct Frame {
        var prefix: Prefix
        /// The style this container adds to everything inside it.
        var added: TextStyle
        /// Lines of its body so far.
        var lines = 0
    }

    private var text = FlatText()
    /// `text.bytes` while it is written; moved there by `finish`.
    private var buffer: ByteBuffer
    private var frames: [Frame] = []
    /// The union of the open frames' added styles.
    private var added = TextStyle.plain
    /// Whether the current line has its prefixes and some text.
    private var lineStarted = false
    /// Where the current line's runs start.
    private var lineRunStart = 0
    /// A blank line owed before the next line, under the first `depth` frames (a separator between
    /// blocks, written only if the next block has any line at all).
    var pendingBlank: Int?
    private var lookIDs: [FlatText.Look: UInt32] = [:]
    /// The looks without a link: their styles, and their numbers.
    private var plainLookStyles: [TextStyle] = []
    private var plainLookIDs: [UInt32] = []
    private var lastStyle = TextStyle.plain, lastLink: String?, lastLook: UInt32?

    init(capacity: Int = 0) {
        buffer = ByteBuffer(capacity: capacity)
        // Generous: memory reserved and never touched costs nothing, growing an array costs a copy.
        text.runs.reserveCapacity(capacity / 4)
        text.lineEnds.reserveCapacity(capacity / 16)
    }

    var lineCount: Int { text.lineEnds.count }
    /// Bytes of text written so far.
    var byteCount: Int { buffer.count }
    var depth: Int { frames.count }

    /// The text written; the writer is done with.
    mutating func finish() -> FlatText {
        if lineStarted { endLine() }
        text.bytes = buffer.takeStorage()
        return text
    }

    // MARK: Containers

    mutating func push(_ prefix: Prefix, adding style: TextStyle = .plain) {
        frames.append(Frame(prefix: prefix, added: style))
        added.formUnion(style)
    }

    /// Closes the innermost container; a hanging label with no body still gets its line.
    mutating func pop() {
        if case .hanging = frames[frames.count - 1].prefix, frames[frames.count - 1].lines == 0 { endLine() }
        frames.removeLast()
        added = frames.reduce(TextStyle.plain) { $0.union($1.added) }
    }

    // MARK: Pieces of lines

    /// Appends text to the current line; empty text adds nothing.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ style: TextStyle, link: String?) {
        guard !bytes.isEmpty else { return }
        if !lineStarted { startLine() }
        appendRun(bytes, style.union(added), link: link)
    }

    /// Appends `count` blanks in `style` (padding, shading).
    mutating func appendBlanks(_ count: Int, _ style: TextStyle, link: String? = nil) {
        guard count > 0 else { return }
        if !lineStarted { startLine() }
        appendBlankRuns(count, style.union(added), link: link)
    }

    /// One blank that may belong to a link (the space between two words of a link's text).
    mutating func appendSpace(_ style: TextStyle, link: String?) {
        appendBlanks(1, style, link: link)
    }

    /// Whether nothing has been appended to the current line.
    var lineIsEmpty: Bool { !lineStarted }

    /// Ends the current line (even an empty one).
    mutating func endLine() {
        if !lineStarted {
            writePendingBlank()
            writeEmptyLine(under: frames.count)
        }
        closeLine()
    }

    mutating func append(_ string: String, _ style: TextStyle, link: String? = nil) {
        var string = string
        string.withUTF8 { append($0, style, link: link) }
    }

    /// A whole styled line (a table row, a heading), as the next line.
    mutating func append(_ line: StyledLine) {
        for span in line.spans { append(span.text, span.style, link: span.link) }
        endLine()
    }

    // MARK: Lines

    /// The pending blank, then every frame's prefix: the line has text, so none is left out.
    private mutating func startLine() {
        writePendingBlank()
        for index in frames.indices { writePrefix(index) }
        lineStarted = true
    }

    private mutating func writePendingBlank() {
        guard let depth = pendingBlank else { return }
        pendingBlank = nil
        writeEmptyLine(under: depth)
        closeLine()
    }

    /// The prefixes of an empty line under the first `depth` frames: from the innermost frame that
    /// writes something even around nothing (a quote, or a label not yet written) outwards.
    private mutating func writeEmptyLine(under depth: Int) {
        var innermost = -1
        for index in stride(from: depth - 1, through: 0, by: -1) {
            switch frames[index].prefix {
            case .quote: innermost = index
            case .hanging: if frames[index].lines == 0 { innermost = index }
            case .none: break
            }
            if innermost >= 0 { break }
        }
        if innermost >= 0 {
            for index in 0...innermost { writePrefix(index) }
        }
        for index in innermost + 1..<depth { frames[index].lines += 1 }
    }

    /// Frame `index`'s prefix for its next line, styled by the frames around it.
    private mutating func writePrefix(_ index: Int) {
        let outer = frames[..<index].reduce(TextStyle.plain) { $0.union($1.added) }
        switch frames[index].prefix {
        case let .quote(bar):
            appendRun(bar, TextStyle([.marker, .quote]).union(outer), link: nil)
        case let .hanging(label, indent):
            if frames[index].lines == 0 {
                for span in label.spans { appendRun(span.text, span.style.union(outer), link: span.link) }
            } else {
                appendBlankRuns(indent, outer, link: nil)
            }
        case .none:
            break
        }
        frames[index].lines += 1
    }

    private mutating func closeLine() {
        text.lineEnds.append(UInt32(text.runs.count))
        lineRunStart = text.runs.count
        lineStarted = false
    }

    /// `count` blanks copied from `Blank.bytes` a chunk at a time, without making a string of them.
    private mutating func appendBlankRuns(_ count: Int, _ style: TextStyle, link: String?) {
        var left = count
        while left > 0 {
            let chunk = min(left, Blank.bytes.count)
            Blank.bytes.withUnsafeBufferPointer { appendRun(UnsafeBufferPointer(rebasing: $0[..<chunk]), style, link: link) }
            left -= chunk
        }
    }

    private mutating func appendRun(_ string: String, _ style: TextStyle, link: String?) {
        var string = string
        string.withUTF8 { appendRun($0, style, link: link) }
    }

    /// Text in a look, merged into the line's last run when that has the same look.
    private mutating func appendRun(_ bytes: UnsafeBufferPointer<UInt8>, _ style: TextStyle, link: String?) {
        guard !bytes.isEmpty else { return }
        let look = lookID(style, link)
        buffer.append(bytes)
        // Offsets are 32 bits: a post laid out is megabytes; 4 GB of it would have run out of memory
        // long before (and the conversion traps rather than wrap).
        let end = UInt32(buffer.count)
        if text.runs.count > lineRunStart, text.runs[text.runs.count - 1].look == look {
            text.runs[text.runs.count - 1].end = end
        } else {
            text.runs.append(FlatText.Run(end: end, look: look))
        }
    }

    /// Runs in a row mostly share a look, and the looks without a link are a few dozen: they are
    /// found by a scan of their styles, and only links go through the hashed table.
    private mutating func lookID(_ style: TextStyle, _ link: String?) -> UInt32 {
        if let lastLook, style == lastStyle, link == lastLink { return lastLook }
        let id: UInt32
        if link == nil, let index = plainLookStyles.firstIndex(of: style) {
            id = plainLookIDs[index]
        } else {
            let look = FlatText.Look(style: style, link: link)
            if let known = lookIDs[look] {
                id = known
            } else {
                id = UInt32(text.looks.count)
                text.looks.append(look)
                lookIDs[look] = id
                if link == nil {
                    plainLookStyles.append(style)
                    plainLookIDs.append(id)
                }
            }
        }
        lastStyle = style
        lastLink = link
        lastLook = id
        return id
    }
}
