@testable import BylineCore
import XCTest

/// The list's shortcut for one-line text gives exactly what `SafeText.lineSpans` gives, and the tag
/// counts' unchecked loop agrees with counting the intersection.
final class OneLineTests: XCTestCase {
    func testTheShortcutAgreesWithSafeText() {
        let samples = ["", "Plain title", "日本語のタイトル", "🎉 party", "e\u{301}", "tab\there", "new\nline", "crlf\r\nend", "cr\ronly",
                       "esc\u{1B}[31m", "del\u{7F}", "c1\u{9B}x", "bidi\u{202E}evil", "isolate\u{2066}x", "nel\u{85}", "a\u{200D}b",
                       String(repeating: "long words ", count: 40), "\u{A0}nbsp", "ends with newline\n"]
        for text in samples {
            for style in [TextStyle.title, .meta, [.tag, .meta]] {
                XCTAssertEqual(OneLine.spans(text, style), SafeText.lineSpans(text, style), "\(text.unicodeScalars.map { $0.value })")
            }
        }
    }

    func testIntersectionCountAgreesWithTheIntersection() {
        var generator = SystemRandomNumberGenerator()
        for capacity in [0, 1, 63, 64, 65, 1_000, 100_000] {
            let a = PostSet(capacity: capacity, members: (0..<(capacity / 3)).map { _ in Int.random(in: 0..<capacity, using: &generator) })
            let b = PostSet(capacity: capacity, members: (0..<(capacity / 2)).map { _ in Int.random(in: 0..<capacity, using: &generator) })
            XCTAssertEqual(a.intersectionCount(b), a.intersection(b).count, "capacity \(capacity)")
            XCTAssertEqual(a.intersectionCount(b), Set(a).intersection(Set(b)).count)
        }
    }
}
