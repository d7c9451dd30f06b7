import BylineCore
import BylineIndex
import BylineMarkdown
@testable import BylineRuntime
import BylineTestSupport
import Foundation
import XCTest

/// Live reload through the whole reader in-process: the runtime watches a real folder, a post added
/// shows in the list with the selection kept, an edit of the open post shows in the reader, and a
/// refresh asked for while one runs runs after it (no change is lost).
final class LiveReloadRuntimeTests: XCTestCase {
    func testAPostAddedShowsAndAnEditOfTheOpenPostShowsInTheReader() throws {
        let folder = try TempFolder()
        try folder.write("alpha.md", "---\ntitle: Alpha\ndate: 2024-01-02\n---\nAlpha's first words.\n")
        try folder.write("beta.md", "---\ntitle: Beta\ndate: 2024-01-01\n---\nBeta's own words.\n")
        let blog = CachedBlog(root: folder.path, includeDrafts: false, inspector: CmarkBodyInspector(),
                              policy: .init(path: nil, writable: false))
        let store = try blog.freshStore(startingFrom: nil)
        let harness = RuntimeHarness(store: store, performers: .live(blog: blog), start: .refresh,
                                     watching: FolderWatching(folder: folder.path))
        defer { harness.stop() }
        harness.waitForScreen(containing: "Alpha's first words.")
        harness.settle()
        try waitForWatch()
        try folder.write("gamma.md", "---\ntitle: Gamma\ndate: 2024-01-03\n---\nGamma's words.\n")
        harness.waitForScreen(containing: "Gamma")
        harness.waitForScreen(containing: "1 new post")
        XCTAssertTrue(harness.backend.text.contains("Alpha's first words."), "the selection stays on Alpha:\n\(harness.backend.text)")

        harness.backend.feed(.key(.enter))
        harness.waitForScreen(containing: "line 1")
        // Saved the way editors save: a new file renamed over the old.
        try folder.write(".alpha.md.tmp", "---\ntitle: Alpha\ndate: 2024-01-02\n---\nAlpha's second words.\n")
        XCTAssertEqual(rename(folder.path + "/.alpha.md.tmp", folder.path + "/alpha.md"), 0)
        harness.waitForScreen(containing: "Alpha's second words.")
        harness.waitForScreen(containing: "1 post changed")
    }

    func testARefreshAskedForWhileOneRunsRunsAfterIt() throws {
        let gate = Gates<Int>(holding: [1])
        let runs = Counter()
        let performers = Performers(blog: { refresh, _ in
            XCTAssertTrue(refresh)
            gate.pass(runs.next())
        })
        let harness = RuntimeHarness(store: try RuntimeHarness.shippedStore(), performers: performers, start: .refresh)
        defer {
            gate.release(1)
            harness.stop()
        }
        XCTAssertTrue(harness.waitUntil { gate.hasArrived(1) })
        // Two changes while the first refresh runs: one more refresh after it, not two at once, none lost.
        for _ in 0..<2 {
            let frames = harness.backend.frames
            harness.runtime.post(.folderChanged)
            XCTAssertTrue(harness.waitUntil { harness.backend.frames > frames && harness.backend.isWaiting }, "the change was never taken")
        }
        XCTAssertEqual(runs.value, 1, "nothing started beside the running refresh")
        gate.release(1)
        XCTAssertTrue(harness.waitUntil { runs.value == 2 })
        harness.settle()
        XCTAssertEqual(runs.value, 2, "two changes while it ran: one refresh after it")
    }

    func testWithoutInotifyVerboseSaysSoOnceAndTheStampsStillReload() throws {
        let folder = try TempFolder()
        try folder.write("alpha.md", "---\ntitle: Alpha\ndate: 2024-01-02\n---\nAlpha's words.\n")
        let blog = CachedBlog(root: folder.path, includeDrafts: false, inspector: CmarkBodyInspector(),
                              policy: .init(path: nil, writable: false))
        let reports = Counter()
        let watching = FolderWatching(folder: folder.path, verbose: true, useInotify: false, report: { line in
            if line.contains("stamps every 3 s") { _ = reports.next() }
        })
        let harness = RuntimeHarness(store: try blog.freshStore(startingFrom: nil), performers: .live(blog: blog), start: .refresh,
                                     watching: watching)
        defer { harness.stop() }
        harness.waitForScreen(containing: "by its stamps every 3 s")
        harness.settle()
        try folder.write("beta.md", "---\ntitle: Beta\ndate: 2024-01-03\n---\nBeta's words.\n")
        harness.waitForScreen(containing: "1 new post")
        XCTAssertEqual(reports.value, 1, "said once")
    }

    private func waitForWatch() throws {
        let deadline = Date().addingTimeInterval(RuntimeHarness.hangSeconds)
        while Date() < deadline {
            let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fdinfo")) ?? []
            if descriptors.contains(where: { ((try? String(contentsOfFile: "/proc/self/fdinfo/" + $0, encoding: .utf8)) ?? "").contains("inotify wd:") }) {
                return
            }
            usleep(1000)
        }
        XCTFail("the folder was never watched")
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func next() -> Int { lock.withLock { count += 1; return count } }
}
