import BylineCore
import BylineMarkdown
import XCTest

/// Site-generator syntax in post bodies (`SiteSyntax`), as the reader shows it.
final class SiteSyntaxTests: XCTestCase {
    private func document(_ markdown: String, mdx: Bool = false) -> Document {
        MarkdownDocument.parse(SiteSyntax.prepare(markdown, mdx: mdx))
    }

    private func text(_ spans: [StyledSpan]) -> String { spans.map(\.text).joined() }

    /// The text of the spans drawn in `style`.
    private func text(_ spans: [StyledSpan], in style: TextStyle) -> String {
        spans.filter { $0.style.contains(style) }.map(\.text).joined()
    }

    func testJekyllHighlightIsCodeInItsLanguage() {
        let body = "Before.\n\n{% highlight ruby linenos %}\n# A comment\ndef foo(k: 1)\n  p k\nend\n{% endhighlight %}\n\nAfter.\n"
        let blocks = document(body).blocks
        XCTAssertEqual(blocks.count, 3)
        guard case let .code(language, lines) = blocks[1] else { return XCTFail("\(blocks[1])") }
        XCTAssertEqual(language, "ruby")
        XCTAssertEqual(lines.map(text), ["# A comment", "def foo(k: 1)", "  p k", "end"], "comments stay code, lines keep their breaks")
    }

    func testHighlightInAListItemStaysInTheItem() {
        let blocks = document("1. Install it:\n\n   {% highlight sh %}\n   # the gem\n   gem install x\n   {% endhighlight %}\n\n2. Run it.\n").blocks
        guard blocks.count == 1, case let .list(list) = blocks[0], list.items.count == 2,
              case let .code("sh", lines)? = list.items[0].blocks.last else { return XCTFail("\(blocks)") }
        XCTAssertEqual(lines.map(text), ["# the gem", "gem install x"])
    }

    func testHugoHighlightIsCodeInItsLanguage() {
        let blocks = document("{{< highlight go \"linenos=table\" >}}\n// main\nfunc main() {}\n{{< /highlight >}}\n").blocks
        guard case let .code(language, lines) = blocks.first else { return XCTFail("\(blocks)") }
        XCTAssertEqual(language, "go")
        XCTAssertEqual(lines.map(text), ["// main", "func main() {}"])
    }

    func testRawBlocksAreCodeAndRawTagsInFencesGo() {
        let blocks = document("{% raw %}\n# {{ page.title }}\n{% endraw %}\n\n```liquid\n{% raw %}{{ site.title }}{% endraw %}\n```\n").blocks
        XCTAssertEqual(blocks.count, 2)
        guard case let .code(nil, raw) = blocks[0], case let .code("liquid", fenced) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(raw.map(text), ["# {{ page.title }}"])
        XCTAssertEqual(fenced.map(text), ["{{ site.title }}"])
    }

    func testTemplateCodeInLinkTargetsBecomesAReadableTarget() {
        let body = """
            [a]({% post_url 2024-05-01-liquid-highlight %}) [b]({% link _posts/2024-05-01-x.md %})
            [c]({{ site.url }}{{ site.baseurl }}/blog/x.html) [d]({{< ref "posts/first" >}})
            [e]({{< relref "second.md" >}}) [f]({{< baseurl >}}/blog/view-types.html) [g]({{% ref "third" %}})
            [i]({{ '/contact/' | relative_url }})

            [h][def]

            [def]: {{ site.url }}/about/
            """
        let doc = document(body)
        XCTAssertEqual(doc.references, ["2024-05-01-liquid-highlight.md", "_posts/2024-05-01-x.md", "/blog/x.html", "posts/first.md",
                                        "second.md", "/blog/view-types.html", "third.md", "/contact/", "/about/"])
        guard case let .paragraph(spans) = doc.blocks[0] else { return XCTFail() }
        XCTAssertEqual(text(spans), "a[1] b[2] c[3] d[4] e[5] f[6] g[7] i[8]", "no loose brackets, no line split")
    }

    func testCommentsAreLeftOut() {
        let body = "Before.\n\n{% comment %}\n# Not a heading\n{% endcomment %}\n\n{{% comment %}}\nA note to self.\n{{% /comment %}}\n\nAfter.\n"
        let blocks = document(body).blocks
        XCTAssertEqual(blocks.map { block -> String in
            guard case let .paragraph(spans) = block else { return "\(block)" }
            return text(spans)
        }, ["Before.", "After."])
    }

