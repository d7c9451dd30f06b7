/// `PlainText` and `ANSIText` for lines in flat form: the same bytes, written run by run from the
/// flat buffer into one output buffer, with each look's escape sequence worked out once.
extension PlainText {
    public static func bytes(_ text: FlatText) -> [UInt8] {
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

extension PlainText {
    /// Parts (`FlatLayout.parts`) one after another.
    public static func bytes(_ parts: [FlatText]) -> [UInt8] {
        parts.count == 1 ? bytes(parts[0]) : parts.flatMap { bytes($0) }
    }
}

extension ANSIText {
    /// Parts (`FlatLayout.parts`) one after another: every line sets its own look, so a part needs
    /// nothing from the one before it.
    public static func write(_ parts: [FlatText], theme: Theme, colors: ColorDepth, hyperlinks: Bool = false,
                             chunkSize: Int = 1 << 16, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        for part in parts { write(part, theme: theme, colors: colors, hyperlinks: hyperlinks, chunkSize: chunkSize, to: sink) }
    }

    public static func bytes(_ text: FlatText, theme: Theme, colors: ColorDepth, hyperlinks: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        write(text, theme: theme, colors: colors, hyperlinks: hyperlinks) { output.append(contentsOf: $0) }
        return output
    }

    /// The same bytes, handed to `sink` in chunks of about `chunkSize` as they are made: `byte show`
    /// writes a 1 MB post's 2 MB of output through one reused buffer instead of building all of it.
    public static func write(_ text: FlatText, theme: Theme, colors: ColorDepth, hyperlinks: Bool = false,
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
        let closeLink = Array("\u{1B}]8;;\u{1B}\\".utf8)
        let reset = Array("\u{1B}[0m".utf8)
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
}
