import BylineMarkdown
import BylineTestSupport
import XCTest
@testable import BylineCore

/// A store decoded only as far as its first screen (the head of a snapshot): every post counted, the
/// first posts as they are, the rest placeholders; its first frame is the whole store's, and the whole
/// store takes its place without changing what the reader sees or has done.
final class StoreHeadTests: XCTestCase {
    /// 90 posts over a few tags and a file with a problem (which still gives a post), so that a head of a
    /// few dozen leaves most of them out.
    private func blog() throws -> (folder: TempFolder, store: PostStore) {
        let folder = try TempFolder()
        for number in 0..<90 {
            let tags = [["go"], ["rust", "go"], ["ops"], ["web", "Go"], []][number % 5]
            try folder.write("post-\(number).md", """
                ---
                title: Post \(number)
                date: 2024-03-\(String(format: "%02d", number % 28 + 1))T\(String(format: "%02d", number % 24)):00:00Z
                tags: [\(tags.joined(separator: ", "))]
                summary: The summary of post \(number).
                ---
                # Post \(number)

                Body of post \(number), with a [link](https://example.com/\(number)).

                """)
        }
        try folder.write("broken.md", "---\ntitle: [unclosed\n---\nBody.\n")
        return (folder, try loadStore(folder.path))
    }

    private func head(of store: PostStore, posts limit: Int, postsPerChunk: Int = 7) throws -> PostStore {
        let encoded = StoreSnapshot.encode(store, postsPerChunk: postsPerChunk)
        var decoder = try XCTUnwrap(encoded.header.withUnsafeBufferPointer { StoreSnapshot.Decoder(header: $0, root: store.root) })
        for chunk in encoded.chunks where decoder.decoded < limit {
            XCTAssertTrue(chunk.withUnsafeBufferPointer { decoder.add(chunk: $0, upTo: limit) })
        }
        return decoder.head()
    }

    func testAHeadCountsEveryPostAndHoldsTheFirstOnes() throws {
        let (_, store) = try blog()
        XCTAssertEqual(store.posts.count, 91)
        XCTAssertFalse(store.diagnostics.isEmpty)
        // Inside a chunk and at a chunk's end.
        for limit in [1, 30, 35, 90] {
            let head = try head(of: store, posts: limit)
            XCTAssertEqual(head.firstPlaceholder, limit)
            XCTAssertEqual(head.posts.count, store.posts.count, "every post is counted")
            XCTAssertEqual(Array(head.posts.prefix(limit)), Array(store.posts.prefix(limit)))
            XCTAssertTrue(head.posts.dropFirst(limit).allSatisfy { $0 == Post.placeholder })
            XCTAssertEqual(head.posts.stored.count, limit, "placeholders are not stored")
            XCTAssertEqual(head.posts.indices.map(head.absolutePath), store.posts.indices.map { $0 < limit ? store.absolutePath(of: $0) : head.realRoot + "/" })
            XCTAssertEqual(head.tags.tags, store.tags.tags, "every tag with all its posts")
            XCTAssertEqual(head.diagnostics, store.diagnostics)
            XCTAssertEqual(head.matches(PostQuery(requiredTags: ["go"])), store.matches(PostQuery(requiredTags: ["go"])))
            XCTAssertNil(head.searchIndex)
            XCTAssertTrue(store.completes(head))
        }
    }

    func testOnlyTheWholeOfTheSameStoreCompletesAHead() throws {
        let (folder, store) = try blog()
        let head = try head(of: store, posts: 30)
        XCTAssertFalse(head.completes(head), "a head completes nothing")
        XCTAssertFalse(store.completes(store), "nor is a whole store completed")
        // A post changed inside the head, or one more post: another store.
        try folder.write("post-89.md", "---\ntitle: Changed\ndate: 2024-03-28T17:00:00Z\n---\nBody.\n")
        let changed = try loadStore(folder.path)
        XCTAssertNotEqual(Array(changed.posts.prefix(30)), Array(store.posts.prefix(30)))
        XCTAssertFalse(changed.completes(head))
        try folder.write("post-89.md", "---\ntitle: Post 89\ndate: 2024-03-02T17:00:00Z\ntags: [go]\nsummary: The summary of post 89.\n---\n# Post 89\n")
        try folder.write("post-90.md", "---\ntitle: Old\ndate: 2001-01-01\n---\nBody.\n")
        XCTAssertFalse(try loadStore(folder.path).completes(head))
        // A change past the head alone still completes it: the head's posts mean the same posts.
        let past = try self.head(of: changed, posts: 1)
        XCTAssertTrue(changed.completes(past))
    }

