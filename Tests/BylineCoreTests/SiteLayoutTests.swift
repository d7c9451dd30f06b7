import XCTest
@testable import BylineCore

/// Real blog folders as Hugo, Jekyll, Zola, Eleventy and Astro lay them out (see Fixtures/).
final class SiteLayoutTests: XCTestCase {
    func testHugoContentPageBundlesAndSectionPages() throws {
        let store = try loadStore(Fixtures.path("hugo"))
        XCTAssertEqual(store.layout, .hugoOrZola)
        XCTAssertEqual(store.paths, ["content/posts/first-post.md", "content/posts/bundle-post/index.md"])
        let first = try store.post("first-post")
        XCTAssertEqual(first.title, "First Hugo Post")
        XCTAssertEqual(first.date?.iso8601, "2024-04-09T10:30:00-05:00")
        XCTAssertEqual(first.tags, ["Go", "release", "Engineering"], "`Go` and `go` tie; the tie goes to the spelling that sorts first")
        XCTAssertEqual(first.summary, "A TOML front matter post with a datetime and an offset.")
        let bundle = try store.post("bundle-post")
        XCTAssertEqual(bundle.title, "A Page Bundle")
        XCTAssertEqual(bundle.summary, "A leaf bundle: this folder is one post.")
        XCTAssertEqual(store.tags.tag(named: "GO")?.count, 2)
    }

    func testJekyllPostsDatesFromNamesAndDrafts() throws {
        let store = try loadStore(Fixtures.path("jekyll"))
        XCTAssertEqual(store.layout, .jekyll)
        XCTAssertEqual(store.paths, ["_posts/2024-04-09-hello-jekyll.md", "_posts/2013-11-22-old-news.markdown"])
        let hello = try store.post("hello-jekyll")
        XCTAssertEqual(hello.date?.iso8601, "2024-04-09", "date from the file name")
        XCTAssertEqual(hello.tags, ["ruby", "static sites", "Release"])
        let old = try store.post("old-news")
        XCTAssertEqual(old.date?.iso8601, "2013-11-22T05:00:00Z")
        XCTAssertEqual(old.summary, "Jekyll calls its summary an excerpt.")
        XCTAssertEqual(store.tags.tag(named: "release")?.name, "Release")
        XCTAssertEqual(store.tags.tag(named: "RELEASE")?.count, 2, "`Release` and `release` are one tag")

        let withDrafts = try loadStore(Fixtures.path("jekyll"), drafts: true)
        let draft = try withDrafts.post("unfinished-thoughts")
        XCTAssertTrue(draft.draft)
        XCTAssertEqual(withDrafts.posts.last?.slug, "unfinished-thoughts", "undated posts come last")
    }

    func testZolaTaxonomiesExtraAndDraftBundles() throws {
        let store = try loadStore(Fixtures.path("zola"))
        XCTAssertEqual(store.paths, ["content/blog/zola-post.md"])
        let post = try store.post("zola-post")
        XCTAssertEqual(post.tags, ["rust", "Static Sites", "Tutorials"])
        XCTAssertEqual(post.summary, "Zola keeps tags under taxonomies and extras under extra.")
        XCTAssertEqual(post.date?.iso8601, "2024-04-09")

        let withDrafts = try loadStore(Fixtures.path("zola"), drafts: true)
        let bundle = try withDrafts.post("bundle")
        XCTAssertTrue(bundle.draft)
        XCTAssertEqual(bundle.date?.iso8601, "2022-12-01T08:00:00Z")
        XCTAssertEqual(withDrafts.posts.count, 2, "the bundle's notes.md is a resource, not a post")
    }

    func testEleventySkipsItsMachineryAndRepositoryDocuments() throws {
        let store = try loadStore(Fixtures.path("eleventy"))
        XCTAssertEqual(store.paths, ["posts/eleventy-post.md"])
        let post = try store.post("eleventy-post")
        XCTAssertEqual(post.date?.iso8601, "2024-04-09")
        XCTAssertEqual(post.tags, ["posts", "web dev"])
    }

    func testAstroContentCollectionsAndMDX() throws {
        let store = try loadStore(Fixtures.path("astro"))
        XCTAssertEqual(store.layout, .astro)
        XCTAssertEqual(store.paths, ["src/content/blog/first-astro-post.md", "src/content/blog/using-mdx.mdx"])
        XCTAssertEqual(try store.post("first-astro-post").date?.iso8601, "2022-07-08")
        XCTAssertEqual(try store.post("first-astro-post").summary, "Astro calls the summary a description.")
    }

    func testFlatFolderFrontMatterShapes() throws {
        let store = try loadStore(Fixtures.path("flat"))
        XCTAssertEqual(store.layout, .plain)
        XCTAssertFalse(store.paths.contains("README.md"))
        let heading = try store.post("no-front-matter")
        XCTAssertEqual(heading.title, "Title From The Heading")
        XCTAssertEqual(heading.summary, "Some words before the heading.")
        XCTAssertNil(heading.date)
        let setext = try store.post("setext-title")
        XCTAssertEqual(setext.title, "Setext Title")
        XCTAssertEqual(setext.summary, "A setext heading is a level-one heading too, and this link reads as its text.")
        XCTAssertEqual(try store.post("plain-note").title, "plain-note", "no heading: the file name")
        XCTAssertEqual(try store.post("number-tag").tags, ["47"])
        let single = try store.post("custom-slug")
        XCTAssertEqual(single.path, "single-tag.md")
        XCTAssertEqual(single.tags, ["Release", "News"], "`release` in categories is the same tag as `Release`")
        XCTAssertEqual(single.summary, "A folded summary over two lines.")
        XCTAssertEqual(try store.post("dated-by-folders").date?.iso8601, "2019-03-07")
        XCTAssertEqual(store.diagnostics, [])
    }

    /// The walk gathers only the names `detect` looks at (`decides`): every layout is detected from those
    /// alone as from every name of the folder.
    func testTheLayoutIsDetectedFromTheNamesThatDecideIt() {
        let noise = ["post-1.md", "notes", "README.md", "index.md", "contents", "src2", "_post", "config.toml.bak", "astro.md"]
        let folders: Set<String> = ["content", "_posts", "src", "notes", "contents", "src2", "_post"]
        let tops: [[String]] = [
            ["content", "hugo.toml"], ["content", "config.toml"], ["content", "config.yaml"], ["content", "hugo.json"],
            ["_posts"], ["_config.yml"], ["_config.yaml"], ["astro.config.mjs", "src"], ["astro.config.ts", "src"],
            ["content"], ["hugo.toml"], ["src"], ["astro.config.mjs"], [],
        ]
        for top in tops {
            let names = Set(top + noise)
            let all = SiteLayout.detect(names: names) { folders.contains($0) }
            XCTAssertEqual(SiteLayout.detect(names: names.filter(SiteLayout.decides)) { folders.contains($0) }, all, "\(top)")
            XCTAssertTrue(noise.allSatisfy { !SiteLayout.decides($0) })
        }
        XCTAssertEqual(SiteLayout.detect(names: ["content", "hugo.toml"]) { folders.contains($0) }, .hugoOrZola)
        XCTAssertEqual(SiteLayout.detect(names: ["astro.config.mjs", "src"]) { folders.contains($0) }, .astro)
    }
}
