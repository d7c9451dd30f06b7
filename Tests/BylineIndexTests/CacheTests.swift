import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// The cache gives the answers a plain scan gives (posts, tags, counts, problems, search results), is
/// found stale or corrupt and rebuilt, and is never written when byline may not write.
final class CacheTests: CachedBlogTestCase {
    private func assertSameAnswers(_ cached: PostStore, _ plain: PostStore, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(cached.posts, plain.posts, "posts", file: file, line: line)
        XCTAssertEqual(cached.tags.tags.map(\.name), plain.tags.tags.map(\.name), "tags", file: file, line: line)
        XCTAssertEqual(cached.tags.tags.map(\.count), plain.tags.tags.map(\.count), "tag counts", file: file, line: line)
        XCTAssertEqual(cached.diagnostics, plain.diagnostics, "problems", file: file, line: line)
        XCTAssertEqual(cached.aliases, plain.aliases, "old names", file: file, line: line)
        let tagNames = plain.tags.tags.prefix(4).map(\.name)
        var nonEmpty = 0, narrowed = 0
        for search in GeneratedBlog.queries {
            for query in [PostQuery(search: search), PostQuery(requiredTags: [tagNames[0]], search: search),
                          PostQuery(requiredTags: [tagNames[1], tagNames[2]], excludedTags: [tagNames[3]], match: .any, search: search)] {
                let answer = cached.matches(query)
                XCTAssertEqual(answer, plain.matches(query), "\(query)", file: file, line: line)
                if !answer.isEmpty { nonEmpty += 1 }
                if answer.count < cached.tagMatches(query).count { narrowed += 1 }
            }
        }
        // The comparison means something only if searches both find posts and leave some out.
        XCTAssertGreaterThan(nonEmpty, 80, file: file, line: line)
        XCTAssertGreaterThan(narrowed, 80, file: file, line: line)
    }

    func testTheCacheAnswersAsTheScanDoes() throws {
        XCTAssertEqual(try persist(), .built(posts: try plainStore().posts.count))
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        XCTAssertNil(reader.problem)
        // Every post is answered by the index, not by reading its body.
        XCTAssertNotNil(cached.searchIndex)
        XCTAssertEqual(cached.documentIDs.filter { $0 == nil }.count, 0)
        assertSameAnswers(cached, try plainStore())
    }

    /// The store a first build hands the reader is the one it wrote, searching through the new index:
    /// what the next start decodes from the cache.
    func testTheBuildHandsBackTheStoreItWrote() throws {
        let reader = cachedBlog()
        _ = reader.cachedStore()
        let scan = try reader.scan()
        let persisted = reader.persist(scan, store: reader.store(from: scan))
        XCTAssertEqual(persisted.outcome, .built(posts: try plainStore().posts.count))
        let handed = try XCTUnwrap(persisted.store)
        let decoded = try XCTUnwrap(cachedBlog().cachedStore())
        XCTAssertNotNil(handed.searchIndex)
        XCTAssertEqual(handed.documentIDs, decoded.documentIDs)
        XCTAssertEqual(handed.documentIDs.filter { $0 == nil }.count, 0)
        assertSameAnswers(handed, decoded)
    }

