import BylineTestSupport
import XCTest
@testable import BylineCore

/// Issue 15 row 4: long lists and many keys in front matter, which took quadratic time.
/// Each test also holds that the good posts beside the hostile one are listed (`HostileBlogTestCase`).
final class LongFrontMatterTests: HostileBlogTestCase {

    /// Lists of tags read in linear time, in flat and nested front matter, and cut to the limit with a
    /// warning at the field's line.
    func testLongListsAreReadInLinearTimeAndCut() throws {
        let flow = (0..<40_000).map { "t\($0)" }.joined(separator: ", ")
        let quoted = (0..<80_000).map { "\"x\($0)\"" }.joined(separator: ", ")
        let block = (0..<90_000).map { "  - b\($0)" }.joined(separator: "\n")
        let posts = [
            "flow.md": "---\ntitle: Flow\ntags: [\(flow)]\n---\nBody.\n",
            "quoted.md": "---\ntitle: Quoted\ntags: [\(quoted)]\n---\nBody.\n",
            "block.md": "---\ntitle: Block\ntags:\n\(block)\n---\nBody.\n",
            // With a nested table (these once went to Yams rather than the flat reader).
            "yams-flow.md": "---\ntitle: Yams Flow\nextra:\n  x: 1\ntags: [\(flow)]\n---\nBody.\n",
            "yams-block.md": "---\ntitle: Yams Block\nextra:\n  x: 1\ntags:\n\(block)\n---\nBody.\n",
            "toml.md": "+++\ntitle = \"TOML\"\ntags = [\(quoted)]\n+++\nBody.\n",
        ]
        for (path, text) in posts { try folder.write(path, text) }
        let started = Monotonic.seconds()
        let store = try loadStore(folder.path)
        // Before: 40,000 tags took 48 s (debug), 90,000 block items and the 800 KB list over 60 s.
        XCTAssertLessThan(Monotonic.seconds() - started, 20)
        assertGoodStillListed(store)
        for path in posts.keys.sorted() {
            let post = try XCTUnwrap(store.posts.first { $0.path == path }, path)
            XCTAssertEqual(post.tags.count, PostMetadata.maximumTags, path)
            let warnings = store.diagnostics.filter { $0.file == path }
            XCTAssertEqual(warnings.count, 1, "\(warnings)")
            XCTAssertEqual(warnings.first?.severity, .warning)
            XCTAssertTrue(warnings.first?.message.contains("more than \(PostMetadata.maximumTags), the limit") == true, "\(warnings)")
            XCTAssertNotNil(warnings.first?.line, path)
        }
        XCTAssertEqual(try store.post("flow").tags.prefix(3), ["t0", "t1", "t2"], "the first tags are kept")
        XCTAssertEqual(store.diagnostics.first { $0.file == "flow.md" }?.line, 3)
        XCTAssertEqual(store.diagnostics.first { $0.file == "block.md" }?.line, 4, "the first item's line")
    }

    func testALongTagIsCutAtACharacterWithAWarning() throws {
        let marks = "e" + String(repeating: "\u{301}", count: 50_000)
        let cjk = String(repeating: "漢", count: 60)
        try folder.write("long.md", "---\ntitle: Long\ntags: [\"\(marks)\", \(cjk), short]\n---\nBody.\n")
        let store = try loadStore(folder.path)
        let tags = try store.post("long").tags
        XCTAssertEqual(tags.count, 3)
        XCTAssertTrue(tags.allSatisfy { $0.utf8.count <= PostMetadata.maximumTagBytes }, "\(tags.map(\.utf8.count))")
        XCTAssertEqual(tags[1], String(repeating: "漢", count: PostMetadata.maximumTagBytes / 3), "cut at a character")
        XCTAssertEqual(tags[2], "short")
        let warnings = store.diagnostics.filter { $0.file == "long.md" }
        XCTAssertEqual(warnings.map(\.severity), [.warning], "one warning for the post")
        XCTAssertEqual(warnings.first?.line, 3)
    }

    /// Many distinct keys: the flat reader's check for a repeated key is not quadratic.
    func testManyKeysAreReadInLinearTime() throws {
        let keys = (0..<60_000).map { "k\($0): v" }.joined(separator: "\n")
        try folder.write("keys.md", "---\ntitle: Keys\n\(keys)\n---\nBody.\n")
        let started = Monotonic.seconds()
        let store = try loadStore(folder.path)
        XCTAssertLessThan(Monotonic.seconds() - started, 20)
        XCTAssertEqual(try store.post("keys").title, "Keys")
    }
}
