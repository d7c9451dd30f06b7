/// Where wrapped prose and code rows go, piece by piece: one flat buffer (`FlatTextWriter`, what a
/// document is laid out into) or `StyledLine`s (`StyledLineCollector`, for a few lines of prose
/// wrapped on their own: a post's header, a table cell, a message).
protocol LineSink {
    /// Appends text to the current line; empty text adds nothing.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, _ style: TextStyle, link: String?)
    /// Appends `count` blanks in `style`.
    mutating func appendBlanks(_ count: Int, _ style: TextStyle)
    /// Whether nothing has been appended to the current line.
    var lineIsEmpty: Bool { get }
    /// Ends the current line (even an empty one).
    mutating func endLine()
}

extension LineSink {
    /// One blank that may belong to a link (the space between two words of a link's text).
    mutating func appendSpace(_ style: TextStyle, link: String?) {
        append(LineSinkSpace.byte, style, link: link)
    }

    mutating func append(_ text: String, _ style: TextStyle, link: String? = nil) {
        var text = text
        text.withUTF8 { append($0, style, link: link) }
    }
}

/// Lines gathered as `StyledLine`s through a `LineAssembler`.
struct StyledLineCollector: LineSink {
    var line: LineAssembler
    var lines: [StyledLine] = []

    init(capacity: Int = 128) { line = LineAssembler(capacity: capacity) }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>, _ style: TextStyle, link: String?) {
        line.append(text, style, link: link)
    }

    mutating func appendBlanks(_ count: Int, _ style: TextStyle) { line.appendBlanks(count, style) }

    var lineIsEmpty: Bool { line.isEmpty }

    mutating func endLine() { lines.append(line.take()) }
}

/// One space byte that lives for the whole process, to append without a temporary buffer.
enum LineSinkSpace {
    nonisolated(unsafe) static let byte: UnsafeBufferPointer<UInt8> = {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1)
        buffer[0] = 0x20
        return UnsafeBufferPointer(buffer)
    }()
}
