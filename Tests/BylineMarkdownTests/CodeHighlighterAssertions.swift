import BylineCore
import BylineMarkdown
import Foundation
import XCTest

/// Each language gets a realistic snippet and assertions on the style of chosen tokens. Every
/// highlight also passes `assertWellFormed`: spans give back each line exactly, in whole characters,
/// all with `.codeBlock`, none empty.
/// Assertions the highlighter tests share.
extension XCTestCase {
    // MARK: - Helpers

    /// Highlights and checks what holds for every output.
    func highlight(_ code: String, _ language: String?, file: StaticString = #filePath, line: UInt = #line) -> [[StyledSpan]] {
        let lines = CodeHighlighter.highlight(code, language: language)
        // On bytes: `split` on `Character`s would keep "\r\n" whole.
        var expected = code.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if code.isEmpty || code.utf8.last == 0x0A { expected.removeLast() }
        XCTAssertEqual(lines.map { $0.map(\.text).joined() }, expected, "spans give back the lines", file: file, line: line)
        for (spans, text) in zip(lines, expected) {
            XCTAssertEqual(spans.reduce(0) { $0 + $1.text.count }, text.count,
                           "no character is cut between spans: \(text)", file: file, line: line)
            for span in spans {
                XCTAssertTrue(span.style.contains(.codeBlock), file: file, line: line)
                XCTAssertFalse(span.text.isEmpty, file: file, line: line)
            }
        }
        return lines
    }

    /// The single style over the `occurrence`th `token` on `line`, or nil when it is split between styles.
    func styles(of token: String, in lines: [[StyledSpan]], line: Int, occurrence: Int = 0) -> TextStyle? {
        guard line < lines.count else { return nil }
        var byteStyles: [TextStyle] = []
        for span in lines[line] { byteStyles += Array(repeating: span.style, count: span.text.utf8.count) }
        let text = Array(lines[line].map(\.text).joined().utf8), needle = Array(token.utf8)
        var found = 0
        for start in 0...max(0, text.count - needle.count) where Array(text[start..<min(text.count, start + needle.count)]) == needle {
            if found == occurrence {
                let range = byteStyles[start..<start + needle.count]
                return range.allSatisfy { $0 == range.first } ? range.first : nil
            }
            found += 1
        }
        return nil
    }

    func assertToken(
        _ lines: [[StyledSpan]], _ line: Int, _ token: String, _ style: TextStyle, _ message: String = "",
        occurrence: Int = 0, file: StaticString = #filePath, line sourceLine: UInt = #line
    ) {
        XCTAssertEqual(styles(of: token, in: lines, line: line, occurrence: occurrence), style.union(.codeBlock),
                       "line \(line): \(token) \(message)", file: file, line: sourceLine)
    }
}
