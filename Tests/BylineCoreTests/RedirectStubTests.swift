import BylineTestSupport
import XCTest
@testable import BylineCore

/// Redirect stubs (front matter with `redirect_to:` or only `aliases`, and no body) are not posts: their
/// names open the post they point to, as do the old URLs a post lists (`redirect_from`, `aliases`).
/// Before issue 17 a stub was listed as a post titled by its file name, "1 min read".
final class RedirectStubTests: XCTestCase {
    func testJekyllStubsAreNotPostsAndOpenTheirTarget() throws {
        let store = try loadStore(Fixtures.site("jekyll"))
        // The site holds other helpers' posts too: only this test's files are looked at.
        let stubs = ["_posts/2020-01-01-moved-post.md", "_posts/2020-02-02-gone-elsewhere.md"]
        XCTAssertEqual(store.paths.filter { stubs.contains($0) || $0.hasSuffix("redirect-target.md") || $0.hasSuffix("duplicate-title.md") },
                       ["_posts/2024-05-03-redirect-target.md", "_posts/2024-05-02-duplicate-title.md"], "neither stub is listed")
        XCTAssertNil(store.tags.tag(named: "moved"), "a stub's tags are not counted")
        let target = try XCTUnwrap(store.number(of: "redirect-target"))
        for name in ["moved-post", "Moved-Post", "first-name", "second-name", "/old/second-name/",
                     "https://example.org/2019/01/01/first-name.html"] {
            XCTAssertEqual(store.number(of: name), target, name)
        }
        XCTAssertNil(store.number(of: "gone-elsewhere"), "a stub to another site opens nothing")
        let stubFile = "_posts/2020-02-02-gone-elsewhere.md"
        XCTAssertEqual(store.diagnostics.filter { $0.file == stubFile }.map(\.description),
                       ["\(stubFile):3: warning: redirect stub to \"https://elsewhere.example.com/some-page/\", which is no post of this blog; not listed"])
        XCTAssertEqual(store.diagnostics.filter { $0.file == stubFile }.map(\.kind), [.redirectTarget])
        XCTAssertFalse(store.diagnostics.contains { $0.file.hasSuffix("moved-post.md") }, "a stub that lands is no problem")
    }

    func testHugoAliasesAndAPageWithOnlyAliases() throws {
        let store = try loadStore(Fixtures.site("hugo"))
        // The site holds other helpers' posts too: only this test's files are looked at.
        let mine = ["content/posts/by-line.md", "content/posts/authors-and-aliases.md", "content/posts/aliases-only.md"]
        XCTAssertEqual(store.paths.filter { mine.contains($0) }, ["content/posts/by-line.md", "content/posts/authors-and-aliases.md"])
        let target = try XCTUnwrap(store.number(of: "authors-and-aliases"))
        XCTAssertEqual(store.number(of: "aliases-url"), target)
        XCTAssertEqual(store.number(of: "/2018/06/renamed-post/"), target)
        XCTAssertEqual(store.diagnostics.map(\.description), [
            "content/posts/aliases-only.md:2: warning: redirect stub with old URLs (`aliases`, `redirect_from`) but no title, body or target; not listed",
        ])
    }

    /// A post with a body and a redirect key is still a post; a stub's names survive the cache's store file.
    func testABodyMakesAPostAndTheNamesSurviveTheStoreFile() throws {
        let folder = try TempFolder()
        try folder.write("kept.md", "---\nredirect_to: /elsewhere/\n---\nA body.\n")
        try folder.write("target.md", "---\ntitle: Target\nredirect_from: /old-target/\n---\nText.\n")
        try folder.write("stub.md", "---\nredirect_to: target\n---\n\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(Set(store.paths), ["kept.md", "target.md"])
        XCTAssertEqual(store.aliases, ["old-target": store.number(of: "target")!, "stub": store.number(of: "target")!])
        let mapped = try MappedStoreTests.roundTrip(store, documents: store.posts.map { _ in nil }, in: folder)
        XCTAssertTrue(mapped.posts.isMapped)
        XCTAssertEqual(mapped.aliases, store.aliases)
        XCTAssertEqual(mapped.number(of: "stub"), store.number(of: "target"))
    }

    /// `check` (which reads whole files) warns of empty and undated posts; a stub, empty and often undated,
    /// is neither.
    func testAStubIsNoEmptyOrUndatedPost() throws {
        let folder = try TempFolder()
        try folder.write("target.md", "---\ntitle: Target\ndate: 2024-01-01\n---\nText.\n")
        try folder.write("stub.md", "---\nredirect_to: target\n---\n\n")
        try folder.write("empty.md", "---\ntitle: Empty\ndate: 2024-01-02\n---\n\n")
        let store = try loadStore(folder.path, whole: true)
        XCTAssertEqual(store.diagnostics.map(\.description), ["empty.md: warning: nothing after the front matter: the post is empty"])
        XCTAssertEqual(store.number(of: "stub"), store.number(of: "target"))
    }

    /// `ssh blog@host post:OLD-NAME` opens the post the old name now points to.
    func testADeepLinkToAnOldNameOpensTheTarget() throws {
        var state = try AppFixture.state(Fixtures.site("jekyll"))
        AppFixture.send(&state, .openDeepLink(.post("moved-post")))
        XCTAssertEqual(state.mode, .reading(Reader(post: AppFixture.number(state, "redirect-target"))))
    }

    func testSlugsOfOldURLs() {
        XCTAssertEqual(RedirectStub.slug(of: "/blog/2024/05/01/new-post.html?x=1#top"), "new-post")
        XCTAssertEqual(RedirectStub.slug(of: "https://example.org/2024/05/01/new-post/"), "new-post")
        XCTAssertEqual(RedirectStub.slug(of: "/2024/05/01/New-Post/index.html"), "new-post")
        XCTAssertEqual(RedirectStub.slug(of: "2024-05-01-new-post.md"), "new-post")
        XCTAssertNil(RedirectStub.slug(of: "/"))
    }
}
