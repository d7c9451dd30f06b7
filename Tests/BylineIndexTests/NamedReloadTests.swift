import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// A live reload of named files (`CachedBlog.patch(named:base:)`) gives the store a fresh load gives:
/// random edits, adds, removes and renames of a generated blog (bundles, dated folders, broken front
/// matter, drafts, clashing slugs, files that are no posts), each round patched and compared with a
/// plain load (posts, order, tags and counts, languages, problems, old names, search results through
/// the patched index). A start after the reloads makes the same store from the patched rows, and
/// after the snapshot is written, from it.
final class NamedReloadTests: CachedBlogTestCase {
    override var generatedPosts: Int { 140 }

    func testRandomEditsPatchedGiveTheStoreAFreshLoadGives() throws {
        try persist()
        let reader = cachedBlog()
        var store = try XCTUnwrap(reader.cachedStore())
        var base = try XCTUnwrap(reader.cachedFiles())
        try assertSameAnswers(store, try plainStore(), "before any change")
        var random = SplitMix(seed: 19)
        var added = 0
        var patchedRounds = 0
        for round in 0..<40 {
            var named: Set<String> = []
            for _ in 0..<(1 + random.next(4)) {
                named.formUnion(try change(&random, &added, base: base))
            }
            let patch = try XCTUnwrap(reader.patch(named: named, base: &base), "round \(round): \(named.sorted())")
            XCTAssertNil(patch.cacheProblem)
            if let patched = patch.store {
                store = patched
                patchedRounds += 1
            }
            try assertSameAnswers(store, try plainStore(), "round \(round): \(named.sorted())")
        }
        XCTAssertGreaterThan(patchedRounds, 30, "most rounds changed a post")

        // The next start: the snapshot is stale, the rows make the first screen, exactly.
        let next = cachedBlog()
        let fromRows = try XCTUnwrap(next.cachedStore())
        XCTAssertNotNil(next.unsnapshotted, "made from the rows")
        try assertSameAnswers(fromRows, try plainStore(), "a start after the reloads")
        // Written once the reader ends: the start after decodes the snapshot again.
        XCTAssertTrue(next.writeSnapshot())
        let last = cachedBlog()
        let fromSnapshot = try XCTUnwrap(last.cachedStore())
        XCTAssertNil(last.unsnapshotted, "the snapshot is current")
        try assertSameAnswers(fromSnapshot, try plainStore(), "a start after the snapshot was written")
        // And its scan finds nothing to read.
        XCTAssertFalse(try last.scan().changed)
    }

    func testWhatCannotBeDecidedAloneIsLeftToAWholeScan() throws {
        try persist()
        let reader = cachedBlog()
        _ = reader.cachedStore()
        var base = try XCTUnwrap(reader.cachedFiles())
        let bundle = try XCTUnwrap(base.files.keys.first { $0.hasPrefix("bundles/") && $0.hasSuffix("/index.md") })
        XCTAssertNil(reader.patch(named: [bundle], base: &base), "a bundle's index decides its folder's files")
        try blog.link("linked.md", to: blog.path + "/post-0.md")
        XCTAssertNil(reader.patch(named: ["linked.md"], base: &base), "the walk keeps one way to a file")
        // A file that is no post, a hidden one and one inside a bundle: decided (nothing changes).
        try blog.write("notes.txt", "not a post")
        try blog.write(".hidden.md", "---\ntitle: Hidden\n---\n")
        let resource = String(bundle.dropLast("index.md".count)) + "extra.md"
        try blog.write(resource, "---\ntitle: A resource of the bundle\n---\n")
        let patch = try XCTUnwrap(reader.patch(named: ["notes.txt", ".hidden.md", resource], base: &base))
        XCTAssertNil(patch.store, "no post changed")
    }

