import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// The first live reload after a start from the cache (`CachedBlog.cachedBase`) patches the store the
/// reader started with (decoded from the snapshot, or made from the rows) instead of decoding every
/// row and assembling it whole: it is patched (a renumbering), gives the store a fresh load gives, and
/// leaves the cache as the next start needs it (from the rows, and from the snapshot once written).
final class NamedReloadFromStartTests: CachedBlogTestCase {
    override var generatedPosts: Int { 120 }

    func testTheFirstReloadAfterACachedStartIsPatched() throws {
        try persist()
        var random = SplitMix(seed: 2019)
        var added = 0
        for round in 0..<11 {
            // Every other round the reader before wrote the snapshot as it ended (its patched store): the
            // start decodes it; else the rows make it.
            let fromSnapshot = round % 2 == 0
            let reader = cachedBlog()
            let started = try XCTUnwrap(reader.cachedStore())
            XCTAssertEqual(reader.unsnapshotted == nil, fromSnapshot, "round \(round): started from the \(fromSnapshot ? "snapshot" : "rows")")
            try assertSameStore(started, try plainStore(), "round \(round): the start")
            var base = try XCTUnwrap(reader.cachedBase())
            XCTAssertTrue(base.files.isEmpty, "round \(round): no row decoded before a reload names one")
            let named = try change(&random, &added, in: started, round: round)
            let patch = try XCTUnwrap(reader.patch(named: named, base: &base), "round \(round): \(named.sorted())")
            XCTAssertNil(patch.cacheProblem)
            let store = try XCTUnwrap(patch.store, "round \(round): a post changed")
            let renumbering = try XCTUnwrap(patch.renumbering, "round \(round): patched, not assembled: \(named.sorted())")
            XCTAssertEqual(renumbering.newNumbers.count, started.posts.count)
            for (old, new) in renumbering.newNumbers.enumerated() where new >= 0 {
                XCTAssertEqual(store.posts[Int(new)].path, started.posts[old].path, "round \(round): where post \(old) went")
            }
            XCTAssertLessThanOrEqual(base.files.count, named.count, "round \(round): only the named files' rows decoded")
            try assertSameStore(store, try plainStore(), "round \(round): \(named.sorted())")
            // A second reload of the same session patches the base the first left.
            let again = try change(&random, &added, in: store, round: round)
            let second = try XCTUnwrap(reader.patch(named: again, base: &base), "round \(round): \(again.sorted())")
            XCTAssertNotNil(second.renumbering, "round \(round): the second reload patched too")
            try assertSameStore(try XCTUnwrap(second.store), try plainStore(), "round \(round), again: \(again.sorted())")
            if !fromSnapshot { XCTAssertTrue(reader.writeSnapshot(), "round \(round): the reader ends") }
        }
        // The next start: from the rows, then from the snapshot, each the store a fresh load gives.
        let next = cachedBlog()
        try assertSameStore(try XCTUnwrap(next.cachedStore()), try plainStore(), "a start from the rows")
        XCTAssertNotNil(next.unsnapshotted, "made from the rows")
        XCTAssertTrue(next.writeSnapshot())
        let last = cachedBlog()
        try assertSameStore(try XCTUnwrap(last.cachedStore()), try plainStore(), "a start from the snapshot")
        XCTAssertNil(last.unsnapshotted, "the snapshot is current")
        XCTAssertFalse(try last.scan().changed, "the rows are the folder")
    }

    /// A change a patch takes: a listed post rewritten (new date, title, competing tag spellings), one
    /// removed or a new one added; returns the paths touched.
    private func change(_ random: inout SplitMix, _ added: inout Int, in store: PostStore, round: Int) throws -> Set<String> {
        // Posts whose slug no other post has (a clash's warnings name other files: declined, and right so).
        let slugs = Dictionary(grouping: store.posts.map(\.slug), by: { $0 }).mapValues(\.count)
        let plain = store.posts.filter { slugs[$0.slug] == 1 && $0.aliases.isEmpty && !$0.path.hasSuffix("/index.md") }
            .map(\.path).filter { path in !store.diagnostics.contains { $0.file == path } }.sorted()
        let path = plain[random.next(plain.count)]
        let words = GeneratedBlog.vocabulary
        let spellings = ["GO", "go", "Go", "BACKEND", "backend", "Rust", "brand new", "日本"]
        func text(_ number: Int) -> String {
            let title = (0..<(1 + random.next(3))).map { _ in words[random.next(words.count)] }.joined(separator: " ")
            let tags = (0..<random.next(4)).map { _ in spellings[random.next(spellings.count)] }
            var text = "---\ntitle: \"\(title) \(number)\"\ndate: 20\(10 + random.next(15))-0\(1 + random.next(9))-1\(random.next(10))\n"
            if !tags.isEmpty { text += "tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]\n" }
            return text + "slug: from-start-\(number)\n---\n\n\(title) and \(words[random.next(words.count)]).\n"
        }
        added += 1
        try blog.write(path, text(5000 + added))
        switch random.next(3) {
        case 0:
            added += 1
            let fresh = "2022/0\(1 + random.next(9))/from-start-\(added).md"
            try blog.write(fresh, text(5000 + added))
            return [path, fresh]
        case 1:
            let others = plain.filter { $0 != path }
            let gone = others[random.next(others.count)]
            XCTAssertEqual(unlink(blog.path + "/" + gone), 0, "round \(round)")
            return [path, gone]
        default:
            return [path]
        }
    }

    private func assertSameStore(_ patched: PostStore, _ plain: PostStore, _ context: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        SameStoreAssertion.assertSameStore(patched, plain, context, searches: ["lat", "go", "東京", "café", "from", "zz"], file: file, line: line)
    }
}
