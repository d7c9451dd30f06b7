import XCTest
@testable import BylineCore

/// Summaries are plain text, and `<!--more-->` ends them.
final class SummaryTextTests: XCTestCase {
    func testLinksAreReducedToTheirText() {
        XCTAssertEqual(SummaryText.clean("Ruby was [announced][gsoc-blog-post] and [noted][] and [seen](https://x.org/a)."),
                       "Ruby was announced and noted and seen.")
        XCTAssertEqual(SummaryText.clean("a[0][1] and [x] stay"), "a[0][1] and [x] stay", "brackets around no words are not links")
    }

    func testTemplateCodeAndPlaceholdersAreRemoved() {
        XCTAssertEqual(SummaryText.clean("Version {{ release.version }} is {% if x %}out{% endif %} \u{FFF9}[Chart]\u{FFFB} now."),
                       "Version is out now.")
        XCTAssertEqual(SummaryText.clean("An unclosed {{ stays"), "An unclosed {{ stays")
    }

    func testHostileSummaryTextStaysLinear() {
        let text = String(repeating: "{{ [a]( ", count: 100_000)
        XCTAssertFalse(SummaryText.clean(text).isEmpty)
        XCTAssertFalse(SummaryText.clean(String(repeating: "[a]", count: 100_000)).isEmpty)
    }

    func testMoreMarkers() {
        for marker in ["<!--more-->", "<!-- more -->", "<!--  more-->"] {
            let text = "First.\n" + marker + "\nLater."
            XCTAssertEqual(SummaryText.moreMarker(in: text), text.utf8.firstIndex(of: UInt8(ascii: "<")), marker)
        }
        XCTAssertNil(SummaryText.moreMarker(in: "<!-- moreover -->\n<b>x</b>"))
        XCTAssertEqual(SiteSyntax.prepare("a\n{/* more */}\n", mdx: true), "a\n<!--more-->\n")
    }

    func testInternalLinks() {
        let kinds: [(String, InternalLink.Kind?)] = [
            ("https://example.org/2024/01/01/x.html", nil), ("mailto:a@b.c", nil), ("//cdn.org/x", nil), ("#top", nil),
            ("/images/a.png", nil), ("posts/x.md", .post), ("../x.markdown#part", .post), ("@/blog/x.md", .post),
            ("2024-05-01-liquid-highlight", .post), ("/2024/04/09/slug.html", .post), ("/2024/04/09/slug/", .post),
            ("/blog/slug/", .sitePath), ("slug", .sitePath), ("/blog/x.html", .sitePath),
        ]
        for (target, kind) in kinds { XCTAssertEqual(InternalLink.kind(of: target), kind, target) }
        XCTAssertEqual(InternalLink.key(of: "/2024/04/09/Slug.html"), "slug")
        XCTAssertEqual(InternalLink.key(of: "_posts/2024-05-01-liquid-highlight.md"), "liquid-highlight")
        XCTAssertEqual(InternalLink.key(of: "@/blog/bundle/index.md#x"), "bundle")
        let post = Post(path: "content/posts/bundle/index.md", slug: "The-Bundle", title: "", date: nil, tags: [], summary: "", draft: false, fileSize: 0)
        XCTAssertEqual(InternalLink.keys(of: post), ["the-bundle", "bundle"])
    }
}