    /// A first start reads every file's front matter once, for the store it shows; the cache written
    /// from that store and what the load kept beside it records every file as a second reading of the
    /// folder gives it (stamps, posts with drafts, tags in the file's own spelling, problems, files that
    /// give no post), in the store's order, and answers as the folder does.
    func testAFirstLoadWritesTheCacheAScanOfTheFolderWrites() throws {
        try blog.write("binary.md", bytes: Array("---\ntitle: x\n---\n".utf8) + [0, 1, 2])
        let reader = cachedBlog()
        XCTAssertNil(reader.cachedStore())
        let (store, kept) = try reader.load()
        let firstRead = try XCTUnwrap(kept)
        XCTAssertEqual(store.posts, try plainStore().posts)
        XCTAssertEqual(firstRead.reads.count, store.posts.count)
        XCTAssertTrue(firstRead.others.contains { $0.post?.draft == true }, "drafts are kept for the cache, though not shown")
        XCTAssertTrue(firstRead.others.contains { $0.post == nil }, "and files that give no post")
        // The store shows one spelling of each tag; the cache keeps each file's own.
        XCTAssertTrue(zip(store.posts, firstRead.reads).contains { $0.tags != $1.tags })

        let persisted = reader.persist(firstRead: firstRead, store: store)
        XCTAssertEqual(persisted.outcome, .built(posts: store.posts.count))
        XCTAssertTrue(try XCTUnwrap(persisted.store).holdsSamePosts(as: store), "the store shown, now searching through the cache")

        let written = try PostCache(path: cachePath, realRoot: store.realRoot, includeDrafts: false, writable: false).contents()
        let plain = try BlogLoad.scan(root: blog.path, includeDrafts: false, inspector: CmarkBodyInspector(), cache: nil)
        func byPath(_ files: [CachedFile]) -> [String: CachedFile] {
            Dictionary(uniqueKeysWithValues: files.map { file in
                var file = file
                file.document = nil
                return (file.path, file)
            })
        }
        XCTAssertEqual(written.files.count, plain.files.count)
        XCTAssertEqual(byPath(written.files), byPath(plain.files))
        XCTAssertEqual(written.layout, plain.layout)
        XCTAssertEqual(written.folderDiagnostics, plain.folderDiagnostics)
        // In the store's order: its posts, then the files that gave none by path. Only shown posts are indexed.
        XCTAssertEqual(written.files.prefix(store.posts.count).map(\.path), store.posts.map(\.path))
        let rest = written.files.dropFirst(store.posts.count).map(\.path)
        XCTAssertEqual(rest, rest.sorted())
        XCTAssertEqual(written.files.map { $0.document != nil }, written.files.indices.map { $0 < store.posts.count })

        assertSameAnswers(try XCTUnwrap(cachedBlog().cachedStore()), try plainStore())
        // Nothing changed since: the next start reads no file.
        let next = cachedBlog()
        XCTAssertNotNil(next.cachedStore())
        XCTAssertFalse(try next.scan().changed)
        // A reader that may not write a cache keeps nothing for one.
        XCTAssertNil(try cachedBlog(writable: false).load().firstRead)
    }

    /// With drafts shown, a first start's cache holds them as posts, indexed, as a scan's does.
    func testAFirstLoadWithDraftsWritesTheCacheAScanWrites() throws {
        let reader = cachedBlog(drafts: true)
        let (store, kept) = try reader.load()
        let firstRead = try XCTUnwrap(kept)
        XCTAssertTrue(store.posts.contains { $0.draft })
        XCTAssertFalse(firstRead.others.contains { $0.post != nil }, "every file with a post is in the store")
        XCTAssertEqual(reader.persist(firstRead: firstRead, store: store).outcome, .built(posts: store.posts.count))
        let written = try PostCache(path: cachePath, realRoot: store.realRoot, includeDrafts: true, writable: false).contents()
        let plain = try BlogLoad.scan(root: blog.path, includeDrafts: true, inspector: CmarkBodyInspector(), cache: nil)
        let writtenFiles = Dictionary(uniqueKeysWithValues: written.files.map { ($0.path, $0) })
        XCTAssertEqual(written.files.count, plain.files.count)
        for file in plain.files {
            let recorded = try XCTUnwrap(writtenFiles[file.path])
            XCTAssertEqual(recorded.post, file.post, file.path)
            XCTAssertEqual(recorded.stamp, file.stamp, file.path)
            XCTAssertEqual(recorded.diagnostics, file.diagnostics, file.path)
            XCTAssertEqual(recorded.document != nil, file.post != nil, "\(file.path): indexed when it gives a post, drafts too")
        }
        assertSameAnswers(try XCTUnwrap(cachedBlog(drafts: true).cachedStore()), try plainStore(drafts: true))
    }

    /// A file changed after the first load read it, before the cache was written: the cache records the
    /// file as the load read it (its stamp then), so the next start finds it changed and reads it again.
    func testAFileChangedBeforeTheCacheIsWrittenIsReadAgainNextTime() throws {
        let reader = cachedBlog()
        let (store, kept) = try reader.load()
        let changed = try XCTUnwrap(store.posts.first { !$0.title.contains("Rewritten") })
        try blog.write(changed.path, "---\ntitle: Rewritten meanwhile\n---\n\nNew words: zebra.\n")
        XCTAssertEqual(reader.persist(firstRead: try XCTUnwrap(kept), store: store).outcome, .built(posts: store.posts.count))
        let next = cachedBlog()
        XCTAssertNotNil(next.cachedStore())
        let scan = try next.scan()
        XCTAssertTrue(scan.changed)
        XCTAssertEqual(scan.read.map { scan.files[$0].path }, [changed.path])
        let current = next.store(from: scan)
        XCTAssertTrue(current.posts.contains { $0.path == changed.path && $0.title == "Rewritten meanwhile" })
        assertSameAnswers(current, try plainStore())
    }

