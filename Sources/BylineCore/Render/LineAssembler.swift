/// Builds `StyledLine`s piece by piece with `StyledLine.append`'s rules (empty text adds nothing; a
/// piece with the last span's style and link extends that span), but without growing a `String` per
/// piece: the last span's bytes wait in one reused buffer and become a `String` once, when the look
/// changes or the line is taken. Laying out a 1 MB post appends millions of pieces; this is why that
/// costs an allocation per span instead of several per word.
struct LineAssembler {
    private var spans: [StyledSpan] = []
    /// The last span while it is still open: either a span appended whole (kept as it is, no copy)...
    private var whole: StyledSpan?
    /// ...or bytes gathered from several pieces, styled `style` with `link`.
    private var bytes: [UInt8] = []
    private var style = TextStyle.plain
    private var link: String?

    /// Spans a line usually has room for at once: growing an array from empty allocates at 1, 2
    /// and 4 elements.
    private static let spansPerLine = 4

    init(capacity: Int = 128) {
        bytes.reserveCapacity(capacity)
        spans.reserveCapacity(Self.spansPerLine)
    }

    /// Whether nothing has been appended since the last `take`.
    var isEmpty: Bool { spans.isEmpty && whole == nil && bytes.isEmpty }

    mutating func append<Bytes: Collection>(_ text: Bytes, _ style: TextStyle, link: String?) where Bytes.Element == UInt8 {
        guard !text.isEmpty else { return }
        if let open = whole {
            if open.style == style, open.link == link {
                // A second piece of the same look: from now on the span is gathered in the buffer.
                whole = nil
                var openText = open.text
                openText.withUTF8 { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: text)
                self.style = style
                self.link = link
                return
            }
            spans.append(open)
            whole = nil
        } else if !bytes.isEmpty {
            if self.style == style, self.link == link {
                bytes.append(contentsOf: text)
                return
            }
            closeBytes()
        }
        bytes.append(contentsOf: text)
        self.style = style
        self.link = link
    }

    /// `count` blanks (padding, indentation), copied from `Blank.bytes` without making a string.
    mutating func appendBlanks(_ count: Int, _ style: TextStyle) {
        guard count > 0 else { return }
        if count <= Blank.bytes.count {
            append(Blank.bytes[..<count], style, link: nil)
        } else {
            append(Blank.string(count), style)
        }
    }

    mutating func append(_ text: String, _ style: TextStyle, link: String? = nil) {
        var text = text
        text.withUTF8 { append($0, style, link: link) }
    }

    /// A whole span: kept as it is unless the next piece continues it.
    mutating func append(_ span: StyledSpan) {
        guard !span.text.isEmpty else { return }
        if let open = whole {
            if open.style == span.style, open.link == span.link {
                append(span.text, span.style, link: span.link)
                return
            }
            spans.append(open)
            whole = span
            return
        }
        if !bytes.isEmpty {
            if style == span.style, link == span.link {
                append(span.text, span.style, link: span.link)
                return
            }
            closeBytes()
        }
        whole = span
    }

    mutating func append(contentsOf line: StyledLine) {
        for span in line.spans { append(span) }
    }

    /// The line so far; the assembler starts empty again, keeping its buffer.
    mutating func take() -> StyledLine {
        if let open = whole {
            spans.append(open)
            whole = nil
        } else {
            closeBytes()
        }
        let line = StyledLine(spans)
        spans = []
        spans.reserveCapacity(Self.spansPerLine)
        return line
    }

    private mutating func closeBytes() {
        guard !bytes.isEmpty else { return }
        spans.append(StyledSpan(String(decoding: bytes, as: UTF8.self), style, link: link))
        bytes.removeAll(keepingCapacity: true)
    }
}