    /// One random change to the folder; returns the paths it touched (what the watch would name).
    private func change(_ random: inout SplitMix, _ added: inout Int, base: LoadedFiles) throws -> Set<String> {
        // Files other than bundles' index files (changing those leaves the reload to a whole scan).
        let existing = base.files.keys.filter { !$0.hasSuffix("/index.md") }.sorted()
        let path = existing[random.next(existing.count)]
        switch random.next(7) {
        case 0, 1:
            try blog.write(path, text(&random, number: random.next(1000)))
            return [path]
        case 2:
            XCTAssertEqual(unlink(blog.path + "/" + path), 0)
            return [path]
        case 3:
            added += 1
            let renamed = "renamed-\(added).md"
            XCTAssertEqual(rename(blog.path + "/" + path, blog.path + "/" + renamed), 0)
            return [path, renamed]
        default:
            added += 1
            let places = ["new-\(added).md", "2024/03/new-\(added).md", "_drafts-like/new-\(added).md", "new-\(added).txt",
                          ".new-\(added).md", "node_modules/new-\(added).md"]
            let place = places[random.next(places.count)]
            try blog.write(place, text(&random, number: 2000 + added))
            return [place]
        }
    }

    /// A post's text: front matter of several kinds (broken, none, drafts, a slug another post has,
    /// old names), and a body with words the searches look for.
    private func text(_ random: inout SplitMix, number: Int) -> String {
        let words = GeneratedBlog.vocabulary
        let title = (0..<(1 + random.next(3))).map { _ in words[random.next(words.count)] }.joined(separator: " ")
        let body = (0..<(3 + random.next(20))).map { _ in words[random.next(words.count)] }.joined(separator: " ")
        switch random.next(10) {
        case 0: return "---\ntitle: [unclosed\n---\nBroken \(body).\n"
        case 1: return "# \(title)\n\n\(body).\n"
        default:
            var text = "---\ntitle: \"\(title) \(number)\"\n"
            if random.next(3) > 0 { text += "date: 20\(10 + random.next(15))-0\(1 + random.next(9))-1\(random.next(10))\n" }
            let tags = (0..<random.next(4)).map { _ in GeneratedBlog.tags[random.next(GeneratedBlog.tags.count)] }
            if !tags.isEmpty { text += "tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]\n" }
            if random.next(8) == 0 { text += "draft: true\n" }
            if random.next(8) == 0 { text += "slug: post-\(random.next(50))\n" }
            if random.next(10) == 0 { text += "aliases: [\"/old/\(number)/\"]\n" }
            return text + "---\n\n\(body).\n"
        }
    }

    private func assertSameAnswers(_ patched: PostStore, _ plain: PostStore, _ context: String,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(patched.posts, plain.posts, "posts and their order, \(context)", file: file, line: line)
        XCTAssertEqual(patched.tags.tags.map(\.name), plain.tags.tags.map(\.name), "tags, \(context)", file: file, line: line)
        XCTAssertEqual(patched.tags.tags.map(\.count), plain.tags.tags.map(\.count), "tag counts, \(context)", file: file, line: line)
        XCTAssertEqual(patched.languages.tags.map(\.name), plain.languages.tags.map(\.name), "languages, \(context)", file: file, line: line)
        XCTAssertEqual(patched.diagnostics, plain.diagnostics, "problems, \(context)", file: file, line: line)
        XCTAssertEqual(patched.aliases, plain.aliases, "old names, \(context)", file: file, line: line)
        XCTAssertNotNil(patched.searchIndex, "searches through the patched index, \(context)", file: file, line: line)
        let tagName = plain.tags.tags.first?.name
        for search in ["lat", "go", "東京", "café", "q rust", "zz", "p9"] {
            for query in [PostQuery(search: search), PostQuery(requiredTags: tagName.map { [$0] } ?? [], search: search)] {
                XCTAssertEqual(patched.matches(query), plain.matches(query), "\(query), \(context)", file: file, line: line)
            }
        }
    }
}
