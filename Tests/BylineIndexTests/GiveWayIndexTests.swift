import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// The long loops of a refresh and of a cache build sleep while the reader answers a key, when they
/// run behind the screen (`GiveWay`): reading the cache's stamps, matching them with the folder's,
/// and reading and writing the words of a build. (The folder walk, and the one-core map that takes a
/// scan's stamps and reads its changed files: `GiveWayTests`.)
final class GiveWayIndexTests: CachedBlogTestCase {
    override var generatedPosts: Int { 60 }

    private func writeCache() throws {
        try persist()
        XCTAssertTrue(FileManager.default.fileExists(atPath: cachePath))
    }

    func testReadingTheCachedStampsGivesWay() throws {
        try writeCache()
        let cache = try PostCache(path: cachePath, realRoot: realPath(blog.path)!, includeDrafts: false, writable: false)
        try GiveWayProbe.assertGivesWay { giveWay in _ = try? cache.stampTable(giveWay: giveWay) }
    }

    func testMatchingTheFolderWithTheCachedStampsGivesWay() throws {
        try writeCache()
        let real = realPath(blog.path)!
        let cache = try PostCache(path: cachePath, realRoot: real, includeDrafts: false, writable: false)
        XCTAssertNotNil(try CacheFreshness.unchanged(root: real, includeDrafts: false, cache: cache))
        try GiveWayProbe.assertGivesWay { giveWay in
            _ = try? CacheFreshness.unchanged(root: real, includeDrafts: false, cache: cache, giveWay: giveWay)
        }
    }

    func testBuildingTheCacheGivesWay() throws {
        // On one core, as the reader does behind its screen.
        let reader = cachedBlog()
        reader.usesAllCores = false
        let scan = try reader.scan()
        let store = reader.store(from: scan)
        try GiveWayProbe.assertGivesWay { giveWay in
            reader.giveWay = giveWay
            _ = reader.persist(scan, store: store)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: cachePath))
    }
}
