import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// A live reload patches the store it replaces (`PostStore.patch`) rather than assembling one from every
/// file, and the patched store is the one a fresh load gives, member for member: random rounds of the
/// patch's own edge cases (many posts of one date, a date moving a post across the list, a tag's most
/// common spelling changing hands, slugs clashing and parting, posts turning into drafts and back, new
/// languages), most of them patched, the rest declined and assembled.
final class NamedReloadPatchTests: CachedBlogTestCase {
    override var generatedPosts: Int { 120 }

    func testRandomRoundsArePatchedAndGiveTheStoreAFreshLoadGives() throws {
        try persist()
        let reader = cachedBlog()
        _ = reader.cachedStore()
        var base = try XCTUnwrap(reader.cachedFiles())
        var random = SplitMix(seed: 1919)
        var added = 0
        var patchedRounds = 0, storeRounds = 0
        var previous: PostStore?
        for round in 0..<60 {
            var named: Set<String> = []
            for _ in 0..<(1 + random.next(3)) { named.formUnion(try change(&random, &added, base: base)) }
            let patch = try XCTUnwrap(reader.patch(named: named, base: &base), "round \(round): \(named.sorted())")
            guard let store = patch.store else { continue }
            storeRounds += 1
            if let renumbering = patch.renumbering, let previous {
                patchedRounds += 1
                XCTAssertEqual(renumbering.newNumbers.count, previous.posts.count)
                let kept = renumbering.newNumbers.indices.filter { !renumbering.reread.contains($0) }.map { renumbering.newNumbers[$0] }.filter { $0 >= 0 }
                XCTAssertEqual(kept, kept.sorted(), "posts not read again keep their order, round \(round)")
                for (old, new) in renumbering.newNumbers.enumerated() {
                    if new >= 0 {
                        XCTAssertEqual(store.posts[Int(new)].path, previous.posts[old].path, "each old post's new number, round \(round)")
                    } else {
                        XCTAssertNil(store.posts.firstIndex { $0.path == previous.posts[old].path }, "gone, round \(round)")
                    }
                }
            }
            previous = store
            try assertSameStore(store, try plainStore(), "round \(round): \(named.sorted())")
        }
        XCTAssertGreaterThan(storeRounds, 45)
        XCTAssertGreaterThan(patchedRounds, storeRounds / 2, "most rounds are patched, not assembled")
    }

    /// A post renamed keeps its place when its sort key does; one whose date changes moves; the
    /// renumbering says where each old post went (the reader's selection follows it).
    func testRenumberingFollowsMovedAndRemovedPosts() {
        // Old 0..<6; 2 and 4 removed; new posts end up at 0 and 3.
        let numbers = PostStore.renumbering(oldCount: 6, removed: [2, 4], inserted: [0, 3])
        XCTAssertEqual(numbers, [1, 2, -1, 4, -1, 5])
        XCTAssertEqual(PostStore.renumbering(oldCount: 3, removed: [], inserted: [3]), [0, 1, 2])
        XCTAssertEqual(PostStore.renumbering(oldCount: 2, removed: [0, 1], inserted: []), [-1, -1])
    }

    /// One random change; returns the paths it touched (what the watch would name).
    private func change(_ random: inout SplitMix, _ added: inout Int, base: LoadedFiles) throws -> Set<String> {
        let existing = base.files.keys.filter { !$0.hasSuffix("/index.md") }.sorted()
        let path = existing[random.next(existing.count)]
        switch random.next(8) {
        case 0, 1, 2:
            try blog.write(path, text(&random, number: random.next(1000)))
            return [path]
        case 3:
            XCTAssertEqual(unlink(blog.path + "/" + path), 0)
            return [path]
        case 4:
            added += 1
            let renamed = "moved-\(added).md"
            XCTAssertEqual(rename(blog.path + "/" + path, blog.path + "/" + renamed), 0)
            return [path, renamed]
        default:
            added += 1
            let place = ["fresh-\(added).md", "2023/11/fresh-\(added).md", "fresh-\(added).txt"][random.next(3)]
            try blog.write(place, text(&random, number: 3000 + added))
            return [place]
        }
    }

    /// Front matter aimed at the patch's edge cases.
    private func text(_ random: inout SplitMix, number: Int) -> String {
        let words = GeneratedBlog.vocabulary
        let title = (0..<(1 + random.next(3))).map { _ in words[random.next(words.count)] }.joined(separator: " ")
        var text = "---\ntitle: \"\(random.next(4) == 0 ? "Same title" : "\(title) \(number)")\"\n"
        switch random.next(4) {
        case 0: text += "date: 2020-02-02\n"  // many posts of one date: ordered by title, then path
        case 1: break  // undated: after every dated post
        default: text += "date: 20\(10 + random.next(15))-0\(1 + random.next(9))-1\(random.next(10))\n"
        }
        // Spellings that compete with the generated blog's ("Go"/"go", "backend"/"Backend"), and new tags.
        let spellings = ["GO", "go", "Go", "BACKEND", "backend", "Rust", "rust", "brand new", "Notes", "日本"]
        let tags = (0..<random.next(4)).map { _ in spellings[random.next(spellings.count)] }
        if !tags.isEmpty { text += "tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]\n" }
        if random.next(6) == 0 { text += "draft: true\n" }
        if random.next(6) == 0 { text += "slug: clash-\(random.next(3))\n" }
        if random.next(5) == 0 { text += "lang: \(["fr", "de", "en"][random.next(3)])\n" }
        return text + "---\n\n\(title) and \(words[random.next(words.count)]).\n"
    }

    private func assertSameStore(_ patched: PostStore, _ plain: PostStore, _ context: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        SameStoreAssertion.assertSameStore(patched, plain, context, searches: ["lat", "go", "東京", "café", "same title", "zz"], slugs: ["clash-0", "clash-1", "post-7"], file: file, line: line)
    }
}
