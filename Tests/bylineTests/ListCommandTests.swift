import Foundation
import XCTest

final class ListCommandTests: XCTestCase {
    /// The shipped blog's titles, newest first (Tests/Shared/shipped-blog-titles.txt).
    static let shippedTitles: [String] = {
        let file = URL(fileURLWithPath: BylineRunner.repository + "/Tests/Shared/shipped-blog-titles.txt")
        return ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }()

    /// The first line of each text block is the title.
    private func titles(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").compactMap { $0.split(separator: "\n").first.map(String.init) }
    }

    func testBackendTagListsTheShippedBlogNewestFirst() throws {
        let result = try BylineRunner.run(["list", "--tag", "backend", "posts"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Self.shippedTitles.count, 14)
        XCTAssertEqual(titles(result.stdout), Self.shippedTitles)
        XCTAssertEqual(result.stderr, "")
    }

    func testTextBlocksShowTitleSummaryTagsAndDate() throws {
        let result = try BylineRunner.run(["list", "--tag", "mysql", BylineRunner.shippedPosts])
        XCTAssertEqual(result.stdout, """
            Migrating 50GB+ MySQL Data Without Downtime
            A practical playbook for large-scale MySQL migrations using dual-write, shadow tables, and incremental cutover — with zero downtime.
            #databases #mysql #backend #infrastructure  ·  2026-03-03

            """)
    }

    func testJSONHasExactlyTheDocumentedKeys() throws {
        let result = try BylineRunner.run(["list", "--json", "--tag", "career"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.count, 1)
        let post = array[0]
        XCTAssertEqual(Set(post.keys), ["path", "slug", "title", "date", "tags", "authors", "summary", "draft", "language", "words"])
        XCTAssertEqual(post["path"] as? String, "ten-things-i-learned-as-a-backend-engineer.md")
        XCTAssertEqual(post["slug"] as? String, "ten-things-i-learned-as-a-backend-engineer")
        XCTAssertEqual(post["date"] as? String, "2026-02-10")
        XCTAssertEqual(post["tags"] as? [String], ["backend", "career", "engineering"])
        XCTAssertEqual(post["authors"] as? [String], [], "always there, empty when no author is named")
        XCTAssertEqual(post["draft"] as? Bool, false)
        XCTAssertGreaterThanOrEqual(post["words"] as? Int ?? 0, 700)
        XCTAssertTrue(result.stdout.hasPrefix("[\n  {\n    \"path\": "), "keys in the documented order")
    }

    /// `authors` as the front matter names them (issue 17).
    func testJSONAuthors() throws {
        let folder = try ScratchFolder()
        try folder.write("a.md", "---\ntitle: A\nauthor:\n  name: Grace Hopper\nauthors: [Ada Lovelace]\n---\nBody.\n")
        let result = try BylineRunner.run(["list", "--json", folder.path])
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.first?["authors"] as? [String], ["Ada Lovelace", "Grace Hopper"])
    }

    func testJSONDatesAndNullsAndEscapes() throws {
        let folder = try ScratchFolder()
        try folder.write("a.md", "---\ntitle: \"Quote \\\" and \\e escape\"\ndate: 2013-11-22 05:00:00 -0500\n---\n")
        try folder.write("b.md", "No front matter at all.\n")
        let result = try BylineRunner.run(["list", "--json", folder.path])
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.map { $0["date"] as? String }, ["2013-11-22T05:00:00-05:00", nil])
        XCTAssertTrue(array[1]["date"] is NSNull)
        XCTAssertEqual(array[0]["title"] as? String, "Quote \" and \u{1B} escape")
        XCTAssertFalse(result.stdout.contains("\u{1B}"), "JSON escapes ESC as \\u001b")
        XCTAssertEqual(array[1]["title"] as? String, "b")
        XCTAssertEqual(array[1]["summary"] as? String, "No front matter at all.")
    }

    func testSeveralTagsMeanAllUnlessAny() throws {
        let all = try BylineRunner.run(["list", "--tag", "go", "--tag", "concurrency"])
        XCTAssertEqual(titles(all.stdout), [Self.shippedTitles[7], Self.shippedTitles[8]])
        let any = try BylineRunner.run(["list", "--any", "--tag", "mysql", "--tag", "CAREER"])
        XCTAssertEqual(titles(any.stdout), [Self.shippedTitles[12], Self.shippedTitles[13]])
    }

    func testExcludeAndSearch() throws {
        let excluded = try BylineRunner.run(["list", "--tag", "backend", "--exclude-tag", "go", "--exclude-tag", "career"])
        XCTAssertEqual(titles(excluded.stdout), [Self.shippedTitles[0], Self.shippedTitles[1], Self.shippedTitles[12]])
        let search = try BylineRunner.run(["list", "--search", "latency"])
        XCTAssertEqual(titles(search.stdout), [Self.shippedTitles[9]])
        let nothing = try BylineRunner.run(["list", "--search", "no-such-word-anywhere"])
        XCTAssertEqual(nothing.status, 0)
        XCTAssertEqual(nothing.stdout, "")
    }

    func testDraftsOnlyWithTheFlag() throws {
        let folder = try ScratchFolder()
        try folder.write("live.md", "---\ntitle: Live\n---\n")
        try folder.write("draft.md", "---\ntitle: Draft\ndraft: true\n---\n")
        XCTAssertEqual(titles(try BylineRunner.run(["list", folder.path]).stdout), ["Live"])
        XCTAssertEqual(titles(try BylineRunner.run(["list", "--drafts", folder.path]).stdout), ["Draft [draft]", "Live"])
    }

    func testDefaultFolderIsPostsWhenThereElseHere() throws {
        let inRepository = try BylineRunner.run(["list", "--tag", "backend"])
        XCTAssertEqual(titles(inRepository.stdout).count, 14)
        let folder = try ScratchFolder()
        try folder.write("here.md", "---\ntitle: Here\n---\n")
        XCTAssertEqual(titles(try BylineRunner.run(["list"], in: folder.path).stdout), ["Here"])
    }

    func testProblemsArePointedOutOnStandardError() throws {
        let folder = try ScratchFolder()
        try folder.write("good.md", "---\ntitle: Good\n---\n")
        try folder.write("bad.md", "---\ntitle: [\n---\n")
        let result = try BylineRunner.run(["list", folder.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(titles(result.stdout), ["bad", "Good"].sorted { $0.lowercased() < $1.lowercased() })
        XCTAssertEqual(result.stderr, "byline: 1 file in \(folder.path) could not be read as posts; run `byline check \(folder.path)` to see why\n")
    }
}
