import BylineCore
import BylineIndex
import BylineMarkdown
@testable import BylineRuntime
import BylineTestSupport
import Foundation
import XCTest

/// A live reload through the whole reader in-process, with the files the watch named: only those are
/// read (a file changed but not named shows only once a burst names everything), the cache's rows are
/// patched and its snapshot left stale while the reader runs, and written when it ends.
final class NamedReloadRuntimeTests: XCTestCase {
    func testOnlyTheNamedFilesAreReadAndTheSnapshotIsWrittenAtTheEnd() throws {
        let folder = try TempFolder()
        let cacheFolder = try TempFolder()
        try folder.write("alpha.md", "---\ntitle: Alpha\ndate: 2024-01-02\n---\nAlpha's words.\n")
        try folder.write("beta.md", "---\ntitle: Beta\ndate: 2024-01-01\n---\nBeta's words.\n")
        let cachePath = cacheFolder.path + "/blog.sqlite"
        func cachedBlog() -> CachedBlog {
            CachedBlog(root: folder.path, includeDrafts: false, inspector: CmarkBodyInspector(),
                       policy: .init(path: cachePath, writable: true, minimumPosts: 0))
        }
        let builder = cachedBlog()
        _ = builder.cachedStore()
        let scan = try builder.scan()
        XCTAssertEqual(builder.persist(scan, store: builder.store(from: scan)).outcome, .built(posts: 2))

        let blog = cachedBlog()
        let first = try XCTUnwrap(blog.cachedStore())
        let changes = PendingChanges()
        let harness = RuntimeHarness(store: first, performers: .live(blog: blog, changes: changes), start: .refresh)
        defer { harness.stop() }
        harness.waitForScreen(containing: "Alpha")
        harness.settle()

        // Beta changed but not named; Gamma named.
        try folder.write("beta.md", "---\ntitle: Beta renamed\ndate: 2024-01-01\n---\nBeta's words.\n")
        try folder.write("gamma.md", "---\ntitle: Gamma\ndate: 2024-01-03\n---\nGamma's words.\n")
        changes.add(.paths(["gamma.md"]))
        harness.runtime.post(.folderChanged)
        harness.waitForScreen(containing: "1 new post")
        harness.settle()
        XCTAssertTrue(harness.backend.text.contains("Gamma"))
        XCTAssertFalse(harness.backend.text.contains("Beta renamed"), "a file not named is not read:\n\(harness.backend.text)")
        // Opened anew for each look: a rebuild of the cache renames a new file over it.
        func snapshotIsCurrent() throws -> Bool {
            try PostCache(path: cachePath, realRoot: try XCTUnwrap(realPath(folder.path)), includeDrafts: false, writable: false)
                .snapshotIsCurrent()
        }
        XCTAssertFalse(try snapshotIsCurrent(), "the rows patched, the snapshot left for later")

        // A burst that names everything reads the whole folder.
        changes.add(.everything)
        harness.runtime.post(.folderChanged)
        harness.waitForScreen(containing: "Beta renamed")
        harness.settle()

        // Then a named removal: the reload removes it.
        XCTAssertEqual(unlink(folder.path + "/gamma.md"), 0)
        changes.add(.paths(["gamma.md"]))
        harness.runtime.post(.folderChanged)
        harness.waitForScreen(containing: "1 post removed")
        harness.settle()
        XCTAssertFalse(try snapshotIsCurrent())

        harness.backend.feed(.key(.character("q")))
        XCTAssertEqual(harness.waitForEnding(), .quit)
        XCTAssertTrue(try snapshotIsCurrent(), "written as the reader ended")
        let next = cachedBlog()
        let store = try XCTUnwrap(next.cachedStore())
        XCTAssertNil(next.unsnapshotted)
        XCTAssertEqual(store.posts.map(\.title), ["Alpha", "Beta renamed"])
    }
}
