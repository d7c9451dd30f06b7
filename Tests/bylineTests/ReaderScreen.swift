import Foundation
import XCTest

/// How the end-to-end tests read the reader's screen, shared so that a change of layout is fixed once.
enum ReaderScreen {
    /// Whether the tag pane has a row such as `   backend               14│`.
    static func hasTag(_ screen: [String], _ name: String, _ count: Int) -> Bool {
        screen.contains { line in
            line.range(of: "\\s\(name)\\s+\(count)│", options: .regularExpression) != nil
        }
    }

    static func row(_ screen: [String], containing text: String) -> String? { screen.first { $0.contains(text) } }
}

extension TmuxSession {
    /// Moves the tag pane's cursor (the row marked with ▸) down to `name`; the tag pane must have focus.
    func moveTagCursor(to name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for _ in 0..<20 {
            let screen = try capture()
            if screen.contains(where: { $0.hasPrefix("▸") && $0.range(of: "\\s\(name)\\s", options: .regularExpression) != nil }) { return }
            let before = screen
            try send("j")
            _ = try waitFor("cursor moved", seconds: 3, file: file, line: line) { $0 != before }
        }
        XCTFail("tag cursor never reached \(name)", file: file, line: line)
    }
}
