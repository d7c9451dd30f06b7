@testable import BylineRuntime
import BylineTestSupport
import Foundation
import Synchronization
import XCTest

/// The folder watch: a burst of events is one signal, events after a quiet gap another (times handed
/// in, nothing waits); and the watch itself, on a real folder, signals for a post written, for one in a
/// folder made after it started, not for a hidden file, and stops cleanly.
final class FolderWatchTests: XCTestCase {
    func testABurstIsOneSignalAndEventsAfterAQuietGapAnother() {
        var burst = BurstCoalescer()
        XCTAssertNil(burst.due, "nothing under way: no deadline")
        XCTAssertFalse(burst.fire(at: 0))
        // A thousand events 1 ms apart, each inside the quiet pause: the signal waits for the longest.
        var signals = 0
        for event in 0..<1_000 {
            let now = 10 + Double(event) * 0.001
            if burst.fire(at: now) { signals += 1 }
            burst.event(at: now)
        }
        XCTAssertEqual(signals, 1, "bounded: at most longestSeconds after the first event")
        // The events after it are the next burst, signalled a quiet pause after the last.
        XCTAssertEqual(burst.due ?? 0, 10.999 + BurstCoalescer.quietSeconds, accuracy: 1e-6)
        XCTAssertFalse(burst.fire(at: 11.1))
        XCTAssertTrue(burst.fire(at: 11.2))
        XCTAssertFalse(burst.fire(at: 11.3), "once per burst")

        // A few events close together: one signal, a quiet pause after the last.
        burst.event(at: 20)
        burst.event(at: 20.1)
        XCTAssertEqual(burst.due ?? 0, 20.1 + BurstCoalescer.quietSeconds, accuracy: 1e-9)
        XCTAssertFalse(burst.fire(at: 20.2))
        XCTAssertTrue(burst.fire(at: 20.3))
        // After a quiet gap, a second.
        burst.event(at: 25)
        XCTAssertTrue(burst.fire(at: 25.2))
    }

    func testWhatMatters() {
        XCTAssertTrue(FolderWatch.matters("post.md"))
        XCTAssertTrue(FolderWatch.matters(""), "the folder itself")
        XCTAssertFalse(FolderWatch.matters(".post.md.swp"))
        XCTAssertFalse(FolderWatch.matters("post.md~"))
        XCTAssertFalse(FolderWatch.matters("node_modules"))
    }

