import BylineCore
import BylineTestSupport
import XCTest

@testable import BylineIndex

/// The cache's reader connection keeps little of its own: a small page cache, and, once it searches,
/// the file mapped, so that the pages searched are the kernel's, one copy for every reader of the blog.
/// What a start reads in one pass (the stamps) is not left mapped.
final class ReaderConnectionTests: CachedBlogTestCase {
    override var generatedPosts: Int { 40 }

    private func openCache() throws -> PostCache {
        try persist()
        return try PostCache(path: cachePath, realRoot: realPath(blog.path)!, includeDrafts: false, writable: false)
    }

    func testThePageCacheIsSmallAndTheFileIsMappedOnceItSearches() throws {
        let cache = try openCache()
        XCTAssertEqual(cache.readerSetting("cache_size"), -PostCache.readerCacheKiB)
        XCTAssertEqual(cache.readerSetting("mmap_size"), 0, "nothing mapped before a search")
        _ = try XCTUnwrap(cache.stampTable())
        XCTAssertEqual(cache.readerSetting("mmap_size"), 0, "the stamps are read unmapped")

        let terms = PostQuery(search: "latency").searchTerms
        let found = try XCTUnwrap(cache.documents(matchingAll: terms))
        XCTAssertFalse(found.isEmpty)
        let mapped = try XCTUnwrap(cache.readerSetting("mmap_size"))
        XCTAssertGreaterThan(mapped, 0, "mapped for searches")
        XCTAssertEqual(cache.documents(matchingAll: terms), found, "the same answer mapped")

        // A read of every row after a search leaves the mapping as the search left it, with the same table.
        let table = try XCTUnwrap(cache.stampTable())
        XCTAssertEqual(table.count, try cache.contents().files.count)
        XCTAssertEqual(cache.readerSetting("mmap_size"), mapped)
        XCTAssertEqual(cache.documents(matchingAll: terms), found)
    }
}