    /// The posts a reader decodes before its first screen make the first chunk, so that the bytes of no
    /// other post are read for them; every store decodes whole from any chunking.
    func testTheFirstScreensPostsAreAChunkOfTheirOwn() throws {
        let (_, store) = try blog()
        let encoded = StoreSnapshot.encode(store, postsPerChunk: 7, firstChunkPosts: 4)
        XCTAssertEqual(encoded.chunks.count, 1 + (91 - 4 + 6) / 7)
        var decoder = try XCTUnwrap(encoded.header.withUnsafeBufferPointer { StoreSnapshot.Decoder(header: $0, root: store.root) })
        XCTAssertTrue(encoded.chunks[0].withUnsafeBufferPointer { decoder.add(chunk: $0, upTo: 4) })
        XCTAssertEqual(decoder.decoded, 4, "the first chunk holds the head, all of it")
        XCTAssertTrue(encoded.chunks[1].withUnsafeBufferPointer { decoder.add(chunk: $0) }, "and ends where a head ends")
        XCTAssertEqual(StoreSnapshot.decode(encoded, root: store.root)?.store.posts, store.posts)
    }

    func testADecoderStoppedInsideAChunkGivesOnlyAHead() throws {
        let (_, store) = try blog()
        let encoded = StoreSnapshot.encode(store, postsPerChunk: 7)
        var decoder = try XCTUnwrap(encoded.header.withUnsafeBufferPointer { StoreSnapshot.Decoder(header: $0, root: store.root) })
        XCTAssertTrue(encoded.chunks[0].withUnsafeBufferPointer { decoder.add(chunk: $0, upTo: 3) })
        XCTAssertEqual(decoder.decoded, 3)
        XCTAssertNil(decoder.finish())
        XCTAssertFalse(encoded.chunks[1].withUnsafeBufferPointer { decoder.add(chunk: $0) }, "the rest of chunk 0 was never read")
        XCTAssertEqual(decoder.head().firstPlaceholder, 3)
        // A limit reached at the very end is the whole store.
        var whole = try XCTUnwrap(encoded.header.withUnsafeBufferPointer { StoreSnapshot.Decoder(header: $0, root: store.root) })
        for chunk in encoded.chunks { XCTAssertTrue(chunk.withUnsafeBufferPointer { whole.add(chunk: $0, upTo: 91) }) }
        XCTAssertEqual(try XCTUnwrap(whole.finish()).store.posts, store.posts)
    }

    /// What the reader relies on: a first frame from the head is the whole store's first frame, at
    /// every size it allows, and the whole store then takes its place keeping the selection, the
    /// parsed bodies and what was laid out.
    func testTheFirstFrameFromAHeadIsTheWholeStoresAndTheWholeStoreKeepsIt() throws {
        let (_, store) = try blog()
        var checked = 0
        for (width, height) in [(80, 10), (120, 24), (120, 40), (200, 60), (60, 8)] {
            for limit in [20, 40, 80, 90] {
                let head = try head(of: store, posts: limit)
                var fromHead = AppState(store: head, blogName: "blog", width: width, height: height)
                AppFixture.settle(&fromHead, Reducer.reduce(&fromHead, .resize(width: width, height: height)))
                let fits = fromHead.frameFitsDecodedPosts
                XCTAssertEqual(fits, limit >= height + AppState.headMargin, "\(width)x\(height), \(limit) posts")
                guard fits else { continue }
                checked += 1
                var fromWhole = AppState(store: store, blogName: "blog", width: width, height: height)
                AppFixture.settle(&fromWhole, Reducer.reduce(&fromWhole, .resize(width: width, height: height)))
                XCTAssertEqual(AppView.render(fromHead), AppView.render(fromWhole), "\(width)x\(height), \(limit) posts")
                AppFixture.settle(&fromHead, Reducer.reduce(&fromHead, .inputIdle))
                AppFixture.settle(&fromWhole, Reducer.reduce(&fromWhole, .inputIdle))
                XCTAssertTrue(fromHead.loaded.keys.allSatisfy { $0 < limit }, "bodies parsed ahead are decoded posts'")

                let (layouts, tagRows) = (fromHead.layoutMemo, fromHead.tagRowsMemo)
                let effects = Reducer.reduce(&fromHead, .storeReplaced(StoreUpdate(store, serial: 1)))
                XCTAssertTrue(effects.isEmpty, "\(effects)")
                XCTAssertNil(fromHead.store.firstPlaceholder)
                XCTAssertEqual(fromHead, fromWhole)
                XCTAssertTrue(fromHead.layoutMemo === layouts && fromHead.tagRowsMemo === tagRows, "nothing is laid out or counted again")
                XCTAssertEqual(AppView.render(fromHead), AppView.render(fromWhole))
                // And keys reach every post.
                AppFixture.send(&fromHead, .moveToLast)
                AppFixture.send(&fromWhole, .moveToLast)
                XCTAssertEqual(AppView.render(fromHead), AppView.render(fromWhole))
                XCTAssertEqual(fromHead.selected, store.posts.count - 1)
            }
        }
        XCTAssertGreaterThan(checked, 4)
    }
}
