/// The limits on what is read of a post file, and the body as it is shown within them.
extension PostLoader {
    /// Body bytes shown, searched and counted; the rest of a longer body is never read, and a note at
    /// the end of the post says so. The longest real articles are some 100 KB, a whole book's text about
    /// 1 MB, and byline's benchmark post 1 MB. `show` (release) takes 0.66 s and 110 MB per MiB of the
    /// densest markdown tried (a link, a table, a list, code and a quote every 500 bytes), 0.06 s per MiB
    /// of plain prose: 2 MiB keeps the worst post near a second and 200 MB, per visitor over SSH.
    /// Without a cap, a 200 MB post took `show` 51 s and 3.4 GB, and `check` read a 1 GB file whole.
    package static let bodyLimit = 2 << 20
    /// The most read from one file: the front matter, its fences (with some trailing blanks) and the
    /// body up to its limit.
    static let readLimit = frontMatterLimit + bodyLimit + 1024
    /// Bytes of UTF-8 a summary keeps (cut at a word, with `…`): the list shows it on one line, and
    /// an 8 KB first paragraph is not a summary.
    package static let summaryLimit = 600
    /// How far back from the body's limit a line end is looked for, to cut there rather than inside a line.
    static let lineEndSearch = 64 << 10

    /// A body as it is shown: at most `bodyLimit` bytes, and how much of the file was left out.
    package struct Body: Sendable, Equatable {
        /// Well-formed UTF-8 with LF line ends, ending at a line end (or a character) when cut.
        package var bytes: ArraySlice<UInt8>
        /// Bytes of the file after `bytes` that are not shown (0 for a whole body); never read past
        /// `readLimit`, so counted from the file's size.
        package var omittedBytes: Int
        /// The file's line on which the body starts, for `check`'s places.
        package var firstLine: Int
        /// Whether MDX's syntax applies (`SiteSyntax.isMDX`).
        package var mdx: Bool

        package init(bytes: ArraySlice<UInt8>, omittedBytes: Int = 0, firstLine: Int = 1, mdx: Bool = false) {
            self.bytes = bytes
            self.omittedBytes = omittedBytes
            self.firstLine = firstLine
            self.mdx = mdx
        }
    }

    /// The body of the post at `absolutePath`, cut to `bodyLimit`; at most `readLimit` bytes are read.
    /// `path`, relative to the posts folder, says whether the body is MDX (`SiteSyntax.isMDX`).
    package static func limitedBody(at absolutePath: String, path: String? = nil) -> Result<Body, PostFile.ReadError> {
        PostFile.read(absolutePath, limit: readLimit).map { raw in
            let truncated = raw.bytes.count < raw.size
            let text = PostText.clean(raw.bytes, truncated: truncated).bytes
            var start = 0, firstLine = 1
            if case let .found(block) = FrontMatterBlock.locate(in: text), block.text.upperBound <= frontMatterLimit {
                start = block.bodyStart
                firstLine = block.bodyFirstLine
            }
            let end = cut(text, from: start)
            // Cleaning drops a BOM and CRs; the bytes left out are counted as the file has them, nearly.
            let omitted = (raw.size - raw.bytes.count) + (text.count - end)
            return Body(bytes: text[start..<end], omittedBytes: omitted, firstLine: firstLine,
                        mdx: path.map(SiteSyntax.isMDX) ?? absolutePath.hasSuffix(".mdx"))
        }
    }

    /// Where a body starting at `start` in `text` (well-formed UTF-8) ends when shown: the text's end,
    /// or within `bodyLimit` after the last line end in the last `lineEndSearch` bytes, else before the
    /// character at the limit.
    static func cut(_ text: [UInt8], from start: Int, limit: Int = bodyLimit) -> Int {
        guard text.count - start > limit else { return text.count }
        let hard = start + limit
        var index = hard
        let floor = max(start, hard - lineEndSearch)
        while index > floor, text[index - 1] != 0x0A { index -= 1 }
        if index > floor { return index }
        index = hard
        while index > start, text[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    /// `summary` cut to `summaryLimit` bytes, at the last space before it when there is one, with `…`.
    static func bounded(summary: String) -> String {
        guard summary.utf8.count > summaryLimit else { return summary }
        // Room for the `…` (3 bytes).
        var kept = summary.prefix(utf8Bytes: summaryLimit - 3).unicodeScalars
        if let lastSpace = kept.lastIndex(of: " "), kept.distance(from: lastSpace, to: kept.endIndex) < 40 { kept.removeSubrange(lastSpace...) }
        return String(kept) + "…"
    }

    /// "1 MiB", "195.3 MiB", "512 KiB", "80 bytes": a size for a message.
    package static func sizeText(_ bytes: Int) -> String {
        func unit(_ value: Double, _ name: String) -> String {
            let rounded = (value * 10).rounded() / 10
            return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + name
        }
        if bytes >= 1 << 20 { return unit(Double(bytes) / Double(1 << 20), "MiB") }
        if bytes >= 1 << 10 { return unit(Double(bytes) / Double(1 << 10), "KiB") }
        return "\(bytes) bytes"
    }

    /// What the start of a file holds, the front matter limit applied: the same answer from a prefix
    /// (`list`, the reader) and from a longer read (`check`).
    enum FrontMatter: Equatable {
        case none
        case found(FrontMatterBlock)
        /// Never closed, in a file read whole that is within the limit.
        case unclosed(FrontMatterBlock.Format)
        /// Closed past the limit, or not closed within it.
        case tooLong(FrontMatterBlock.Format)
    }

    static func classify(_ search: FrontMatterBlock.Search, textCount: Int, wholeFile: Bool) -> FrontMatter {
        switch search {
        case .none: return .none
        case let .found(block): return block.text.upperBound > frontMatterLimit ? .tooLong(block.format) : .found(block)
        case let .unclosed(format): return wholeFile && textCount <= frontMatterLimit ? .unclosed(format) : .tooLong(format)
        }
    }
}
