import BylineCore
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// The fixture sites of Tests/Fixtures/Sites, written from each generator's documentation, rendered at 80
/// columns as the reader shows them, and checked as `byline check` checks them.
final class SiteFixtureTests: XCTestCase {
    static let sites = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Sites")

    /// The posts of this topic (site syntax), by site.
    static let posts: [String: [String]] = [
        "jekyll": ["_posts/2024-05-01-liquid-highlight.md", "_posts/2024-05-02-liquid-links.md"],
        "hugo": ["content/posts/shortcodes-embeds.md", "content/posts/shortcodes-links.md"],
        "zola": ["content/blog/zola-shortcodes.md", "content/blog/zola-links.md"],
        "astro": ["src/content/blog/mdx-components.mdx"],
    ]

    static func store(_ site: String) throws -> PostStore {
        try PostStore.load(root: sites.appendingPathComponent(site).path, options: PostStore.Options(includeDrafts: true, readWholeFiles: true),
                           inspector: CmarkBodyInspector())
    }

    func testRenderGoldens() throws {
        for (site, paths) in Self.posts.sorted(by: { $0.key < $1.key }) {
            let store = try Self.store(site)
            let golden = Golden(folder: Self.sites.appendingPathComponent("Goldens/\(site)"))
            for path in paths {
                let number = try XCTUnwrap(store.posts.firstIndex { $0.path == path }, path)
                let loaded = LoadedPost(try store.limitedBody(of: number).get())
                let lines = DocumentLayout.lines(for: loaded.document, width: 80)
                let name = (path as NSString).lastPathComponent
                golden.assert(PlainText.render(lines), named: "\(name).w80.txt")
            }
        }
    }

    func testSummariesArePlainText() throws {
        let summaries = try Self.posts.keys.sorted().flatMap { site in
            try Self.store(site).posts.filter { Self.posts[site]!.contains($0.path) }.map { ($0.slug, $0.summary) }
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: summaries), [
            "liquid-highlight": "Ruby 3.4 was announced with & more: see the release notes for everything.",
            "liquid-links": "Read the last post first, or the same by path, or by permalink.",
            "shortcodes-embeds": "A video, a talk, a gist and a post, as links:",
            "shortcodes-links": "See the embeds and the same, relative; the view types page is on the site.",
            "zola-shortcodes": "A video shortcode stays as it was written, dimmed:",
            "zola-links": "Back to the shortcodes.",
            "mdx-components": "Charts are components now, and they render in the post.",
        ])
    }

    func testCheckWarnsAboutBrokenLinksBetweenPostsAndUnknownShortcodes() throws {
        let found = try Self.posts.keys.sorted().flatMap { try SiteCheck.diagnostics(Self.store($0)).map(\.description) }
        // The Astro post has none: its JSX elements and MDX comments are all shown as they should be.
        XCTAssertEqual(found, [
            "content/posts/shortcodes-links.md:18: warning: broken link between posts: `no-such-post.md` points at no post of this blog",
            "content/posts/shortcodes-embeds.md:18: warning: unknown shortcode `notice`: byline cannot show what it makes",
            "_posts/2024-05-02-liquid-links.md:10: warning: broken link between posts: `2019-01-01-gone.md` points at no post of this blog",
            "content/blog/zola-shortcodes.md:8: warning: unknown shortcode `youtube`: byline cannot show what it makes",
            "content/blog/zola-shortcodes.md:10: warning: unknown shortcode `quote`: byline cannot show what it makes",
            "content/blog/zola-shortcodes.md:14: warning: broken link between posts: `@/blog/lost.md` points at no post of this blog",
        ])
    }

    func testABrokenLinkInATableIsFoundAtItsLine() {
        let body = PostLoader.Body(bytes: Array("Intro.\n\n| a | b |\n|---|---|\n| x | [y](gone.md) [z](kept.md) |\n".utf8)[...], firstLine: 4)
        XCTAssertEqual(SiteCheck.diagnostics(body, file: "p.md", postNames: ["kept"]).map(\.description),
                       ["p.md:8: warning: broken link between posts: `gone.md` points at no post of this blog"])
    }
}