    func testTheIndexAloneFindsWhatTheScanFinds() throws {
        try persist()
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        let index = try XCTUnwrap(reader.cache)
        let plain = try plainStore()
        var postOf: [Int64: String] = [:]
        for (number, document) in cached.documentIDs.enumerated() { postOf[document!] = cached.posts[number].path }
        for search in GeneratedBlog.queries {
            let terms = PostQuery(search: search).searchTerms
            guard !terms.isEmpty else { continue }
            let found = Set(try XCTUnwrap(index.documents(matchingAll: terms)).compactMap { postOf[$0] })
            let scanned = Set(plain.matches(PostQuery(search: search)).map { plain.posts[$0].path })
            XCTAssertEqual(found, scanned, search)
        }
    }

    func testDraftsHaveACacheOfTheirOwn() throws {
        try persist(drafts: true)
        let cached = try XCTUnwrap(cachedBlog(drafts: true).cachedStore())
        assertSameAnswers(cached, try plainStore(drafts: true))
        XCTAssertNil(cachedBlog(drafts: false).cachedStore(), "a drafts cache is not read without drafts")
    }

    func testAStaleCacheIsFoundAndBroughtUpToDate() throws {
        try persist()
        // One post rewritten, one added, one removed, one touched (same bytes, new time), one renamed.
        try blog.write("post-1.md", "---\ntitle: Zebracorn sighting\ntags: [zoo]\n---\nA zebracorn, twice.\n")
        try blog.write("post-new.md", "---\ntitle: New\ndate: 2030-01-01\n---\nFresh words: quokka.\n")
        try FileManager.default.removeItem(atPath: blog.path + "/post-2.md")
        let touched = blog.path + "/post-4.md"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: touched)
        try FileManager.default.moveItem(atPath: blog.path + "/post-6.md", toPath: blog.path + "/renamed-6.md")

        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        XCTAssertNotNil(cached.posts.first { $0.path == "post-2.md" }, "the first screen is the cache's")
        let scan = try reader.scan()
        XCTAssertTrue(scan.changed)
        XCTAssertEqual(Set(scan.read.map { scan.files[$0].path }), ["post-1.md", "post-new.md", "post-4.md", "renamed-6.md"])
        // Before the cache is written, the changed posts are searched by reading them.
        let refreshed = reader.store(from: scan)
        assertSameAnswers(refreshed, try plainStore())
        XCTAssertEqual(refreshed.matches(PostQuery(search: "zebracorn")).map { refreshed.posts[$0].path }, ["post-1.md"])

