import Foundation
import XCTest

/// Golden files beside the tests: the expected output, compared exactly. Re-record with
/// `RECORD_SNAPSHOTS=1 make test`; a recording run fails, so it can never pass silently.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func assert(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent(name)
        if recording {
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
    static func visible(_ ansi: String) -> String { ansi.replacingOccurrences(of: "\u{1B}", with: "\\e") }
}

/// The markdown fixtures beside the tests.
enum MarkdownFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let names = ["headings", "paragraphs", "code", "lists", "quotes", "tables", "links", "html-and-templates",
                        "mixed", "cjk", "emoji", "hostile"]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name + ".md"), encoding: .utf8)
    }
}
