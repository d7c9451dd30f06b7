import BylineCore
import BylineIndex
import Foundation
import XCTest

/// Issue 17's fields through the cache: authors (and their search), a post's old names, and redirect
/// stubs, which give no post but a name, as a cold build, a snapshot and a refresh give them.
final class RedirectCacheTests: CachedBlogTestCase {
    override var generatedPosts: Int { 40 }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try blog.write("target.md", "---\ntitle: Target\nauthors: [Ada Lovelace]\nredirect_from: /old-target/\n---\nText.\n")
        try blog.write("stub.md", "---\nredirect_to: /target/\n---\n")
        try blog.write("gone.md", "---\nredirect_to: /nowhere/\n---\n")
    }

    private func assertSame(_ cached: PostStore, _ plain: PostStore, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(cached.posts, plain.posts, file: file, line: line)
        XCTAssertEqual(cached.aliases, plain.aliases, file: file, line: line)
        XCTAssertEqual(cached.diagnostics, plain.diagnostics, file: file, line: line)
        XCTAssertEqual(cached.matches(PostQuery(search: "lovelace")), plain.matches(PostQuery(search: "lovelace")), file: file, line: line)
    }

    func testBuildSnapshotAndRefresh() throws {
        let plain = try plainStore()
        let target = try XCTUnwrap(plain.number(of: "target"))
        XCTAssertEqual(plain.aliases, ["old-target": target, "stub": target])
        XCTAssertEqual(plain.posts[target].authors, ["Ada Lovelace"])
        XCTAssertEqual(plain.matches(PostQuery(search: "lovelace")), [target])
        XCTAssertTrue(plain.diagnostics.contains { $0.file == "gone.md" })

        try persist()
        let snapshot = try XCTUnwrap(cachedBlog().cachedStore())
        XCTAssertNotNil(snapshot.searchIndex)
        assertSame(snapshot, plain)

        // A refresh assembles the store from the cached files (the stub among them) and the one read again.
        try blog.write("post-1.md", "---\ntitle: Changed\n---\nNew words.\n")
        let reader = cachedBlog()
        _ = reader.cachedStore()
        let scan = try reader.scan()
        assertSame(reader.store(from: scan), try plainStore())

        // A stub removed takes its name with it.
        try FileManager.default.removeItem(atPath: blog.path + "/stub.md")
        try persist()
        let after = try XCTUnwrap(cachedBlog().cachedStore())
        XCTAssertEqual(after.aliases, ["old-target": try XCTUnwrap(after.number(of: "target"))])
        assertSame(after, try plainStore())
    }
}
