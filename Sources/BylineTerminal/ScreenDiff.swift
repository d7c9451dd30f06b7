import BylineCore

/// Which cells of a new frame differ from the frame painted before it. Pure, so tests can prove that
/// moving a selection touches only its rows, and that wide characters are redrawn whole.
/// (ncurses then compares its own copy of the screen, so the bytes sent are minimal either way; this
/// keeps the per-frame work proportional to what changed.)
package enum ScreenDiff {
    /// A run of changed cells on one row, `columns` in screen columns.
    package struct Run: Hashable, Sendable, CustomStringConvertible {
        package var row: Int
        package var columns: Range<Int>

        package init(row: Int, columns: Range<Int>) {
            self.row = row
            self.columns = columns
        }

        package var description: String { "row \(row) \(columns.lowerBound)..<\(columns.upperBound)" }
    }

    /// The runs to repaint. Every cell when there is no previous frame or its size differs.
    /// A changed half of a wide character (in either frame) takes its other half with it: ncurses
    /// draws a wide character from its left column, and a half left behind would show stale text.
    package static func changedRuns(from old: Screen?, to new: Screen) -> [Run] {
        guard new.width > 0, new.height > 0 else { return [] }
        guard let old, old.width == new.width, old.height == new.height else {
            return (0..<new.height).map { Run(row: $0, columns: 0..<new.width) }
        }
        var runs: [Run] = []
        var dirty = [Bool](repeating: false, count: new.width)
        for row in 0..<new.height {
            var any = false
            for column in 0..<new.width {
                let before = old[row, column], after = new[row, column]
                // Link numbers are each frame's own: equal numbers may name different URLs.
                guard before != after || (after.link != 0 && old.url(ofLink: before.link) != new.url(ofLink: after.link)) else { continue }
                any = true
                dirty[column] = true
                if before.width == 2 || after.width == 2, column + 1 < new.width { dirty[column + 1] = true }
                if before.width == 0 || after.width == 0, column > 0 { dirty[column - 1] = true }
            }
            guard any else { continue }
            var start: Int?
            for column in 0...new.width {
                let isDirty = column < new.width && dirty[column]
                if isDirty, start == nil { start = column }
                if !isDirty, let first = start {
                    runs.append(Run(row: row, columns: first..<column))
                    start = nil
                }
                if column < new.width { dirty[column] = false }
            }
        }
        return runs
    }
}