    func testTheWatchSignalsForPostsNotForHiddenFilesAndStops() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\n---\nA\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/.git", withIntermediateDirectories: true)
        let signals = Signals()
        let watch = FolderWatch(folder: folder.path, changed: signals.add)
        defer { watch.stop() }
        try waitForWatches(folder.path)
        try folder.write("b.md", "---\ntitle: B\n---\nB\n")
        XCTAssertTrue(signals.wait(for: 1))
        XCTAssertEqual(signals.named.last, .paths(["b.md"]), "the file the burst named, relative to the folder")
        // A folder made after the start is watched too.
        try FileManager.default.createDirectory(atPath: folder.path + "/2026/12", withIntermediateDirectories: true)
        XCTAssertTrue(signals.wait(for: 2))
        XCTAssertEqual(signals.named.last, .everything, "a folder made: the whole folder is read again")
        try folder.write("2026/12/c.md", "---\ntitle: C\n---\nC\n")
        XCTAssertTrue(signals.wait(for: 3))
        XCTAssertEqual(signals.named.last, .paths(["2026/12/c.md"]))
        // Nothing under hidden folders is watched and hidden files are passed over; a post then still signals.
        try folder.write(".git/index", "x")
        try folder.write(".draft.swp", "x")
        try folder.write("d.md", "---\ntitle: D\n---\nD\n")
        XCTAssertTrue(signals.wait(for: 4))
        XCTAssertEqual(signals.named.last, .paths(["d.md"]), "hidden files are not named")
        watch.stop()
        let stopped = signals.count
        try folder.write("e.md", "---\ntitle: E\n---\nE\n")
        XCTAssertFalse(signals.wait(for: stopped + 1, seconds: 1.5), "nothing after stop")
    }

    func testAHugoSiteIsWatchedInItsContentFolder() throws {
        let folder = try TempFolder()
        try folder.write("hugo.toml", "title = 'x'\n")
        try folder.write("content/posts/a.md", "---\ntitle: A\n---\nA\n")
        try folder.write("public/index.html", "<p>built</p>")
        let signals = Signals()
        let watch = FolderWatch(folder: folder.path, changed: signals.add)
        defer { watch.stop() }
        try waitForWatches(folder.path)
        try folder.write("content/posts/b.md", "---\ntitle: B\n---\nB\n")
        XCTAssertTrue(signals.wait(for: 1))
        XCTAssertEqual(signals.named.last, .paths(["content/posts/b.md"]))
        try folder.write("hugo.toml", "title = 'y'\n")
        XCTAssertTrue(signals.wait(for: 2), "the site's configuration beside it")
        XCTAssertEqual(signals.named.last, .everything, "the configuration may change the layout")
    }

    func testWithoutInotifyTheStampsAreComparedAndSaidWhy() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\n---\nA\n")
        let signals = Signals()
        let reports = Mutex<[String]>([])
        let watch = FolderWatch(folder: folder.path, useInotify: false, changed: signals.add,
                                report: { line in reports.withLock { $0.append(line) } })
        defer { watch.stop() }
        XCTAssertTrue(waitUntil { !reports.withLock { $0 }.isEmpty })
        XCTAssertEqual(reports.withLock { $0 }.count, 1)
        XCTAssertTrue(reports.withLock { $0 }[0].contains("stamps every 3 s"), reports.withLock { $0 }[0])
        try folder.write("b.md", "---\ntitle: B\n---\nB\n")
        XCTAssertTrue(signals.wait(for: 1, seconds: 10))
        XCTAssertEqual(signals.named.last, .everything, "stamps name no file")
        // A file touched alone (same name, same size) and, in a folder with a symlink (walked whole), a file rewritten.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: folder.path + "/a.md")
        XCTAssertTrue(signals.wait(for: 2, seconds: 10), "touched")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/c.md", withDestinationPath: folder.path + "/b.md")
        XCTAssertTrue(signals.wait(for: 3, seconds: 10), "a symlink added")
        try folder.write("b.md", "---\ntitle: B again\n---\nB\n")
        XCTAssertTrue(signals.wait(for: 4, seconds: 10), "rewritten beside a symlink")
    }

    func testNamedPathsAddUpToABound() {
        let few = ChangedPaths.paths(["a.md"]).merged(with: .paths(["b.md", "a.md"]))
        XCTAssertEqual(few, .paths(["a.md", "b.md"]))
        XCTAssertEqual(few.merged(with: .everything), .everything)
        XCTAssertEqual(ChangedPaths.everything.merged(with: few), .everything)
        let many = ChangedPaths.paths(Set((0..<ChangedPaths.mostPaths).map { "\($0).md" }))
        XCTAssertEqual(many.merged(with: .paths(["0.md"])), many, "at the bound: still named")
        XCTAssertEqual(many.merged(with: .paths(["one-more.md"])), .everything, "past it: everything")
        let pending = PendingChanges()
        XCTAssertNil(pending.take())
        pending.add(.paths(["a.md"]))
        pending.add(.paths(["b.md"]))
        XCTAssertEqual(pending.take(), .paths(["a.md", "b.md"]))
        XCTAssertNil(pending.take(), "taken once")
        XCTAssertEqual(FolderWatch.relative("/blog/2026/a.md", to: "/blog"), "2026/a.md")
        XCTAssertNil(FolderWatch.relative("/blogs/a.md", to: "/blog"))
    }

    /// The watch adds its watches on its own thread: a write before that would go unseen (by design, the
    /// reader reads the folder after the start anyway). Waits until the process holds an inotify watch
    /// on the folder (`/proc/self/fdinfo`).
    private func waitForWatches(_ path: String) throws {
        XCTAssertTrue(waitUntil {
            let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fdinfo")) ?? []
            return descriptors.contains { name in
                ((try? String(contentsOfFile: "/proc/self/fdinfo/" + name, encoding: .utf8)) ?? "").contains("inotify wd:")
            }
        })
    }

    private func waitUntil(seconds: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(1000)
        }
        return true
    }
}

/// Signals counted, for waiting on them.
private final class Signals: Sendable {
    private let counted = Mutex<[ChangedPaths]>([])
    var count: Int { counted.withLock { $0.count } }
    /// What each signal named.
    var named: [ChangedPaths] { counted.withLock { $0 } }
    @Sendable func add(_ changes: ChangedPaths) { counted.withLock { $0.append(changes) } }
    /// Whether `count` reaches `wanted` within `seconds` (a deadline against hangs, not a timing claim).
    func wait(for wanted: Int, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while count < wanted {
            if Date() > deadline { return false }
            usleep(1000)
        }
        return true
    }
}
