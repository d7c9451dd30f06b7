import BylineCore
@testable import BylineMarkdown
import XCTest

/// `TemplateCode.withoutTemplates`, the span-by-span path for text with a `{` but no template, gives
/// exactly what the character-by-character pass gives, whenever it answers at all.
final class TemplateCodeFastPathTests: XCTestCase {
    func testSpanBySpanPathMatchesTheCharacterPass() {
        let texts = ["a", "{", "}", "\n", "x y", "{ a }", "%", "e\u{301}", "{\u{301}", "日本", "", "<b>", "a\nb", "{{", "%}", "\r\n"]
        let styles: [TextStyle] = [.plain, .strong, [.strong, .link]]
        var random = SeededRandom(seed: 0x7E3)
        var answered = 0
        for round in 0..<3000 {
            let content = (0..<random.int(in: 0...8)).map { _ in
                DocumentBuilder.Inline(span: StyledSpan(random.pick(texts), random.pick(styles), link: random.pick([nil, "u", "v"])),
                                       rawHTML: random.int(in: 0...5) == 0)
            }
            guard let fast = TemplateCode.withoutTemplates(content) else { continue }
            answered += 1
            XCTAssertEqual(fast, TemplateCode.characterPass(content), "round \(round): \(content.map(\.span.text))")
        }
        XCTAssertGreaterThan(answered, 500, "the fast path answers for most text without a template")
    }
}
