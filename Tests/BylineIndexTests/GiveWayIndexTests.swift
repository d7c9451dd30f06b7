import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// Each long loop of a refresh and of a cache build sleeps while the reader answers a key, when it
/// runs behind the screen (`GiveWay`): reading the cache's stamps, matching them with the folder's,
/// reading changed files, and writing the words of a build.
final class GiveWayIndexTests: XCTestCase {
    private var blog: TempFolder!
    private var cacheFolder: TempFolder!
    private var cachePath: String { cacheFolder.path + "/blog.sqlite" }

    override func setUpWithError() throws {
        blog = try TempFolder()
        cacheFolder = try TempFolder()
        try GeneratedBlog.write(60, into: blog)
    }

    /// The blog read through its cache on one core, as the reader does behind its screen.
    private func cachedBlog() -> CachedBlog {
        let cached = CachedBlog(root: blog.path, includeDrafts: false, inspector: CmarkBodyInspector(),
                                policy: .init(path: cachePath, writable: true, minimumPosts: 0))
        cached.usesAllCores = false
        return cached
    }

    private func writeCache() throws {
        let reader = cachedBlog()
        _ = reader.cachedStore()
        let scan = try reader.scan()
        _ = reader.persist(scan, store: reader.store(from: scan))
        XCTAssertTrue(FileManager.default.fileExists(atPath: cachePath))
    }

    func testReadingTheCachedStampsGivesWay() throws {
        try writeCache()
        let cache = try PostCache(path: cachePath, realRoot: realPath(blog.path)!, includeDrafts: false, writable: false)
        try GiveWayProbe.assertGivesWay { _ = try? cache.stamps() }
    }

    func testMatchingTheFolderWithTheCachedStampsGivesWay() throws {
        try writeCache()
        let cache = try PostCache(path: cachePath, realRoot: realPath(blog.path)!, includeDrafts: false, writable: false)
        let stamps = try cache.stamps()
        let found = PostFinder.find(root: realPath(blog.path)!, includeDrafts: false)
        let fileStamps = found.candidates.map { candidate -> FileStamp? in
            var info = stat()
            return stat(candidate.absolutePath, &info) == 0 ? FileStamp(info) : nil
        }
        XCTAssertTrue(stamps.match(found.candidates, fileStamps, layout: found.layout, folderDiagnostics: found.diagnostics))
        try GiveWayProbe.assertGivesWay {
            _ = stamps.match(found.candidates, fileStamps, layout: found.layout, folderDiagnostics: found.diagnostics)
        }
    }

    func testBuildingTheCacheGivesWay() throws {
        let reader = cachedBlog()
        let scan = try reader.scan()
        let store = reader.store(from: scan)
        try GiveWayProbe.assertGivesWay { _ = reader.persist(scan, store: store) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: cachePath))
    }
}
