/// Styled lines as plain text, for pipes and files: no escape sequence at all.
public enum PlainText {
    public static func render(_ lines: [StyledLine]) -> String {
        var output = ""
        output.reserveCapacity(lines.count * 60)
        for line in lines {
            let text = line.text
            // Trailing blanks (table padding, code shading) are noise in a pipe.
            let utf8 = text.utf8
            var end = utf8.endIndex
            while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
            output += text[..<end]
            output += "\n"
        }
        return output
    }
}

/// Styled lines as text with ANSI SGR sequences (and OSC 8 hyperlinks when asked), for `byline show`
/// on a terminal. The only escape sequences in its output are the ones written here: the text itself
/// was made safe by `VisibleText` before it became spans.
public enum ANSIText {
    /// How many colours the terminal shows.
    public enum ColorDepth: Sendable { case none, sixteen, palette256 }

    public static func render(_ lines: [StyledLine], theme: Theme, colors: ColorDepth, hyperlinks: Bool = false) -> String {
        String(decoding: bytes(lines, theme: theme, colors: colors, hyperlinks: hyperlinks), as: UTF8.self)
    }

    /// The same output as `render`, as UTF-8 bytes in one buffer: what `byline show` writes with one
    /// `write`, without building a `String` piece by piece (a 1 MB post is millions of appends).
    public static func bytes(_ lines: [StyledLine], theme: Theme, colors: ColorDepth, hyperlinks: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(lines.count * 160)
        // A post uses a few dozen style combinations; each is looked up in the theme, and its SGR
        // sequence written out, once.
        var looks: [TextStyle: Look] = [:]
        var lastStyle: TextStyle?
        var lastLook = Look(attributes: TextAttributes(), sgr: [])
        let plain = TextAttributes()
        for line in lines {
            var current = plain
            var openLink: String?
            // Whether `openLink` was written as a hyperlink (a target too long is not, and is not closed).
            var opened = false
            for span in line.spans {
                if hyperlinks, span.link != openLink {
                    if opened { output += closeLink }
                    opened = false
                    if let url = span.link, let open = Self.openLink(url) {
                        output += open
                        opened = true
                    }
                    openLink = span.link
                }
                if span.style != lastStyle {
                    if let known = looks[span.style] {
                        lastLook = known
                    } else {
                        var attributes = theme.attributes(for: span.style)
                        if colors == .none { attributes.foreground = nil; attributes.background = nil }
                        lastLook = Look(attributes: attributes, sgr: Array(sgr(attributes, colors: colors).utf8))
                        looks[span.style] = lastLook
                    }
                    lastStyle = span.style
                }
                if lastLook.attributes != current {
                    output += lastLook.sgr
                    current = lastLook.attributes
                }
                append(span.text, to: &output)
            }
            if opened { output += closeLink }
            if current != plain { output += reset }
            output.append(0x0A)
        }
        return output
    }

    /// A style's attributes and the sequence that sets them.
    private struct Look {
        var attributes: TextAttributes
        var sgr: [UInt8]
    }

    private static let closeLink = Array("\u{1B}]8;;\u{1B}\\".utf8)
    private static let reset = Array("\u{1B}[0m".utf8)

    private static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
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

    /// A URL from a post, percent-encoded outside printable ASCII so it cannot end the OSC early.
    /// The longest link target written as an OSC 8 hyperlink, in bytes as written (percent-encoded).
    /// The OSC 8 specification's length limits leave longer URIs to be ignored by terminals (VTE drops
    /// any over 2083 bytes), and a link is opened again on every line it wraps to: a 20 KB URL made 5.3 MB
    /// of `show --hyperlinks`. A longer link is written as its text alone.
    public static let maximumHyperlinkBytes = 2048

    /// The sequence that opens a hyperlink to `url`; nil when the target is too long to be one.
    static func openLink(_ url: String) -> [UInt8]? {
        // Percent-encoding only lengthens: a URL already too long is refused without encoding it.
        guard url.utf8.count <= maximumHyperlinkBytes else { return nil }
        let target = safeURL(url)
        guard target.utf8.count <= maximumHyperlinkBytes else { return nil }
        return Array(("\u{1B}]8;;" + target + "\u{1B}\\").utf8)
    }

    static func safeURL(_ url: String) -> String {
        var output = ""
        for byte in url.utf8 {
            if (0x21...0x7E).contains(byte) {
                output.append(Character(Unicode.Scalar(byte)))
            } else {
                output += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return output
    }
}
