import BylineCore
import Foundation
import XCTest

/// Golden files beside the tests: the expected output, compared exactly. Re-record with
/// `RECORD_SNAPSHOTS=1 make test`; a recording run fails, so it can never pass silently.
package struct Golden {
    package let folder: URL

    /// Goldens in the `Goldens` folder beside the calling test file.
    package init(besides filePath: StaticString = #filePath) {
        folder = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    /// Goldens in `folder`, for fixtures kept apart from the tests (Tests/Fixtures/Sites/Goldens).
    package init(folder: URL) {
        self.folder = folder
    }

    package static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    package func assert(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent(name)
        if Golden.recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("recorded \(name); run again without RECORD_SNAPSHOTS to compare", file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no golden \(name); record it with RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        let wanted = expected.components(separatedBy: "\n"), got = actual.components(separatedBy: "\n")
        let first = zip(wanted, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(wanted.count, got.count)
        let show = { (lines: [String]) in first < lines.count ? lines[first] : "<end>" }
        XCTFail("""
            \(name) differs at line \(first + 1):
              expected: \(show(wanted))
              actual:   \(show(got))
            """, file: file, line: line)
    }

    /// ANSI output with ESC written as `\e`, so goldens are readable text.
    package static func visible(_ ansi: String) -> String { ansi.replacingOccurrences(of: "\u{1B}", with: "\\e") }

    /// A screen as a golden: its rows between bars, then its style runs row by row.
    package static func text(of screen: Screen) -> String {
        var output = screen.rows.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n\nstyles:\n"
        for row in 0..<screen.height {
            var runs: [String] = []
            var start = 0
            var current = screen[row, 0].style
            for column in 1...screen.width {
                let style = column < screen.width ? screen[row, column].style : TextStyle(rawValue: UInt64.max)
                if style != current {
                    if !current.isEmpty { runs.append("\(start)-\(column - 1) \(current)") }
                    start = column
                    if column < screen.width { current = style }
                }
            }
            if !runs.isEmpty { output += "\(row): " + runs.joined(separator: ", ") + "\n" }
        }
        return output
    }
}
