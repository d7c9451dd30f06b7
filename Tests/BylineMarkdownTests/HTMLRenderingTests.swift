import BylineCore
import BylineMarkdown
import XCTest

/// Raw HTML in a post, element by element: what libxml2's tree becomes in the document.
final class HTMLRenderingTests: XCTestCase {
    private func blocks(_ markdown: String) -> [Block] { MarkdownDocument.parse(markdown).blocks }

    private func render(_ markdown: String, width: Int = 40) -> [String] {
        DocumentLayout.lines(for: MarkdownDocument.parse(markdown), width: width).map { line in
            var text = line.text
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    private func spans(_ markdown: String) -> [StyledSpan] {
        guard case let .paragraph(spans)? = blocks(markdown).first else { return [] }
        return spans
    }

    func testPreKeepsItsWhiteSpaceAndLanguage() {
        let html = "<pre><code class=\"language-ruby\">def foo\n  # a comment\n\n  p k\nend\n</code></pre>\n"
        guard case let .code(language, lines)? = blocks(html).first else { return XCTFail("\(blocks(html))") }
        XCTAssertEqual(language, "ruby")
        XCTAssertEqual(lines.map { $0.map(\.text).joined() }, ["def foo", "  # a comment", "", "  p k", "end"])
        guard case let .code(plain, _)? = blocks("<pre>\n  x</pre>\n").first else { return XCTFail() }
        XCTAssertNil(plain)
        XCTAssertEqual(render("<pre>\n  x</pre>\n"), ["    x"])
    }

    func testCodeOnLinesOfItsOwnIsACodeBlock() {
        guard case let .code(_, lines)? = blocks("<code>\nfunc a() {\n    b()\n}\n</code>\n").first else { return XCTFail() }
        XCTAssertEqual(lines.map { $0.map(\.text).joined() }, ["func a() {", "    b()", "}"])
        XCTAssertEqual(blocks("<p>an <code>inline\nspan</code></p>\n"), [.paragraph([StyledSpan("an "), StyledSpan("inline span", .code)])])
    }

    func testListsHaveBulletsAndNumbers() {
        XCTAssertEqual(render("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"), ["• one", "• two"])
        XCTAssertEqual(render("<ol start=\"3\"><li>three</li><li>four</li></ol>\n"), ["3. three", "4. four"])
        XCTAssertEqual(render("<ul><li>a<ul><li>b</li></ul></li></ul>\n"), ["• a", "  ◦ b"])
    }

    func testHeadingsAreHeadings() {
        XCTAssertEqual(blocks("<h3>Three</h3>\n"), [.heading(level: 3, [StyledSpan("Three")])])
        XCTAssertEqual(render("<h1>One</h1>\n<h2>Two</h2>\n"), ["One", "═══", "", "Two", "───"])
    }

    func testParagraphsAndDivsAreBlocks() {
        XCTAssertEqual(render("<div>first</div><p>second\n  line</p>\n"), ["first", "", "second line"])
    }

    func testLinksAreNumberedWithMarkdownLinks() {
        let document = MarkdownDocument.parse("[md](http://a)\n\n<p><a href=\"http://b?x=1&amp;y=2\">html</a> and <a href=\"http://a\">again</a></p>\n")
        XCTAssertEqual(document.references, ["http://a", "http://b?x=1&y=2"])
        guard case let .paragraph(spans) = document.blocks[1] else { return XCTFail() }
        XCTAssertTrue(spans.contains { $0.text == "html" && $0.style == .link && $0.link == "http://b?x=1&y=2" })
        XCTAssertEqual(spans.map(\.text).joined(), "html[2] and again[1]")
    }

    func testImagesShowAsMarkdownImagesDo() {
        let html = MarkdownDocument.parse("<p><img src=\"/a.png\" alt=\"A cat\"></p>\n")
        let markdown = MarkdownDocument.parse("![A cat](/a.png)\n")
        XCTAssertEqual(html, markdown)
    }

    func testTablesAreTables() {
        let html = "<table><thead><tr><th>Name</th><th>Value</th></tr></thead>\n<tbody><tr><td>a</td><td><b>1</b></td></tr></tbody></table>\n"
        guard case let .table(table)? = blocks(html).first else { return XCTFail("\(blocks(html))") }
        XCTAssertEqual(table.header, [[StyledSpan("Name")], [StyledSpan("Value")]])
        XCTAssertEqual(table.rows, [[[StyledSpan("a")], [StyledSpan("1", .strong)]]])
        // Without a head, the first row is the head.
        guard case let .table(headless)? = blocks("<table><tr><td>x</td></tr><tr><td>y</td></tr></table>\n").first else { return XCTFail() }
        XCTAssertEqual(headless.header, [[StyledSpan("x")]])
        XCTAssertEqual(headless.rows, [[[StyledSpan("y")]]])
    }

    func testBlockquotesQuote() {
        XCTAssertEqual(blocks("<blockquote><p>said</p></blockquote>\n"), [.quote([.paragraph([StyledSpan("said")])])])
    }

    func testBreaksBreakLines() {
        XCTAssertEqual(render("<p>a<br>b</p>\n"), ["a", "b"])
        XCTAssertEqual(render("x <em>y</em><br/>z\n"), ["x y", "z"])
    }

    func testInlineElementsStyle() {
        let result = spans("<p><em>e</em> <i>i</i> <strong>s</strong> <b>b</b> <code>c</code> <kbd>k</kbd> <del>d</del> <s>x</s></p>\n")
        let styles = Dictionary(result.filter { $0.text != " " }.map { ($0.text, $0.style) }) { first, _ in first }
        XCTAssertEqual(styles, ["e": .emphasis, "i": .emphasis, "s": .strong, "b": .strong, "c": .code, "k": .code,
                                "d": .strikethrough, "x": .strikethrough])
    }

    func testScriptsStylesAndCommentsAreDropped() {
        XCTAssertEqual(render("<div><script>alert(1)</script><style>p{}</style><!-- note -->kept</div>\n"), ["kept"])
    }

    func testEntitiesAreDecoded() {
        XCTAssertEqual(render("<p>&amp; &lt;b&gt; &mdash; &#x263A; &eacute;</p>\n"), ["& <b> — ☺ é"])
    }

    func testInlineHTMLInMarkdownStylesTheTextBetweenItsTags() {
        let result = spans("a <em>b</em> c <a href=\"x\">y</a> <strong>unclosed\n")
        XCTAssertTrue(result.contains { $0.text == "b" && $0.style == .emphasis })
        XCTAssertTrue(result.contains { $0.text == " c " && $0.style == .plain })
        XCTAssertTrue(result.contains { $0.text == "y" && $0.style == .link && $0.link == "x" })
        XCTAssertTrue(result.contains { $0.text == "unclosed" && $0.style == .strong })
        XCTAssertEqual(result.map(\.text).joined(), "a b c y[1] unclosed")
        // An unclosed tag ends with its paragraph.
        XCTAssertEqual(blocks("<b>bold\n\nplain\n").last, .paragraph([StyledSpan("plain")]))
    }

    func testBlankLinesInsideAnElementDoNotSplitIt() {
        XCTAssertEqual(render("<ul>\n<li>one</li>\n\n<li>two</li>\n</ul>\n"), ["• one", "• two"])
    }

    func testTemplateCodeInHTMLStaysDimmed() {
        guard case let .paragraph(spans)? = blocks("<div>\n{% include note.html %} text\n</div>\n").first else { return XCTFail() }
        XCTAssertTrue(spans.contains { $0.text == "{% include note.html %}" && $0.style == .template })
    }
}
