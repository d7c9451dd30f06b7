import Foundation
import XCTest

/// How the end-to-end tests read the reader's screen, shared so that a change of layout is fixed once.
enum ReaderScreen {
    /// Whether the tag pane has a row such as `   backend               14│`, or with unread posts under
    /// the tag `   backend            3/14│` (unread/total): `count` is the total either way.
    static func hasTag(_ screen: [String], _ name: String, _ count: Int) -> Bool {
        screen.contains { line in
            line.range(of: "\\s\(name)\\s+(\(unreadPrefix))?\(count)│", options: .regularExpression) != nil
        }
    }

    /// The unread part of a tag's count (`3/` of `3/14`), as a regular expression.
    static let unreadPrefix = "[0-9][0-9,]*/"

    static func row(_ screen: [String], containing text: String) -> String? { screen.first { $0.contains(text) } }

    /// The bottom row with anything on it: the status line (the last row a frame writes).
    static func statusLine(_ screen: [String]) -> String {
        screen.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    }

    /// The rows where the tag pane shows its cursor: `▸`, the tag's state, its name and its count (or
    /// unread/total), up to the pane's border (`▸  go        10`, `▸  go      3/10`), with their row
    /// numbers. The pane's heading (`▸ Tags`) has the same mark when the pane has focus, but no count.
    static func tagCursorRows(_ screen: [String]) -> [(row: Int, text: String)] {
        screen.enumerated().compactMap { index, line in
            guard line.hasPrefix("▸"),
                  let pane = line.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false).first,
                  pane.range(of: "\\s(\(unreadPrefix))?[0-9]+$", options: .regularExpression) != nil else { return nil }
            return (index, String(pane))
        }
    }
}

extension TmuxSession {
    /// Moves the tag pane's cursor (the row marked with ▸) down to `name`; the tag pane must have focus.
    /// Each `j` is sent only once the one before it has moved the cursor to another row (or another
    /// tag, when the pane scrolls), so that no repaint is taken for a move and no move overshoots.
    func moveTagCursor(to name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for _ in 0..<20 {
            let screen = try waitFor("the tag cursor on one row", file: file, line: line) { ReaderScreen.tagCursorRows($0).count == 1 }
            let cursor = ReaderScreen.tagCursorRows(screen)[0]
            if cursor.text.range(of: "\\s\(name)\\s", options: .regularExpression) != nil { return }
            try send("j")
            try waitFor("the tag cursor moved from \"\(cursor.text)\"", file: file, line: line) { screen in
                let rows = ReaderScreen.tagCursorRows(screen)
                return rows.count == 1 && (rows[0].row != cursor.row || rows[0].text != cursor.text)
            }
        }
        XCTFail("tag cursor never reached \(name)", file: file, line: line)
    }
}
