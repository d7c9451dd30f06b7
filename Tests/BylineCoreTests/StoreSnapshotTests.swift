import BylineMarkdown
import BylineTestSupport
import XCTest
@testable import BylineCore

/// A store written as a snapshot and read back is the same store; bad bytes are refused, never trapped on.
final class StoreSnapshotTests: XCTestCase {
    private func assertSame(_ a: PostStore, _ b: PostStore, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.posts, b.posts, file: file, line: line)
        XCTAssertEqual(a.root, b.root, file: file, line: line)
        XCTAssertEqual(a.realRoot, b.realRoot, file: file, line: line)
        XCTAssertEqual(a.layout, b.layout, file: file, line: line)
        XCTAssertEqual(a.diagnostics, b.diagnostics, file: file, line: line)
        XCTAssertEqual(a.aliases, b.aliases, file: file, line: line)
        XCTAssertEqual(a.tags.tags, b.tags.tags, file: file, line: line)
        XCTAssertEqual(a.languages.tags, b.languages.tags, file: file, line: line)
        XCTAssertEqual(a.posts.indices.map(a.absolutePath), b.posts.indices.map(b.absolutePath), file: file, line: line)
        for tag in a.tags.tags { XCTAssertEqual(b.tags.tag(named: tag.name.uppercased())?.key, tag.key, file: file, line: line) }
    }

    func testEveryFixtureBlogRoundTrips() throws {
        let blogs = [Fixtures.shippedPosts] + ["hugo", "jekyll", "zola", "eleventy", "astro", "flat", "unicode-blog", "empty-blog"].map(Fixtures.path)
            .filter { FileManager.default.fileExists(atPath: $0) } + ["jekyll", "hugo", "zola"].map(Fixtures.site)
        XCTAssertGreaterThan(blogs.count, 3)
        for blog in blogs {
            for drafts in [false, true] {
                let store = try loadStore(blog, drafts: drafts)
                let documents: [Int64?] = store.posts.indices.map { $0 % 3 == 0 ? nil : Int64($0 * 2) }
                // Small chunks, so that posts span several.
                let encoded = StoreSnapshot.encode(store, documentIDs: documents, postsPerChunk: 3)
                XCTAssertEqual(encoded.chunks.count, (store.posts.count + 2) / 3)
                let decoded = try XCTUnwrap(StoreSnapshot.decode(encoded, root: store.root), blog)
                assertSame(decoded.store, store)
                XCTAssertEqual(decoded.documentIDs, documents)
            }
        }
    }

    func testDatesOfEveryShapeRoundTrip() throws {
        let folder = try TempFolder()
        let dates = ["2024-04-09", "2024-04-09T10:30:00", "2024-04-09T10:30:00Z", "2024-04-09T10:30:00.123456789-05:30",
                     "2024-02-29T23:59:60+14:00"]
        for (index, date) in dates.enumerated() {
            try folder.write("p\(index).md", "---\ntitle: P\(index)\ndate: \(date)\ntags: [Go, go, ml]\n---\nBody.\n")
        }
        try folder.write("undated.md", "# Undated\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(store.posts.compactMap(\.date).count, dates.count)
        assertSame(try XCTUnwrap(StoreSnapshot.decode(StoreSnapshot.encode(store), root: store.root)).store, store)
    }

    func testTagsAreWrittenAsTheirPlaceInTheTagListAndOtherSpellingsAsText() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        let listed = try XCTUnwrap(store.tags.tags.first?.name)
        // A post whose tags are in the list, and one with a spelling the list lacks (a store the loader
        // would not make, but the snapshot must not lose it).
        var posts = Array(store.posts)
        posts[0].tags = [listed]
        posts[1].tags = [listed.uppercased() + "-unlisted", listed]
        let odd = PostStore(root: store.root, realRoot: store.realRoot, layout: store.layout, posts: PostList(posts), tags: store.tags, languages: store.languages,
                            diagnostics: [], absolutePaths: posts.map { _ in nil })
        let encoded = StoreSnapshot.encode(odd)
        let decoded = try XCTUnwrap(StoreSnapshot.decode(encoded, root: store.root))
        XCTAssertEqual(decoded.store.posts.map(\.tags), posts.map(\.tags))
        // The listed tag costs a byte or two, not its spelling.
        let bytes = encoded.chunks.flatMap { $0 }
        XCTAssertEqual(bytes.count(of: Array((listed.uppercased() + "-unlisted").utf8)), 1)
        let inText = posts.map { [$0.path, $0.slug, $0.title, $0.summary].map { Array($0.utf8).count(of: Array(listed.utf8)) }.reduce(0, +) }
        XCTAssertEqual(bytes.count(of: Array(listed.utf8)), inText.reduce(0, +), "no tag is written as its spelling")
    }

    func testBadBytesAreRefused() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        let encoded = StoreSnapshot.encode(store, postsPerChunk: 5)
        let bytes = encoded.header + encoded.chunks.flatMap { $0 }
        XCTAssertNotNil(StoreSnapshot.decode(encoded, root: "x"))
        // Every truncation of the header or of a chunk is refused, and so is a missing chunk.
        for length in 0..<encoded.header.count {
            XCTAssertNil(StoreSnapshot.decode(.init(header: Array(encoded.header.prefix(length)), chunks: encoded.chunks), root: "x"))
        }
        for (index, chunk) in encoded.chunks.enumerated() {
            var shorter = encoded
            shorter.chunks[index] = Array(chunk.dropLast())
            XCTAssertNil(StoreSnapshot.decode(shorter, root: "x"), "chunk \(index) cut short")
            shorter.chunks.remove(at: index)
            XCTAssertNil(StoreSnapshot.decode(shorter, root: "x"), "chunk \(index) missing")
        }
        XCTAssertNil(StoreSnapshot.decode(.init(header: encoded.header + [0], chunks: encoded.chunks), root: "x"), "trailing byte")
        // Flipped bytes give nil or some store, never a trap.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var damaged = encoded
            for _ in 0..<3 {
                if Bool.random(using: &generator) {
                    damaged.header[Int.random(in: 0..<damaged.header.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                } else {
                    let chunk = Int.random(in: 0..<damaged.chunks.count, using: &generator)
                    damaged.chunks[chunk][Int.random(in: 0..<damaged.chunks[chunk].count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            _ = StoreSnapshot.decode(damaged, root: "x")
        }
        XCTAssertGreaterThan(bytes.count, 1000)
    }

    /// What a cached start relies on: the store decoded from its snapshot shows the loaded store's
    /// frames, first and after keys, at every size (the snapshot's chunks are small here, so the posts
    /// on a first screen span several).
    func testTheDecodedStoreShowsTheLoadedStoresScreens() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        let decoded = try XCTUnwrap(StoreSnapshot.decode(StoreSnapshot.encode(store, postsPerChunk: 3), root: store.root)).store
        for (width, height) in [(80, 10), (120, 24), (200, 60), (60, 8)] {
            var fromCache = AppState(store: decoded, blogName: "blog", width: width, height: height)
            var fromFolder = AppState(store: store, blogName: "blog", width: width, height: height)
            AppFixture.settle(&fromCache, Reducer.reduce(&fromCache, .resize(width: width, height: height)))
            AppFixture.settle(&fromFolder, Reducer.reduce(&fromFolder, .resize(width: width, height: height)))
            XCTAssertEqual(AppView.render(fromCache), AppView.render(fromFolder), "\(width)x\(height)")
            AppFixture.send(&fromCache, .moveToLast)
            AppFixture.send(&fromFolder, .moveToLast)
            XCTAssertEqual(fromCache.selected, store.posts.count - 1)
            XCTAssertEqual(AppView.render(fromCache), AppView.render(fromFolder), "\(width)x\(height), last post")
        }
    }

    /// A cached start keeps the snapshot's records and makes a post only when it is asked for: decoding
    /// made every post's four strings and tag list before the first frame (500,000 allocations and
    /// 85 MB at 100,000 posts, 94 ms to the first screen).
    func testADecodedSnapshotKeepsItsRecordsAndMakesPostsWhenAsked() throws {
        let tags = (0..<10).map { "topic-\($0)" }
        let posts = (0..<5_000).map { number in
            Post(path: "posts/a-post-about-something-\(number).md", slug: "a-post-about-something-\(number)",
                 title: "A post about something, number \(number)", date: PostDate(year: 2020, month: 1 + number % 12, day: 1),
                 tags: [tags[number % 10], tags[(number / 10) % 10]],
                 summary: "What this post is about, told in a sentence or two so that the list can show it: \(number).",
                 draft: false, fileSize: 4000 + number)
        }
        let store = PostStore(root: "/blog", realRoot: "/blog", layout: .plain, posts: PostList(posts), tags: TagIndex(posts: posts), languages: TagIndex(languagesOf: posts),
                              diagnostics: [], absolutePaths: posts.map { _ in nil })
        let decoded = try XCTUnwrap(StoreSnapshot.decode(StoreSnapshot.encode(store), root: "/blog")).store
        XCTAssertEqual(storageKind(decoded.posts), "records")
        XCTAssertEqual(storageKind(store.posts), "posts")
        // The posts are made as asked for, the same as loaded; the store holds its own posts and no other's.
        XCTAssertEqual(decoded.posts, store.posts)
        XCTAssertEqual(decoded.posts[4_321], posts[4_321])
        XCTAssertEqual(decoded.posts.map(\.tags), posts.map(\.tags))
        XCTAssertTrue(decoded.holdsSamePosts(as: decoded))
        XCTAssertFalse(decoded.holdsSamePosts(as: store))
        XCTAssertFalse(store.holdsSamePosts(as: decoded))
    }

    /// Which form a post list keeps (its storage's case), seen from outside without an API for it.
    private func storageKind(_ posts: PostList) -> String? {
        Mirror(reflecting: posts).children.first { $0.label == "storage" }
            .flatMap { Mirror(reflecting: $0.value).children.first?.label }
    }
}

private extension Array where Element == UInt8 {
    /// How many times `needle` occurs in these bytes.
    func count(of needle: [UInt8]) -> Int {
        guard !needle.isEmpty, needle.count <= count else { return 0 }
        return (0...(count - needle.count)).filter { self[$0..<$0 + needle.count].elementsEqual(needle) }.count
    }
}
