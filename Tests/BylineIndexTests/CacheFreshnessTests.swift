#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// A start decides "nothing changed" as it walks the folder, against the cache's stamps alone
/// (`CacheFreshness`): any difference, wherever the walk meets it, says "changed", and the scan then
/// compares the folder with the cache file by file and finds exactly what changed.
final class CacheFreshnessTests: CachedBlogTestCase {
    override var generatedPosts: Int { 60 }

    private var real: String { realPath(blog.path)! }

    /// The check a start makes: the folder's layout and problems when nothing changed, else nil.
    private func check() throws -> (layout: SiteLayout, diagnostics: [Diagnostic])? {
        let cache = try PostCache(path: cachePath, realRoot: real, includeDrafts: false, writable: false)
        return try CacheFreshness.unchanged(root: real, includeDrafts: false, cache: cache)
    }

    /// The scan a reader's start makes after its first screen.
    private func startScan() throws -> BlogLoad.Scan {
        let reader = cachedBlog()
        _ = reader.cachedStore()
        return try reader.scan()
    }

    /// The files in the order the walk meets them.
    private func walkOrder() -> [String] {
        var paths: [String] = []
        XCTAssertNotNil(PostFinder.walkKeepingNothing(root: real, includeDrafts: false) { paths.append($0.path); return true })
        return paths
    }

    /// Asserts the check says "changed", and the scan after it finds it: `read` are the files it reads again.
    private func assertChanged(read: Set<String>, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertNil(try check(), message, file: file, line: line)
        let scan = try startScan()
        XCTAssertTrue(scan.changed, message, file: file, line: line)
        XCTAssertEqual(Set(scan.read.map { scan.files[$0].path }), read, message, file: file, line: line)
    }

    /// Asserts nothing differs: the check says so, with the folder's layout and problems a full walk finds,
    /// and the scan reads nothing.
    private func assertUnchanged(_ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let found = PostFinder.find(root: real, includeDrafts: false)
        let folder = try XCTUnwrap(try check(), message, file: file, line: line)
        XCTAssertEqual(folder.layout, found.layout, message, file: file, line: line)
        XCTAssertEqual(folder.diagnostics, found.diagnostics, message, file: file, line: line)
        let scan = try startScan()
        XCTAssertFalse(scan.changed, message, file: file, line: line)
        XCTAssertEqual(scan.files.count, 0, message, file: file, line: line)
        XCTAssertEqual(scan.layout, found.layout, message, file: file, line: line)
        XCTAssertEqual(scan.folderDiagnostics, found.diagnostics, message, file: file, line: line)
    }

    func testAFolderAsCachedIsUnchanged() throws {
        try persist()
        try assertUnchanged("as written")
    }

