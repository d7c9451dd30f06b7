/// Laid-out lines as bytes for `byline show` and the dumb-terminal reader: plain text for pipes and
/// files, or text with ANSI SGR sequences (and OSC 8 hyperlinks when asked) for a terminal. Written
/// run by run from a `FlatText`, the form the layout makes; `StyledLine`s are put in that form first.
/// The only escape sequences in the output are the ones written here: the text itself was made safe
/// by `VisibleText` before it became spans.
package enum PlainText {
    package static func render(_ lines: [StyledLine]) -> String {
        String(decoding: bytes(FlatText(lines)), as: UTF8.self)
    }

    package static func bytes(_ text: FlatText) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.bytes.count + text.lineCount)
        do {
            let bytes = text.bytes.buffer
            var start = 0
            for line in 0..<text.lineCount {
                let runs = text.runs(ofLine: line)
                let end = runs.isEmpty ? start : Int(text.runs[runs.upperBound - 1].end)
                // Trailing blanks (table padding, code shading) are noise in a pipe.
                var last = end
                while last > start, bytes[last - 1] == 0x20 { last -= 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<last]))
                output.append(0x0A)
                start = end
            }
        }
        return output
    }
}

package enum ANSIText {
    /// How many colours the terminal shows.
    package enum ColorDepth: Sendable { case none, sixteen, palette256 }

    /// `lines` written out (an empty span writes nothing, not even its style).
    package static func render(_ lines: [StyledLine], theme: Theme, colors: ColorDepth, hyperlinks: Bool = false) -> String {
        String(decoding: bytes(FlatText(lines), theme: theme, colors: colors, hyperlinks: hyperlinks), as: UTF8.self)
    }

    package static func bytes(_ text: FlatText, theme: Theme, colors: ColorDepth, hyperlinks: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        write(text, theme: theme, colors: colors, hyperlinks: hyperlinks) { output.append(contentsOf: $0) }
        return output
    }

    /// The same bytes, handed to `sink` in chunks of about `chunkSize` as they are made: `byte show`
    /// writes a 1 MB post's 2 MB of output through one reused buffer instead of building all of it.
    package static func write(_ text: FlatText, theme: Theme, colors: ColorDepth, hyperlinks: Bool = false,
                             chunkSize: Int = 1 << 16, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        var output = ByteBuffer(capacity: chunkSize + 4096)
        func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { output.append($0) } }
        // Each look's attributes and the sequence that sets them, by look number.
        let looks: [(attributes: TextAttributes, sgr: [UInt8])] = text.looks.map { look in
            var attributes = theme.attributes(for: look.style)
            if colors == .none { attributes.foreground = nil; attributes.background = nil }
            return (attributes, Array(sgr(attributes, colors: colors).utf8))
        }
        let links: [[UInt8]?] = hyperlinks ? text.looks.map { look in look.link.flatMap(openLink) } : []
        let newline: [UInt8] = [0x0A]
        let plain = TextAttributes()
        do {
            let bytes = text.bytes.buffer
            var start = 0
            for line in 0..<text.lineCount {
                if output.count >= chunkSize { output.drain(to: sink) }
                var current = plain
                var openLink: String?
                for run in text.runs(ofLine: line) {
                    let lookID = Int(text.runs[run].look)
                    if hyperlinks {
                        // A link too long to open (`maximumHyperlinkBytes`) is no link: nothing to close after it.
                        let link = links[lookID] == nil ? nil : text.looks[lookID].link
                        if link != openLink {
                            if openLink != nil { write(closeLink) }
                            if let open = links[lookID] { write(open) }
                            openLink = link
                        }
                    }
                    let look = looks[lookID]
                    if look.attributes != current {
                        write(look.sgr)
                        current = look.attributes
                    }
                    let end = Int(text.runs[run].end)
                    output.append(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    start = end
                }
                if openLink != nil { write(closeLink) }
                if current != plain { write(reset) }
                write(newline)
            }
        }
        output.drain(to: sink)
        output.free()
    }

    private static let closeLink = TerminalURL.closeHyperlink
    private static let reset = Array("\u{1B}[0m".utf8)

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

    /// The longest link target written as an OSC 8 hyperlink (`TerminalURL.maximumBytes`): a longer
    /// link is written as its text alone.
    package static let maximumHyperlinkBytes = TerminalURL.maximumBytes

    /// The sequence that opens a hyperlink to `url`, by `TerminalURL`'s rules; nil when the target is
    /// too long to be one.
    static func openLink(_ url: String) -> [UInt8]? { TerminalURL.openHyperlink(url) }
}
