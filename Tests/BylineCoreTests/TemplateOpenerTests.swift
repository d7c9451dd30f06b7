import XCTest
@testable import BylineCore

/// The site-syntax pass runs only on a body with `{{` or `{%` (or MDX): code is full of lone braces,
/// and such a body is handed on uncopied.
final class TemplateOpenerTests: XCTestCase {
    private func holds(_ text: String) -> Bool { SiteSyntax.holdsTemplateOpener(Array(text.utf8)[...]) }

    func testOnlyTheTwoOpenersCount() {
        XCTAssertFalse(holds("func f() { return }\nlet m = [\"a\": {}]\n{"))
        XCTAssertFalse(holds("{ {  { %"))
        XCTAssertTrue(holds("x {{ site.url }}"))
        XCTAssertTrue(holds("{% raw %}"))
        XCTAssertTrue(holds("a {{"), "an opener at the very end")
        XCTAssertTrue(holds("{ {%"), "after a lone brace")
        XCTAssertFalse(holds(""))
    }

    func testABodyWithoutATagIsHandedOnAsItIs() {
        let body = Array("```go\nfunc f() {\n\treturn\n}\n```\n".utf8)
        XCTAssertEqual(Array(SiteSyntax.prepare(body[...], mdx: false).bytes), body)
    }
}
