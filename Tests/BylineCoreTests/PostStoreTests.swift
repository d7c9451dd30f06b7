import BylineTestSupport
import XCTest
@testable import BylineCore

/// Loading, ordering, tags and queries of the store, and every kind of bad input.
final class PostStoreTests: XCTestCase {
    func testTheShippedBlogInOrder() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        let titles = store.matches(PostQuery(requiredTags: ["backend"])).map { store.posts[$0].title }
        XCTAssertEqual(titles, try Fixtures.shippedTitles())
        XCTAssertEqual(titles.count, 14)
        XCTAssertEqual(store.tags.tag(named: "backend")?.count, 14)
        XCTAssertEqual(store.tags.tag(named: "go")?.count, 10)
        XCTAssertEqual(store.diagnostics, [], "the shipped blog is clean")
        for number in store.posts.indices {
            XCTAssertGreaterThanOrEqual(store.wordCount(of: number) ?? 0, 700, store.posts[number].title)
        }
    }

    func testQueriesAllAnyExcludeAndSearch() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        func slugs(_ query: PostQuery) -> [String] { store.matches(query).map { store.posts[$0].slug } }
        XCTAssertEqual(slugs(PostQuery(requiredTags: ["go", "concurrency"])), ["context-propagation-in-go", "worker-pools-in-go"])
        XCTAssertEqual(slugs(PostQuery(requiredTags: ["mysql", "career"], match: .any)),
                       ["migrating-mysql-without-downtime", "ten-things-i-learned-as-a-backend-engineer"])
        XCTAssertEqual(store.matches(PostQuery(requiredTags: ["backend"], excludedTags: ["go"])).count, 4)
        XCTAssertEqual(store.matches(PostQuery(excludedTags: ["Career"])).count, 13)
        XCTAssertEqual(slugs(PostQuery(search: "LATENCY")), ["reducing-latency-in-go-apis"], "search reads bodies, case-insensitively")
        XCTAssertEqual(slugs(PostQuery(requiredTags: ["go"], search: "token bucket")),
                       ["rate-limiting-in-go", "logging-and-observability-in-go"], "every word, anywhere in the post")
        XCTAssertEqual(slugs(PostQuery(requiredTags: ["go"], excludedTags: ["observability"], search: "token bucket")),
                       ["rate-limiting-in-go"])
        XCTAssertEqual(store.matches(PostQuery(requiredTags: ["no-such-tag"])), [])
        XCTAssertEqual(store.matches(PostQuery(search: "zzzqqq")), [])
    }

    func testTagsMeetCaseInsensitivelyInTheirMostCommonSpelling() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\ntags: [release, Machine Learning]\n---\n")
        try folder.write("b.md", "---\ntitle: B\ntags: [release, machine  learning]\n---\n")
        try folder.write("c.md", "---\ntitle: C\ntags: [Release, RELEASE]\n---\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(store.tags.tags.map(\.name), ["release", "Machine Learning"])
        XCTAssertEqual(store.tags.tags.map(\.count), [3, 2])
        XCTAssertEqual(try store.post("c").tags, ["release"], "one tag per post, in display spelling")
        XCTAssertEqual(store.matches(PostQuery(requiredTags: ["MACHINE LEARNING"])).count, 2)
    }

    func testOrderNewestFirstUndatedLastTiesByTitle() throws {
        let folder = try TempFolder()
        try folder.write("old.md", "---\ntitle: Old\ndate: 2020-01-01\n---\n")
        try folder.write("new.md", "---\ntitle: New\ndate: 2024-01-01T08:00:00+02:00\n---\n")
        try folder.write("newer.md", "---\ntitle: Newer\ndate: 2024-01-01T07:00:00Z\n---\n")
        try folder.write("b.md", "---\ntitle: Beta\n---\n")
        try folder.write("a.md", "---\ntitle: alpha\n---\n")
        XCTAssertEqual(try loadStore(folder.path).posts.map(\.title), ["Newer", "New", "Old", "alpha", "Beta"])
    }

    func testDraftsHiddenUnlessAsked() throws {
        let folder = try TempFolder()
        try folder.write("draft.md", "---\ntitle: D\ndraft: true\ntags: [secret]\n---\n")
        try folder.write("unpublished.md", "---\ntitle: U\npublished: false\n---\n")
        try folder.write("live.md", "---\ntitle: L\n---\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(store.posts.map(\.slug), ["live"])
        XCTAssertNil(store.tags.tag(named: "secret"), "a hidden draft's tags are not offered")
        XCTAssertEqual(try loadStore(folder.path, drafts: true).posts.count, 3)
    }

    func testMissingFolderIsAnError() {
        XCTAssertThrowsError(try loadStore("/no/such/folder/anywhere")) { error in
            XCTAssertEqual((error as? PostStore.OpenError)?.description, "/no/such/folder/anywhere: no such folder")
        }
    }

    func testBodiesLoadOnDemandAndWordCounts() throws {
        let folder = try TempFolder()
        try folder.write("p.md", "---\ntitle: P\n---\n\n## Heading\n\n- one two\n- three 四五\n\n```go\nx := 1\n```\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(try store.body(of: 0).get(), "\n## Heading\n\n- one two\n- three 四五\n\n```go\nx := 1\n```\n")
        XCTAssertEqual(store.wordCount(of: 0), 9, "Heading one two three 四 五 ```go x 1: bare markers (##, -, :=, ```) are not words")
    }

    func testSlugsAndPathsFindPosts() throws {
        let folder = try TempFolder()
        try folder.write("2024-04-09-dated-name.md", "---\ntitle: T\n---\n")
        try folder.write("sub/other.md", "---\ntitle: O\nslug: chosen\n---\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(store.number(of: "dated-name").map { store.posts[$0].path }, "2024-04-09-dated-name.md")
        XCTAssertEqual(store.number(of: "chosen").map { store.posts[$0].path }, "sub/other.md")
        XCTAssertEqual(store.number(of: "sub/other.md").map { store.posts[$0].slug }, "chosen")
        XCTAssertEqual(store.number(of: folder.path + "/sub/other.md").map { store.posts[$0].slug }, "chosen")
        XCTAssertEqual(store.number(of: "CHOSEN").map { store.posts[$0].slug }, "chosen")
        XCTAssertNil(store.number(of: "missing"))
    }

    func testDuplicateSlugsAreReported() throws {
        let folder = try TempFolder()
        try folder.write("a/post.md", "---\ntitle: A\n---\n")
        try folder.write("b/post.md", "---\ntitle: B\n---\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(store.diagnostics.map(\.description), ["b/post.md: warning: slug \"post\" is also used by a/post.md"])
    }
}

final class CancelledSearchTests: XCTestCase {
    func testASupersededSearchGivesUp() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        XCTAssertNil(store.matches(PostQuery(search: "latency"), cancelled: { true }))
        XCTAssertEqual(store.matches(PostQuery(search: "latency"), cancelled: { false })?.count, 1)
        XCTAssertEqual(store.matches(PostQuery(requiredTags: ["go"]), cancelled: { true })?.count, 10,
                       "without search words nothing is read, so there is nothing to cancel")
    }
}

final class SortKeyTests: XCTestCase {
    func testTheSortKeyAgreesWithNewestFirst() throws {
        let store = try loadStore(Fixtures.path("flat"))
        let jekyll = try loadStore(Fixtures.path("jekyll"), drafts: true)
        let posts = Array(store.posts) + Array(jekyll.posts)
        for a in posts {
            for b in posts where a.path != b.path {
                XCTAssertEqual(Post.SortKey(a) < Post.SortKey(b), Post.newestFirst(a, b), "\(a.path) vs \(b.path)")
            }
        }
    }
}
