import BylineMarkdown
import BylineTestSupport
import Foundation
import Synchronization
import XCTest
@testable import BylineCore

/// Issue 20: a store written as a store file and mapped answers exactly what the loaded store answers,
/// on every fixture blog and on generated ones with every edge case; nothing per post is made at open.
final class MappedStoreTests: XCTestCase {
    /// Answers a search with fixed documents (some no post has), as a cache's index would.
    struct FixedIndex: PostSearchIndex {
        var documents: [Int64]
        func documents(matchingAll terms: [SearchTerm]) -> [Int64]? { documents }
    }

    /// Writes `store` (its posts' documents `documents`) as a store file and maps it back.
    static func roundTrip(_ store: PostStore, documents: [Int64?], in folder: TempFolder, generation: UInt64 = 7) throws -> PostStore {
        let path = folder.path + "/blog.store"
        try MappedStoreWriter.write(store, documentIDs: documents, generation: generation, to: path)
        return try MappedStore.open(path: path, root: store.root, generation: generation)
    }

    /// Every answer the reader and the commands ask of a store, the same from both.
    static func assertSameAnswers(_ mapped: PostStore, _ loaded: PostStore, documents: [Int64?], _ message: String,
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(mapped.posts.count, loaded.posts.count, message, file: file, line: line)
        XCTAssertEqual(Array(mapped.posts), Array(loaded.posts), message, file: file, line: line)
        XCTAssertEqual(mapped.posts, loaded.posts, message, file: file, line: line)
        XCTAssertEqual(mapped.root, loaded.root, message, file: file, line: line)
        XCTAssertEqual(mapped.realRoot, loaded.realRoot, message, file: file, line: line)
        XCTAssertEqual(mapped.layout, loaded.layout, message, file: file, line: line)
        XCTAssertEqual(mapped.diagnostics, loaded.diagnostics, message, file: file, line: line)
        XCTAssertEqual(mapped.aliases, loaded.aliases, message, file: file, line: line)
        XCTAssertEqual(mapped.tags.tags, loaded.tags.tags, message, file: file, line: line)
        XCTAssertEqual(mapped.tags.tags.map(\.count), loaded.tags.tags.map(\.count), message, file: file, line: line)
        XCTAssertEqual(mapped.tags.longestNameWidth, loaded.tags.longestNameWidth, message, file: file, line: line)
        XCTAssertEqual(mapped.languages.tags, loaded.languages.tags, message, file: file, line: line)
        XCTAssertEqual(mapped.posts.indices.map(mapped.absolutePath), loaded.posts.indices.map(loaded.absolutePath), message, file: file, line: line)
        XCTAssertEqual(mapped.allAbsolutePaths.map { $0 ?? "" }, loaded.posts.indices.map { loaded.absolutePaths.indices.contains($0) ? loaded.absolutePaths[$0] ?? "" : "" },
                       message, file: file, line: line)
        for tag in loaded.tags.tags {
            XCTAssertEqual(mapped.tags.tag(named: tag.name.uppercased())?.key, tag.key, message, file: file, line: line)
            XCTAssertEqual(mapped.tags.displayName(tag.key), loaded.tags.displayName(tag.key), message, file: file, line: line)
        }
        for number in loaded.posts.indices.prefix(60) {
            let post = loaded.posts[number]
            for name in [post.slug, post.path, post.slug.uppercased(), loaded.absolutePath(of: number)] + post.aliases {
                XCTAssertEqual(mapped.number(of: name), loaded.number(of: name), "\(message): \(name)", file: file, line: line)
                XCTAssertEqual(mapped.lookup(name, preferring: "en"), loaded.lookup(name, preferring: "en"), "\(message): \(name)", file: file, line: line)
            }
        }
        for alias in loaded.aliases.keys { XCTAssertEqual(mapped.number(ofSlug: alias), loaded.number(ofSlug: alias), message, file: file, line: line) }
        // Tag and language filters, alone and together.
        var queries = [PostQuery()]
        for tag in loaded.tags.tags.prefix(6) {
            queries.append(PostQuery(requiredTags: [tag.name]))
            queries.append(PostQuery(excludedTags: [tag.name]))
        }
        let names = loaded.tags.tags.prefix(3).map(\.name)
        queries.append(PostQuery(requiredTags: names, match: .any))
        queries.append(PostQuery(requiredTags: names, match: .all))
        for language in loaded.languages.tags { queries.append(PostQuery(languages: [language.name])) }
        for query in queries {
            XCTAssertEqual(mapped.tagMatches(query), loaded.tagMatches(query), "\(message): \(query)", file: file, line: line)
            XCTAssertEqual(mapped.matches(query), loaded.matches(query), "\(message): \(query)", file: file, line: line)
        }
        // Searching: the file's documents answer as the arrays made from the same documents do.
        let known = documents.compactMap { $0 }
        let index = FixedIndex(documents: known.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) + [-1, 1 << 40])
        let fromFile = mapped.searching(with: index)
        let fromArrays = loaded.searching(with: index, documentIDs: documents)
        XCTAssertEqual(fromFile.documentIDs, documents, message, file: file, line: line)
        XCTAssertEqual(fromFile.indexedPosts, fromArrays.indexedPosts, message, file: file, line: line)
        for search in ["a", "the post", "zzzznothing"] {
            XCTAssertEqual(fromFile.matches(PostQuery(search: search)), fromArrays.matches(PostQuery(search: search)), "\(message): \(search)",
                           file: file, line: line)
        }
        // What a live reload copies: the posts as one array, with the same paths and documents.
        let copied = fromFile.postsInOneArray()
        XCTAssertNotNil(copied.posts.array, message, file: file, line: line)
        XCTAssertEqual(copied.documentIDs, documents, message, file: file, line: line)
        XCTAssertEqual(copied.posts.indices.map(copied.absolutePath), loaded.posts.indices.map(loaded.absolutePath), message, file: file, line: line)
    }

    private static func documents(for store: PostStore) -> [Int64?] {
        store.posts.indices.map { $0 % 3 == 0 ? nil : Int64($0 * 2 + 1) }
    }

    func testEveryFixtureBlogAnswersAsLoaded() throws {
        let blogs = [Fixtures.shippedPosts] + ["hugo", "jekyll", "zola", "eleventy", "astro", "flat", "unicode-blog", "empty-blog"].map(Fixtures.path)
            .filter { FileManager.default.fileExists(atPath: $0) } + ["jekyll", "hugo", "zola", "astro", "html"].map(Fixtures.site)
        XCTAssertGreaterThan(blogs.count, 10)
        let folder = try TempFolder()
        for blog in blogs {
            for drafts in [false, true] {
                let store = try loadStore(blog, drafts: drafts)
                let documents = Self.documents(for: store)
                let mapped = try Self.roundTrip(store, documents: documents, in: folder)
                XCTAssertNotNil(mapped.posts.mapped, blog)
                Self.assertSameAnswers(mapped, store, documents: documents, "\(blog), drafts \(drafts)")
            }
        }
    }

    /// Generated blogs of several sizes with every edge case: none, drafts, undated posts, dates of every
    /// shape, many tags, unicode, languages, authors, redirect stubs and old names, files in odd places.
    func testGeneratedBlogsAnswerAsLoaded() throws {
        let folder = try TempFolder()
        for size in [0, 1, 63, 64, 65, 300] {
            let blog = try TempFolder()
            try Self.writeEdgeCaseBlog(size, into: blog)
            for drafts in [false, true] {
                let store = try loadStore(blog.path, drafts: drafts)
                if size == 300 {
                    // The edge cases are there to be kept.
                    XCTAssertGreaterThan(store.languages.tags.count, 2)
                    XCTAssertGreaterThan(store.tags.tags.count, 100)
                    XCTAssertFalse(store.aliases.isEmpty)
                    XCTAssertTrue(store.posts.contains { $0.date == nil })
                    XCTAssertTrue(store.posts.contains { $0.date?.time?.nanosecond == 123_456_789 })
                    XCTAssertTrue(store.posts.contains { !$0.authors.isEmpty })
                    XCTAssertEqual(store.posts.contains { $0.draft }, drafts)
                    XCTAssertTrue(store.diagnostics.contains { $0.kind == .redirectTarget })
                }
                let documents = Self.documents(for: store)
                let mapped = try Self.roundTrip(store, documents: documents, in: folder)
                Self.assertSameAnswers(mapped, store, documents: documents, "\(size) posts, drafts \(drafts)")
            }
        }
    }

    /// A store the loader would not make (a tag spelled as the tag list has no tag, a real path off the
    /// usual place) keeps what it holds.
    func testOddStoresKeepWhatTheyHold() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        var posts = Array(store.posts)
        let listed = try XCTUnwrap(store.tags.tags.first?.name)
        posts[0].tags = [listed.uppercased() + "-unlisted", listed]
        posts[1].authors = ["Ada", "Grace 東京"]
        posts[1].aliases = ["old-name"]
        let paths: [String?] = posts.indices.map { $0 == 2 ? "/elsewhere/file.md" : nil }
        let odd = PostStore(root: store.root, realRoot: store.realRoot, layout: store.layout, posts: PostList(posts), tags: store.tags,
                            languages: store.languages, diagnostics: store.diagnostics, aliases: ["old-name": 1], absolutePaths: paths)
        let mapped = try Self.roundTrip(odd, documents: Self.documents(for: odd), in: TempFolder())
        XCTAssertEqual(Array(mapped.posts), posts)
        XCTAssertEqual(mapped.absolutePath(of: 2), "/elsewhere/file.md")
        XCTAssertEqual(mapped.aliases, ["old-name": 1])
    }

    /// Opening makes no post and copies no tag's posts: the records and the sets are read where they lie.
    func testNothingIsMadePerPostAtOpen() throws {
        let blog = try TempFolder()
        try Self.writeEdgeCaseBlog(300, into: blog)
        let store = try loadStore(blog.path)
        let mapped = try Self.roundTrip(store, documents: Self.documents(for: store), in: TempFolder())
        XCTAssertNotNil(mapped.posts.mapped)
        XCTAssertNil(mapped.posts.array)
        XCTAssertTrue(mapped.tags.tags.allSatisfy(\.posts.isMapped))
        XCTAssertTrue(mapped.languages.tags.allSatisfy(\.posts.isMapped))
        XCTAssertTrue(mapped.holdsSamePosts(as: mapped))
        XCTAssertFalse(mapped.holdsSamePosts(as: store))
        // A set changed is copied first: the file is never written through.
        var set = try XCTUnwrap(mapped.tags.tags.first).posts
        let before = set
        set.insert(0)
        set.remove(1)
        XCTAssertFalse(set.isMapped)
        XCTAssertTrue(before.isMapped)
        XCTAssertEqual(try XCTUnwrap(mapped.tags.tags.first).posts, before)
        // Still readable once the file is gone: the mapping holds it.
        let again = try Self.roundTrip(store, documents: [], in: TempFolder())
        XCTAssertEqual(Array(again.posts), Array(store.posts))
    }

    /// The cached first screen: the mapped store shows the loaded store's frames, first and after keys.
    func testTheMappedStoreShowsTheLoadedStoresScreens() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        let mapped = try Self.roundTrip(store, documents: [], in: TempFolder())
        for (width, height) in [(80, 10), (120, 24), (60, 8)] {
            var fromFile = AppState(store: mapped, blogName: "blog", width: width, height: height)
            var fromFolder = AppState(store: store, blogName: "blog", width: width, height: height)
            AppFixture.settle(&fromFile, Reducer.reduce(&fromFile, .resize(width: width, height: height)))
            AppFixture.settle(&fromFolder, Reducer.reduce(&fromFolder, .resize(width: width, height: height)))
            XCTAssertEqual(AppView.render(fromFile), AppView.render(fromFolder), "\(width)x\(height)")
            AppFixture.send(&fromFile, .moveToLast)
            AppFixture.send(&fromFolder, .moveToLast)
            XCTAssertEqual(AppView.render(fromFile), AppView.render(fromFolder), "\(width)x\(height), last post")
        }
    }

    /// A writer replaces the file again and again (two stores in turn, written whole and renamed) while
    /// two readers open and read it: each reads the one store or the other whole, never a torn file, and
    /// a store stays readable after its file was replaced.
    func testReadersSeeTheOldOrTheNewStoreWholeWhileItIsReplaced() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.store"
        let first = try TempFolder(), second = try TempFolder()
        try Self.writeEdgeCaseBlog(150, into: first)
        try Self.writeEdgeCaseBlog(90, into: second)
        let stores = [try loadStore(first.path), try loadStore(second.path)]
        let expected = stores.map { Array($0.posts) }
        try MappedStoreWriter.write(stores[0], documentIDs: [], generation: 1, to: path)
        let kept = try MappedStore.open(path: path, root: stores[0].root, generation: 1)
        let done = Mutex(false)
        let failures = Mutex<[String]>([])
        let reads = Mutex(0)
        let finished = DispatchSemaphore(value: 0)
        let writer = Thread {
            defer { finished.signal() }
            for round in 0..<150 {
                do {
                    try MappedStoreWriter.write(stores[round % 2], documentIDs: [], generation: 1, to: path)
                } catch {
                    failures.withLock { $0.append("write \(round): \(error)") }
                }
            }
            done.withLock { $0 = true }
        }
        let readers = (0..<2).map { _ in
            Thread {
                defer { finished.signal() }
                while !done.withLock({ $0 }) {
                    do {
                        let store = try MappedStore.open(path: path, root: "/x", generation: 1)
                        let posts = Array(store.posts)
                        guard let which = expected.firstIndex(of: posts) else {
                            failures.withLock { $0.append("a store of \(posts.count) posts that was never written") }
                            continue
                        }
                        if store.tags.tags != stores[which].tags.tags { failures.withLock { $0.append("tags torn") } }
                        reads.withLock { $0 += 1 }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
        }
        for thread in [writer] + readers { thread.start() }
        for _ in 0..<3 { finished.wait() }
        XCTAssertEqual(failures.withLock { $0 }, [])
        XCTAssertGreaterThan(reads.withLock { $0 }, 0)
        XCTAssertEqual(Array(kept.posts), expected[0], "an old mapping stays whole after the renames")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.contains(".tmp-") })
    }

    /// Writes `count` posts with every edge case the store keeps.
    static func writeEdgeCaseBlog(_ count: Int, into folder: TempFolder) throws {
        let dates = ["2024-04-09", "2024-04-09T10:30:00", "2024-04-09T10:30:00Z", "2024-04-09T10:30:00.123456789-05:30",
                     "2024-02-29T23:59:60+14:00", "1999-12-31"]
        let languages = ["en", "pt-BR", "ja", "de"]
        for number in 0..<count {
            var front = "title: \"Post \(number) \(number % 5 == 0 ? "東京 🙂 café" : "plain")\"\n"
            if number % 4 != 0 { front += "date: \(dates[number % dates.count])\n" }
            // Many tags: one of 150 per post beside a few common ones in two spellings.
            front += "tags: [\"t\(number % 150)\", \"\(number % 2 == 0 ? "Go" : "go")\", \"日本\"]\n"
            if number % 9 == 0 { front += "draft: true\n" }
            if number % 3 == 0 { front += "lang: \(languages[number % languages.count])\n" }
            if number % 11 == 0 { front += "author: Writer \(number % 3)\n" }
            if number % 13 == 0 { front += "aliases: [\"/old/p\(number)/\"]\n" }
            let path = number % 7 == 3 ? "bundles/p\(number)/index.md" : "p\(number).md"
            try folder.write(path, "---\n\(front)---\nBody of post \(number), about the post.\n")
        }
        if count > 0 {
            // A redirect stub to the first post, one to nothing, and a file with broken front matter.
            try folder.write("stub.md", "---\nredirect_to: /p1/\n---\n")
            try folder.write("stray.md", "---\nredirect_to: /nowhere/\n---\n")
            try folder.write("broken.md", "---\ntitle: [unclosed\n---\nBroken.\n")
        }
    }
}
