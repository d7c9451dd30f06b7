import BylineMarkdown
import Foundation
import BylineTestSupport
import XCTest
@testable import BylineCore

/// `PostStore.load` overlaps the walk with the loading, reads YAML from the file's bytes and takes other
/// shortcuts. Here it is held to the straightforward load it replaced (kept below as the reference):
/// the same posts in the same order, the same tags and spellings, the same diagnostics, the same files.
final class StoreLoadEquivalenceTests: XCTestCase {
    /// The load as it was: find and sort every candidate, load each in turn, then sort and index.
    private func referenceLoad(_ root: String, drafts: Bool, whole: Bool) throws -> (posts: [Post], diagnostics: [Diagnostic], tags: [TagIndex.Tag]) {
        let real = try XCTUnwrap(realPath(root))
        let found = PostFinder.find(root: real, includeDrafts: drafts)
        let loader = PostLoader(inspector: CmarkBodyInspector(), readWholeFiles: whole)
        var loaded: [Post] = []
        var diagnostics = found.diagnostics
        for candidate in found.candidates {
            let result = loader.load(candidate)
            diagnostics += result.diagnostics
            guard let post = result.post, drafts || !post.draft else { continue }
            loaded.append(post)
        }
        loaded.sort(by: Post.newestFirst)
        // Translations (posts of other languages) may share a slug.
        var paths: [[String?]: [String]] = [:]
        for post in loaded { paths[[post.slug, post.language], default: []].append(post.path) }
        for (key, clash) in paths where clash.count > 1 {
            let slug = key[0]!
            let sorted = clash.sorted()
            for path in sorted.dropFirst() {
                diagnostics.append(Diagnostic(file: path, severity: .warning, kind: .duplicateSlug, message: "slug \"\(slug)\" is also used by \(sorted[0])"))
            }
        }
        diagnostics.sort { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
        let index = TagIndex(posts: loaded)
        let posts = loaded.map { post in
            var post = post
            post.tags = post.tags.map(index.displayName)
            return post
        }
        return (posts, diagnostics, index.tags)
    }

    private func assertSameAsReference(_ root: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for (drafts, whole) in [(false, false), (true, false), (true, true)] {
            let store = try loadStore(root, drafts: drafts, whole: whole)
            let reference = try referenceLoad(root, drafts: drafts, whole: whole)
            XCTAssertEqual(Array(store.posts), reference.posts, "posts of \(root)", file: file, line: line)
            let tagBytes: ([Post]) -> [[[UInt8]]] = { posts in posts.map { post in post.tags.map { Array($0.utf8) } } }
            XCTAssertEqual(tagBytes(Array(store.posts)), tagBytes(reference.posts), "tag spellings byte for byte", file: file, line: line)
            XCTAssertEqual(store.diagnostics, reference.diagnostics, "diagnostics of \(root)", file: file, line: line)
            XCTAssertEqual(store.tags.tags, reference.tags, "tags of \(root)", file: file, line: line)
            for number in store.posts.indices {
                let real = try XCTUnwrap(realPath(root))
                XCTAssertEqual(store.body(of: number), PostLoader.body(at: real + "/" + store.posts[number].path), file: file, line: line)
            }
        }
    }

    func testFixtureBlogsAndTheShippedPosts() throws {
        for name in ["astro", "eleventy", "empty-blog", "flat", "hugo", "jekyll", "unicode-blog", "zola"] {
            try assertSameAsReference(Fixtures.path(name))
        }
        try assertSameAsReference(Fixtures.shippedPosts)
    }

    /// Many posts in nested folders, with clashing slugs, drafts, bad files and front matter past flat `key: value` lines.
    func testAGeneratedBlogWithEveryKindOfPost() throws {
        let folder = try TempFolder()
        var random: UInt64 = 6
        func next(_ bound: Int) -> Int {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return Int(random >> 33) % bound
        }
        let kinds = [
            "---\ntitle: \"Post %d\"\ndate: 2024-0%d-1%d\ntags: [Go, rust, go]\nsummary: \"S\"\n---\nBody\n",
            "---\ntitle: Post %d\ndate: 2023-01-0%d\ntags:\n  - Linux\n  - linux\ndraft: true\n---\n# H\n",
            "---\ntitle: &a Anchored %d\nslug: same\ndate: 2022-02-0%d %d:00\n---\nText\n",
            "---\ntitle: [broken %d\ndate: x%d%d\n---\n",
            "+++\ntitle = \"Toml %d\"\ndate = 2021-03-0%d\ntags = [\"Go\", \"x%d\"]\n+++\nBody\n",
            "No front matter %d %d %d\n\nFirst paragraph.\n",
            "---\ntitle: Same %d\ndate: 2024-05-0%d\nslug: same\ncategories: a%d, b\n---\n",
            "---\nTitle: Upper %d\nPubDate: 2020-01-0%d\nTags: [x%d]\n---\n",
        ]
        for index in 0..<300 {
            let kind = kinds[next(kinds.count)]
            let text = String(format: kind, index, 1 + next(9), next(9))
            let place = ["", "a/", "a/b/", "c/"][next(4)]
            try folder.write("\(place)post-\(index).md", text)
        }
        try folder.write("bad/nul.md", bytes: Array("---\ntitle: x\n---\n".utf8) + [0, 1])
        try folder.write("bad/latin1.md", bytes: Array("---\ntitle: caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        try assertSameAsReference(folder.path)
        let store = try loadStore(folder.path)
        XCTAssertTrue(store.diagnostics.contains { $0.message.contains("is also used by") }, "slug clashes are in the blog")
        XCTAssertTrue(store.diagnostics.contains { $0.message.hasPrefix("YAML front matter") }, "broken YAML is in the blog")
        XCTAssertTrue(store.diagnostics.contains { $0.message.contains("NUL") }, "a binary file is in the blog")
    }

    /// Results come back in the order the items were produced, every one once, however they were shared out.
    func testPipelinedMapKeepsTheProducersOrder() {
        for count in [0, 1, 63, 64, 65, 1000, 5000] {
            let results = PipelinedMap.map(batch: 7, state: { 0 }, transform: { (calls: inout Int, item: Int) -> Int in
                calls += 1
                return item * 2
            }, produce: { emit in
                for item in 0..<count { emit(item) }
            })
            XCTAssertEqual(results.flatMap { $0 }, (0..<count).map { $0 * 2 })
            XCTAssertTrue(results.allSatisfy { !$0.isEmpty && $0.count <= 7 })
        }
    }
}