    func testOtherTagsStayDimmedAndKeepTheirBlock() {
        let blocks = document("{% include note.html content=\"x\" %} and the paragraph goes on\nwith {{ site.title }}.\n").blocks
        XCTAssertEqual(blocks.count, 1)
        guard case let .paragraph(spans) = blocks[0] else { return XCTFail() }
        XCTAssertEqual(text(spans, in: .template), "{% include note.html content=\"x\" %}{{ site.title }}")
        XCTAssertEqual(text(spans), "{% include note.html content=\"x\" %} and the paragraph goes on with {{ site.title }}.")
    }

    func testHugoFigureIsAnImageAndEmbedsAreLinks() {
        let body = """
            {{< figure src="/img/a.png" alt="A [lighthouse]" caption="At dusk" >}}

            {{< youtube 0RKpf3rK57I >}} {{< youtube id="w7Ft2ymGmfc" >}} {{< vimeo 146022717 >}}
            {{< gist spf13 7896402 >}} {{< tweet user="SanDiegoZoo" id="1453110110599868418" >}} {{< tweet 877500564405444608 >}}
            """
        let doc = document(body)
        guard case let .paragraph(figure) = doc.blocks[0], case let .paragraph(embeds) = doc.blocks[1] else { return XCTFail() }
        XCTAssertEqual(text(figure), "[image: A [lighthouse]][1] At dusk")
        XCTAssertEqual(text(embeds), "YouTube video[2] YouTube video[3] Vimeo video[4] Gist spf13/7896402[5] Tweet by SanDiegoZoo[6] Tweet[7]")
        XCTAssertEqual(doc.references, ["/img/a.png", "https://www.youtube.com/watch?v=0RKpf3rK57I", "https://www.youtube.com/watch?v=w7Ft2ymGmfc",
                                        "https://vimeo.com/146022717", "https://gist.github.com/spf13/7896402",
                                        "https://twitter.com/SanDiegoZoo/status/1453110110599868418", "https://twitter.com/i/status/877500564405444608"])
    }

    func testHugoShortcodeShownAsWrittenByItsAuthor() {
        guard case let .paragraph(spans) = document("Write {{</* youtube ID */>}} here.\n").blocks.first else { return XCTFail() }
        XCTAssertEqual(text(spans), "Write {{< youtube ID >}} here.")
        XCTAssertEqual(text(spans, in: .template), "{{< youtube ID >}}")
    }

    func testZolaShortcodes() {
        let blocks = document("{{ youtube(id=\"dQw4w9WgXcQ\") }}\n\n{% quote(author=\"Alan Kay\") %}\nThe best way is to *invent* it.\n{% end %}\n").blocks
        XCTAssertEqual(blocks.count, 2)
        guard case let .paragraph(call) = blocks[0], case let .paragraph(quote) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(text(call, in: .template), "{{ youtube(id=\"dQw4w9WgXcQ\") }}")
        XCTAssertEqual(text(quote), "The best way is to invent it.", "the body shortcode's text is content")
        XCTAssertEqual(text(quote, in: .emphasis), "invent")
    }

    func testMDXImportsExportsCommentsAndComponents() {
        let body = """
            import Callout from '../components/Callout.astro';
            import {
              Chart,
            } from './charts';
            export const meta = {
              title: "x",
            };

            Charts {/* finally */} render.
            {/*
            A long comment.
            */}

            <Callout type="note" onClick={() => go(">")}>
            Keep **this**.
            </Callout>

            <Chart data={[1, 2]} />
            """
        let blocks = document(body, mdx: true).blocks
        XCTAssertEqual(blocks.map { block -> String in
            guard case let .paragraph(spans) = block else { return "\(block)" }
            return text(spans)
        }, ["Charts  render.", "[Callout] Keep this.", "[Chart]"])
        guard case let .paragraph(callout) = blocks[1], case let .paragraph(chart) = blocks[2] else { return XCTFail() }
        XCTAssertEqual(text(callout, in: .template), "[Callout]", "the placeholder is dimmed, its text children are not")
        XCTAssertEqual(text(callout, in: .strong), "this")
        XCTAssertEqual(text(chart, in: .template), "[Chart]")
        XCTAssertEqual(document("import x from 'y'\n\n<Chart />\n").blocks.count, 1, "outside MDX neither rule applies")
    }

