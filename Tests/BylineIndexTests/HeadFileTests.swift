import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// A cache's first screen comes from its head file, without opening the cache, and only while the
/// head file matches the cache beside it; the reader completes the store from the cache itself.
final class HeadFileTests: CachedBlogTestCase {
    private var headPath: String { cachePath + "-head" }
    private let firstPosts = StoreSnapshot.firstScreenPosts
    /// More posts than the first screen's chunk: smaller blogs are decoded whole, with no head file.
    override var generatedPosts: Int { firstPosts + 200 }

    private func modification(of path: String) throws -> timespec {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        return info.st_mtim
    }

    private func setModification(of path: String, to time: timespec) {
        var times = [time, time]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
    }

    func testTheFirstScreenComesFromTheHeadFileWithoutOpeningTheCache() throws {
        try persist()
        XCTAssertTrue(FileManager.default.fileExists(atPath: headPath))
        // The cache is damaged where SQLite reads first, its size and time kept: the head file still
        // matches it, so the first screen is shown without opening it; completing it finds the damage.
        let time = try modification(of: cachePath)
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: cachePath))
        try file.write(contentsOf: Data(repeating: 0x5A, count: 100))
        try file.close()
        setModification(of: cachePath, to: time)

        let reader = cachedBlog(writable: false)
        let head = try XCTUnwrap(reader.cachedStore(firstPosts: firstPosts))
        XCTAssertNil(reader.cache, "the cache itself was not opened")
        XCTAssertEqual(head.firstPlaceholder, firstPosts)
        let plain = try plainStore()
        XCTAssertEqual(head.posts.count, plain.posts.count, "every post counted")
        XCTAssertEqual(Array(head.posts.prefix(firstPosts)), Array(plain.posts.prefix(firstPosts)))
        XCTAssertEqual(head.tags.tags.map(\.name), plain.tags.tags.map(\.name))
        XCTAssertEqual(head.tags.tags.map(\.count), plain.tags.tags.map(\.count))
        XCTAssertNil(reader.completed(head))
        XCTAssertNotNil(reader.problem, "the damage is noted")
    }

    func testAHeadFromTheHeadFileIsCompletedFromTheCache() throws {
        try persist()
        let reader = cachedBlog(writable: false)
        let head = try XCTUnwrap(reader.cachedStore(firstPosts: firstPosts))
        XCTAssertNil(reader.cache)
        let whole = try XCTUnwrap(reader.completed(head))
        XCTAssertTrue(whole.completes(head))
        XCTAssertNotNil(reader.cache)
        XCTAssertNotNil(whole.searchIndex, "searching through the cache")
        let plain = try plainStore()
        XCTAssertEqual(Array(whole.posts), Array(plain.posts))
        for search in ["latenc", "queue go", "東京"] {
            XCTAssertEqual(whole.matches(PostQuery(search: search)), plain.matches(PostQuery(search: search)), search)
        }
    }

    func testAHeadFileThatDoesNotMatchItsCacheIsPassedOver() throws {
        try persist()
        let plain = try plainStore()
        func headComesFromTheCache(_ what: String) throws {
            let reader = cachedBlog(writable: false)
            let head = try XCTUnwrap(reader.cachedStore(firstPosts: firstPosts), what)
            XCTAssertNotNil(reader.cache, "\(what): the cache was opened instead")
            XCTAssertEqual(Array(head.posts.prefix(firstPosts)), Array(plain.posts.prefix(firstPosts)), what)
        }
        // The cache written since the head file (its time moved).
        var time = try modification(of: cachePath)
        time.tv_sec += 1
        setModification(of: cachePath, to: time)
        try headComesFromTheCache("a cache newer than its head file")

        try persist()
        let good = try Data(contentsOf: URL(fileURLWithPath: headPath))
        for (damage, bytes) in [("a head file cut short", good.prefix(good.count / 2)), ("a head file with a byte more", good + [0]),
                                ("a head file of another version", Data("byline-head-9".utf8) + good.dropFirst(13)),
                                ("a head file of zeros", Data(repeating: 0, count: good.count))] {
            try bytes.write(to: URL(fileURLWithPath: headPath))
            try headComesFromTheCache(damage)
        }

        // The head file of another folder's cache, at this cache's name, with the stamp of this one.
        try good.write(to: URL(fileURLWithPath: headPath))
        let other = try TempFolder()
        try GeneratedBlog.write(firstPosts + 10, into: other, seed: 7)
        let stranger = CachedBlog(root: other.path, includeDrafts: false, inspector: CmarkBodyInspector(),
                                  policy: .init(path: cachePath, writable: false, minimumPosts: 0))
        XCTAssertNil(stranger.cachedStore(firstPosts: firstPosts), "neither the head file nor the cache is another folder's")
    }

    func testAnUpdateOfTheCacheWritesItsHeadFileAnew() throws {
        try persist()
        let plain = try plainStore()
        let newest = plain.posts[0]
        try blog.write(newest.path, "---\ntitle: Zebracorn\ndate: 2099-01-01\n---\nzebracorn\n")
        try persist()
        let reader = cachedBlog(writable: false)
        let head = try XCTUnwrap(reader.cachedStore(firstPosts: firstPosts))
        XCTAssertNil(reader.cache, "from the head file")
        XCTAssertEqual(head.posts[0].title, "Zebracorn")
    }

    /// An up-to-date cache is not written again, so a head file that is missing or does not match
    /// (a write that failed, another byline's format) is written anew when a refresh finds nothing changed.
    func testAHeadFileThatIsMissingOrForeignIsRestoredByARefresh() throws {
        try persist()
        let good = try Data(contentsOf: URL(fileURLWithPath: headPath))
        for (what, bytes) in [("missing", nil), ("of another format", Data("byline-head-0\n".utf8) + good.dropFirst(14))] {
            if let bytes { try bytes.write(to: URL(fileURLWithPath: headPath)) } else { unlink(headPath) }
            let before = try modification(of: cachePath)
            try persist()
            let after = try modification(of: cachePath)
            XCTAssertTrue(before.tv_sec == after.tv_sec && before.tv_nsec == after.tv_nsec, "\(what): the cache itself is not written")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: headPath)), good, what)
            let reader = cachedBlog(writable: false)
            XCTAssertNotNil(reader.cachedStore(firstPosts: firstPosts), what)
            XCTAssertNil(reader.cache, "\(what): the first screen is from the head file again")
        }
        // A reader that may not write leaves a missing head file missing.
        unlink(headPath)
        let restricted = cachedBlog(writable: false)
        _ = restricted.cachedStore()
        let scan = try restricted.scan()
        _ = restricted.persist(scan, store: restricted.store(from: scan))
        XCTAssertFalse(FileManager.default.fileExists(atPath: headPath))
    }

    func testRestrictedWritesNoHeadFile() throws {
        let restricted = cachedBlog(writable: false)
        XCTAssertNil(restricted.cachedStore(firstPosts: firstPosts))
        let scan = try restricted.scan()
        _ = restricted.persist(scan, store: restricted.store(from: scan))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path), [])
    }
}
