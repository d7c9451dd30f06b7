/// What covers the reader's text, one thing at a time (an enum, not flags): nothing, or the outline.
/// The find prompt is not here: it lives on the status line (`Find`), and never with the outline open.
package enum ReaderOverlay: Hashable, Sendable {
    /// The post's text, uncovered.
    case none
    /// The outline of the post's top-level headings (`Document.headings`), its cursor on the
    /// `cursor`-th; Enter goes there (`ReaderIntent.showHeading`).
    case outline(cursor: Int)
}

/// Which heading a line of a post is under: the section the reader's status line names, and the row the
/// outline opens on. Shared by the view and the reducer, so the two always agree.
package enum Outline {
    /// The index of the last heading starting at or above `line` in `headingLines` (ascending), nil
    /// when `line` is above the first heading. A binary search: the status line asks every frame.
    package static func section(at line: Int, headingLines: [Int]) -> Int? {
        var low = 0, high = headingLines.count
        while low < high {
            let middle = (low + high) / 2
            if headingLines[middle] <= line { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }
}

extension Document {
    /// How many top-level headings there are (`headings.count`), without making their titles and
    /// anchors: the bound of the outline's cursor, worked out on each key.
    package var headingCount: Int {
        var count = 0
        for block in blocks { if case .heading = block { count += 1 } }
        return count
    }
}