    func testMDXRulesApplyToMDXAndAstroContent() {
        XCTAssertTrue(SiteSyntax.isMDX(path: "posts/a.mdx"))
        XCTAssertTrue(SiteSyntax.isMDX(path: "src/content/blog/a.md"))
        XCTAssertFalse(SiteSyntax.isMDX(path: "src/_posts/2024-01-01-a.md"), "a Jekyll site whose source is src/")
        XCTAssertFalse(SiteSyntax.isMDX(path: "content/posts/a.md"))
    }

    func testFencedCodeIsPassedOverAndLinesAreKept() {
        let body = "```\n{% highlight ruby %}\n{{< youtube x >}}\n```\n\n    {{< youtube x >}}\n\nText {{< youtube x >}}\n{% highlight c %}\nint x;\n{% endhighlight %}\n"
        let prepared = SiteSyntax.prepare(body, mdx: true)
        XCTAssertEqual(prepared.filter { $0 == "\n" }.count, body.filter { $0 == "\n" }.count, "each line stays one line")
        XCTAssertTrue(prepared.hasPrefix("```\n{% highlight ruby %}\n{{< youtube x >}}\n```\n\n    {{< youtube x >}}\n"), prepared)
        XCTAssertFalse(prepared.contains("Text {{<"))
    }

    func testABodyWithoutTemplateCodeIsReturnedAsItIs() {
        let bytes = Array("# Plain\n\nNo templates <b>here</b>.\n".utf8)[...]
        let prepared = SiteSyntax.prepare(bytes, mdx: false)
        XCTAssertEqual(prepared.bytes, bytes)
        XCTAssertTrue(prepared.unknownShortcodes.isEmpty)
    }

    func testUnknownShortcodesAreNotedByLine() {
        let prepared = SiteSyntax.prepare(Array("a\n{{< notice >}}\nb {{% /notice %}} {{< youtube x >}}\n{{ note(x=1) }}\n{% include a.html %}\n".utf8)[...], mdx: false)
        XCTAssertEqual(prepared.unknownShortcodes.map { "\($0.line) \($0.name)" }, ["2 notice", "4 note"])
    }

    func testHostileTemplatesStayLinear() {
        for opener in ["{%", "{{<", "{{%", "{{", "{/*", "<A ", "</"] {
            let line = "x " + String(repeating: opener + " x ", count: 100_000)
            XCTAssertEqual(SiteSyntax.prepare(line, mdx: true), line, opener)
        }
        XCTAssertEqual(SiteSyntax.prepare("{/* never closed\n" + String(repeating: "a\n", count: 100_000), mdx: true),
                       String(repeating: "\n", count: 100_001), "an MDX comment never closed is not content")
        let highlight = String(repeating: "{% highlight ruby %}\n", count: 50_000)
        XCTAssertEqual(SiteSyntax.prepare(highlight, mdx: false).utf8.filter { $0 == 0x0A }.count, 50_000)
        let imports = "export const x = {\n" + String(repeating: "{\n", count: 100_000)
        XCTAssertEqual(SiteSyntax.prepare(imports, mdx: true).filter { $0 != "\n" }, "", "an export never closed is not content")
    }
}

/// Summaries made from the body (`CmarkBodyInspector.firstParagraph`) as plain text.
final class SiteSummaryTests: XCTestCase {
    let inspector = CmarkBodyInspector()

    func testMoreEndsTheSummary() {
        XCTAssertEqual(inspector.firstParagraph(in: "One.\n\n## A heading\n\nTwo.\n<!--more-->\nThree.\n"), "One. Two.")
        XCTAssertEqual(inspector.firstParagraph(in: "One.\n\n<!-- more -->\n\nTwo.\n"), "One.")
        XCTAssertEqual(inspector.firstParagraph(in: SiteSyntax.prepare("One.\n\nTwo.\n{/* more */}\n\nThree.\n", mdx: true)), "One. Two.")
        XCTAssertEqual(inspector.firstParagraph(in: "One.\n\nTwo.\n"), "One.", "without the marker, the first paragraph")
    }

    func testSummaryLinksTemplatesAndHTMLArePlainText() {
        XCTAssertEqual(inspector.firstParagraph(in: "Ruby was [announced][gsoc-blog-post] with {{ release.version }} &amp; <em>more</em>.\n"),
                       "Ruby was announced with & more.", "the link's definition is past the part of the body read")
        XCTAssertEqual(inspector.firstParagraph(in: SiteSyntax.prepare("See [x]({{< ref \"a\" >}}) <Chart /> now.\n", mdx: true)), "See x now.")
    }
}