    /// A file rewritten (another size) or only touched (another time) is found wherever the walk meets
    /// it: first, in the middle, last.
    func testAChangeIsFoundAtTheFirstMiddleAndLastFileOfTheWalk() throws {
        try persist()
        let order = walkOrder()
        XCTAssertGreaterThan(order.count, 50)
        for (position, touchOnly) in [(0, false), (order.count / 2, true), (order.count - 1, false)] {
            let path = order[position]
            let absolute = blog.path + "/" + path
            if touchOnly {
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)], ofItemAtPath: absolute)
            } else {
                try (try String(contentsOfFile: absolute, encoding: .utf8) + "\nOne more line.\n").write(toFile: absolute, atomically: false, encoding: .utf8)
            }
            try assertChanged(read: [path], "file \(position) of the walk")
            try persist()
            try assertUnchanged("after file \(position) was written")
        }
    }

    func testAFileAddedRemovedOrRenamedIsFound() throws {
        try persist()
        try blog.write("added.md", "---\ntitle: Added\n---\nNew.\n")
        try assertChanged(read: ["added.md"], "added")
        try persist()
        try assertUnchanged("after the addition was written")

        try FileManager.default.removeItem(atPath: blog.path + "/post-1.md")
        try assertChanged(read: [], "removed")
        try persist()
        try assertUnchanged("after the removal was written")

        try FileManager.default.moveItem(atPath: blog.path + "/post-2.md", toPath: blog.path + "/renamed-2.md")
        try assertChanged(read: ["renamed-2.md"], "renamed")
        try persist()
        try assertUnchanged("after the rename was written")
    }

    /// The same file moved under another folder that keeps its name changes its path, not its stamp.
    func testAFileMovedToAnotherFolderIsFound() throws {
        try persist()
        try blog.folder("moved")
        try FileManager.default.moveItem(atPath: blog.path + "/post-4.md", toPath: blog.path + "/moved/post-4.md")
        try assertChanged(read: ["moved/post-4.md"], "moved")
    }

    /// A Hugo configuration beside `content/` makes the folder a Hugo site: the same files at the same
    /// paths with the same stamps, in another layout.
    func testALayoutChangeIsFound() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: blog.path) {
            try FileManager.default.removeItem(atPath: blog.path + "/" + name)
        }
        try blog.write("content/kept.md", "---\ntitle: Kept\n---\nStays a post.\n")
        try blog.write("content/notes/other.md", "---\ntitle: Other\n---\nStays a post too.\n")
        try persist()
        try assertUnchanged("plain")
        try blog.write("hugo.toml", "title = 'A Hugo site'\n")
        XCTAssertEqual(PostFinder.find(root: real, includeDrafts: false).candidates.map(\.path), ["content/kept.md", "content/notes/other.md"])
        XCTAssertNil(try check(), "hugo")
        let scan = try startScan()
        XCTAssertTrue(scan.changed)
        XCTAssertEqual(scan.layout, .hugoOrZola)
        try persist()
        try assertUnchanged("hugo, once written")
    }

    /// A folder problem (a markdown name that is no regular file) appearing, then going, changes the
    /// folder though no post changed.
    func testAFolderProblemAppearingIsFound() throws {
        try persist()
        XCTAssertEqual(mkfifo(blog.path + "/pipe.md", 0o600), 0)
        try assertChanged(read: [], "a pipe appeared")
        let scan = try startScan()
        XCTAssertEqual(scan.folderDiagnostics.map(\.file), ["pipe.md"])
        try persist()
        try assertUnchanged("the pipe, once written")
        unlink(blog.path + "/pipe.md")
        try assertChanged(read: [], "the pipe went")
    }

    /// With a symlink in the folder the walk that keeps nothing cannot tell a file reached twice: the
    /// check leaves the decision to the scan's full comparison, which finds what changed, or nothing.
    func testASymlinkLeavesTheDecisionToTheFullComparison() throws {
        try blog.link("linked.md", to: blog.path + "/post-1.md")
        try blog.link("nowhere.md", to: blog.path + "/missing.md")
        try persist()
        XCTAssertNil(try check())
        var scan = try startScan()
        XCTAssertFalse(scan.changed)
        XCTAssertEqual(scan.read, [])
        XCTAssertTrue(PostFinder.find(root: real, includeDrafts: false).diagnostics.contains { $0.file == "nowhere.md" })

        try blog.write("post-8.md", "---\ntitle: Rewritten\n---\nOther words.\n")
        scan = try startScan()
        XCTAssertTrue(scan.changed)
        XCTAssertEqual(Set(scan.read.map { scan.files[$0].path }), ["post-8.md"])

        // A symlink appearing in a folder that had none.
        try persist()
        unlink(blog.path + "/linked.md")
        unlink(blog.path + "/nowhere.md")
        try persist()
        try assertUnchanged("no symlink")
        try blog.link("broken.md", to: blog.path + "/gone.md")
        XCTAssertNil(try check())
        scan = try startScan()
        XCTAssertTrue(scan.changed)
        XCTAssertEqual(scan.folderDiagnostics.map(\.file), ["broken.md"])
    }

    /// Paths are hashed from SQLite's bytes and from the walk's strings alike, whatever their script or
    /// normalization.
    func testPathsBeyondASCIIAreFoundUnchanged() throws {
        try blog.write("東京-日記.md", "---\ntitle: Tokyo\n---\nA diary.\n")
        try blog.write("cafe\u{301}-nfd.md", "---\ntitle: Café, decomposed\n---\nCoffee.\n")
        try blog.write("caf\u{E9}-nfc.md", "---\ntitle: Café, composed\n---\nCoffee.\n")
        try blog.write("🙂/smile.md", "---\ntitle: Smile\n---\nEmoji folder.\n")
        try persist()
        try assertUnchanged("non-ASCII names")
        try blog.write("🙂/smile.md", "---\ntitle: Smile again\n---\nEmoji folder, rewritten.\n")
        try assertChanged(read: ["🙂/smile.md"], "emoji folder")
    }

    func testTheWalkKeepingNothingStopsWhenAsked() {
        var calls = 0
        XCTAssertNil(PostFinder.walkKeepingNothing(root: real, includeDrafts: false) { _ in calls += 1; return false })
        XCTAssertEqual(calls, 1)
        var all = 0
        XCTAssertNotNil(PostFinder.walkKeepingNothing(root: real, includeDrafts: false) { _ in all += 1; return true })
        XCTAssertEqual(all, PostFinder.find(root: real, includeDrafts: false).candidates.count)
    }

    /// The walk that keeps nothing finds what the full walk finds, in its own order.
    func testTheWalkKeepingNothingFindsWhatTheWalkFinds() {
        var found: [PostFinder.Candidate] = []
        let walked = PostFinder.walkKeepingNothing(root: real, includeDrafts: false) { found.append($0); return true }
        let full = PostFinder.find(root: real, includeDrafts: false)
        XCTAssertEqual(found.sorted { $0.path < $1.path }, full.candidates)
        XCTAssertEqual(walked?.layout, full.layout)
        XCTAssertEqual(walked?.diagnostics, full.diagnostics)
    }
}
