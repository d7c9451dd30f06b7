/// A link as laid out: where its text and its `[n]` marker sit, and which reference it is. The reader's
/// Tab stops, its current link's cells and a click's target; found in the laid-out lines, so its
/// place is that of the text the reader sees at the width it was laid out for.
package struct LayoutLink: Hashable, Sendable {
    /// One line's part of a link: on line `line` (of the whole post's lines), from display column
    /// `column` (in the text column), `width` columns.
    package struct Segment: Hashable, Sendable {
        package var line: Int
        package var column: Int
        package var width: Int

        package init(line: Int, column: Int, width: Int) {
            self.line = line
            self.column = column
            self.width = width
        }
    }

    /// The `[n]` it carries: `Document.references[reference - 1]` is its target.
    package var reference: Int
    /// Its parts in reading order, link text then marker; a link wrapped over lines has one per line.
    package var segments: [Segment]

    package init(reference: Int, segments: [Segment]) {
        self.reference = reference
        self.segments = segments
    }

    /// The line it starts on.
    package var line: Int { segments.first?.line ?? 0 }

    /// Whether it covers the cell at `column` of line `line`.
    package func covers(line: Int, column: Int) -> Bool {
        segments.contains { $0.line == line && column >= $0.column && column < $0.column + $0.width }
    }

    /// The links of `lines`, in reading order: each run of spans carrying one target (`StyledSpan.link`:
    /// a link's text, an image's label) up to the `[n]` marker after it, which gives its number. One
    /// pass over the spans; a post's reference list (`[1] url`, no link before it) and footnote marks
    /// (`[^1]`) are no links, nor is a link whose text is empty (nothing to point at but its marker).
    package static func links(in lines: [StyledLine]) -> [LayoutLink] {
        var found: [LayoutLink] = []
        var open: (target: String, segments: [Segment])?
        for (number, line) in lines.enumerated() {
            var column = 0
            for span in line.spans {
                let width = span.width
                defer { column += width }
                if let target = span.link {
                    if open?.target != target { open = (target, []) }
                    extend(&open!.segments, Segment(line: number, column: column, width: width))
                } else if span.style.contains(.reference), let (reference, markerWidth) = referenceNumber(span.text) {
                    // `[2] url` starts an entry of the reference list (its marker holds the space after
                    // it): no link's marker, and the end of the entry's own link before it.
                    let listEntry = span.text.utf8.dropFirst(markerWidth).first == UInt8(ascii: " ")
                    if !listEntry, var link = open {
                        extend(&link.segments, Segment(line: number, column: column, width: markerWidth))
                        found.append(LayoutLink(reference: reference, segments: link.segments))
                    }
                    open = nil
                }
            }
        }
        return found
    }

    /// Adds `segment`, joined to the last when it continues it on the same line.
    private static func extend(_ segments: inout [Segment], _ segment: Segment) {
        if let last = segments.last, last.line == segment.line, last.column + last.width == segment.column {
            segments[segments.count - 1].width += segment.width
        } else {
            segments.append(segment)
        }
    }

    /// `[12]` → 12 and the marker's width (4), also where a span starts with it (`[1][^1]`: a footnote
    /// mark right after a link's marker shares its span); nil for anything else (`[^1]`, text).
    static func referenceNumber(_ text: String) -> (Int, Int)? {
        var utf8 = text.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "[") else { return nil }
        var number = 0, digits = 0
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "]") { return digits > 0 ? (number, digits + 2) : nil }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 9 else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return nil
    }
}
