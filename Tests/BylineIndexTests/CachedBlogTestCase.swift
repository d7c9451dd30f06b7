import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import XCTest

/// A generated blog and a folder for its cache: what the tests of reading a blog through its cache
/// start from. A subclass says how many posts it wants (`generatedPosts`).
class CachedBlogTestCase: XCTestCase {
    var blog: TempFolder!
    var cacheFolder: TempFolder!
    var cachePath: String { cacheFolder.path + "/blog.sqlite" }
    /// The generated blog's size.
    var generatedPosts: Int { 300 }

    override func setUpWithError() throws {
        blog = try TempFolder()
        cacheFolder = try TempFolder()
        try GeneratedBlog.write(generatedPosts, into: blog)
    }

    /// The blog read through the cache (of any size: the tests want a cache for small blogs too).
    func cachedBlog(writable: Bool = true, drafts: Bool = false) -> CachedBlog {
        CachedBlog(root: blog.path, includeDrafts: drafts, inspector: CmarkBodyInspector(),
                   policy: .init(path: cachePath, writable: writable, minimumPosts: 0))
    }

    /// The blog read without a cache: the answers the cache must give.
    func plainStore(drafts: Bool = false) throws -> PostStore {
        try PostStore.load(root: blog.path, options: .init(includeDrafts: drafts), inspector: CmarkBodyInspector())
    }

    /// Scans the folder and writes the cache as the reader does: a build the first time, an update after.
    @discardableResult
    func persist(drafts: Bool = false) throws -> CachedBlog.Outcome {
        let reader = cachedBlog(drafts: drafts)
        _ = reader.cachedStore()
        let scan = try reader.scan()
        return reader.persist(scan, store: reader.store(from: scan)).outcome
    }
}