        XCTAssertEqual(reader.persist(scan, store: refreshed).outcome, .updated(files: 4))
        let again = cachedBlog()
        let second = try XCTUnwrap(again.cachedStore())
        XCTAssertEqual(second.documentIDs.filter { $0 == nil }.count, 0)
        assertSameAnswers(second, try plainStore())
        // Words of the replaced and removed posts are dead, not found.
        XCTAssertEqual(try XCTUnwrap(again.cache).deadDocuments(), 4)
        XCTAssertEqual(second.matches(PostQuery(search: "zebracorn quokka")), [])
        // And a third start finds nothing to do.
        let third = try again.scan()
        XCTAssertFalse(third.changed)
        XCTAssertEqual(third.read, [])
        XCTAssertEqual(again.persist(third, store: again.currentStore(third, cached: second)).outcome, .unchanged)
        assertSameAnswers(again.currentStore(third, cached: second), try plainStore())
    }

    func testACorruptCacheIsFoundAndRebuilt() throws {
        for damage in ["garbage", "truncated", "emptied"] {
            try persist()
            let bytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
            switch damage {
            case "garbage": try Data((0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: cachePath))
            case "truncated": try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: cachePath))
            default: try Data().write(to: URL(fileURLWithPath: cachePath))
            }
            let reader = cachedBlog()
            XCTAssertNil(reader.cachedStore(), damage)
            XCTAssertNotNil(reader.problem, damage)
            let scan = try reader.scan()
            let store = reader.store(from: scan)
            XCTAssertEqual(reader.persist(scan, store: store).outcome, .built(posts: store.posts.count), damage)
            let rebuilt = try XCTUnwrap(cachedBlog().cachedStore(), damage)
            assertSameAnswers(rebuilt, try plainStore())
        }
    }

    func testRestrictedNeverWritesACache() throws {
        // No cache: none is made, whatever the size of the blog.
        let restricted = cachedBlog(writable: false)
        XCTAssertNil(restricted.cachedStore())
        let scan = try restricted.scan()
        XCTAssertEqual(restricted.persist(scan, store: restricted.store(from: scan)).outcome, .notWritten)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path), [])

        // A fresh cache is read; a stale one is read and left as it is, the changed post scanned.
        try persist()
        let before = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        let stamp = try FileManager.default.attributesOfItem(atPath: cachePath)[.modificationDate] as? Date
        try blog.write("post-1.md", "---\ntitle: Zebracorn\n---\nzebracorn\n")
        let reader = cachedBlog(writable: false)
        _ = try XCTUnwrap(reader.cachedStore(), "a stale cache is still read")
        XCTAssertFalse(try XCTUnwrap(reader.cache).isWritable)
        let stale = try reader.scan()
        let store = reader.store(from: stale)
        assertSameAnswers(store, try plainStore())
        XCTAssertEqual(reader.persist(stale, store: store).outcome, .notWritten)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cachePath)), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: cachePath)[.modificationDate] as? Date, stamp)
        // The cache and its store file beside it (issue 20), nothing else.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).sorted(), ["blog.sqlite", "blog.store"])
    }

    func testACacheOfAnotherFolderIsNotRead() throws {
        try persist()
        let other = try TempFolder()
        try GeneratedBlog.write(20, into: other, seed: 7)
        let reader = CachedBlog(root: other.path, includeDrafts: false, inspector: CmarkBodyInspector(),
                                policy: .init(path: cachePath, writable: false, minimumPosts: 0))
        XCTAssertNil(reader.cachedStore())
        XCTAssertTrue(reader.problem?.contains("another folder") == true, reader.problem ?? "no problem noted")
    }

    /// A head file an older byline left beside the cache (`<cache>-head`) is never read, stays while
    /// byline may not write, and goes when the cache is written: by an update and by a rebuild.
    /// (CacheEndToEndTests ran the same through the binary in tmux until issue 16.)
    func testAnOlderHeadFileGoesWhenTheCacheIsWritten() throws {
        let head = cachePath + "-head"
        for (what, damage) in [("an update", false), ("a rebuild", true)] {
            try persist()
            // Another blog's first screen, as an older byline might have left it.
            XCTAssertTrue(FileManager.default.createFile(atPath: head, contents: Data("byline-head-2\nTitle from an older head file".utf8)))
            try blog.write("post-1.md", "---\ntitle: Zebracorn \(what)\n---\nzebracorn\n")
            if damage { try Data().write(to: URL(fileURLWithPath: cachePath)) }
            let restricted = cachedBlog(writable: false)
            let started = restricted.cachedStore()
            if !damage { XCTAssertNotNil(started, "\(what): a reader starts from the cache") }
            XCTAssertFalse(started?.posts.contains { $0.title.contains("older head file") } ?? false, "\(what): the head file is not read")
            let stale = try restricted.scan()
            XCTAssertEqual(restricted.persist(stale, store: restricted.store(from: stale)).outcome, .notWritten)
            XCTAssertTrue(FileManager.default.fileExists(atPath: head), "\(what): restricted mode deletes nothing")
            let outcome = try persist()
            XCTAssertEqual(outcome == .updated(files: 1), !damage, "\(what): \(outcome)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).sorted(), ["blog.sqlite", "blog.store"], what)
        }
    }

    func testABuildKilledHalfwayLeavesNothingBehindForLong() throws {
        // A build whose process is gone left its temporary file; the next build removes it. One of a
        // live process (this one) is left alone.
        let abandoned = cachePath + ".tmp-999999"
        let live = cachePath + ".tmp-\(getpid())"
        XCTAssertTrue(FileManager.default.createFile(atPath: abandoned, contents: Data([1, 2, 3])))
        try persist()
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned))
        XCTAssertTrue(FileManager.default.createFile(atPath: live, contents: Data([1])))
        defer { try? FileManager.default.removeItem(atPath: live) }
        PostCacheProbe.removeAbandonedBuilds(of: cachePath)
        XCTAssertTrue(FileManager.default.fileExists(atPath: live))
    }

    func testSmallBlogsGetNoCacheUnlessAsked() throws {
        let reader = CachedBlog(root: blog.path, includeDrafts: false, inspector: CmarkBodyInspector(),
                                policy: .init(path: cachePath, writable: true, minimumPosts: 1000))
        let scan = try reader.scan()
        XCTAssertEqual(reader.persist(scan, store: reader.store(from: scan)).outcome, .unchanged)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path), [])
    }

    /// The index keeps no positions (`detail=column`): each word of a term is asked for alone, the last
    /// as a prefix; terms of several words are then checked against the text (`SeveralWordTermTests`).
    /// Two ideographs side by side are asked as their pair word (`IdeographPairTests`, cache version 12).
    func testTermsBecomeWordsWithThePrefixLast() {
        XCTAssertEqual(FullTextQueryProbe.match("go-lang lat 東京"), "\"go\" AND \"lang\"* AND \"lat\"* AND \"東京\"")
        XCTAssertEqual(FullTextQueryProbe.match("日本語 go東京"), "\"日本\" AND \"本語\" AND \"go\" AND \"東京\"")
        XCTAssertEqual(FullTextQueryProbe.match("東 go東"), "\"東\"* AND \"go\" AND \"東\"*")
    }
}
