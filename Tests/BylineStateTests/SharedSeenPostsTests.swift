import BylineCore
@testable import BylineState
import BylineTestSupport
import Dispatch
import Foundation
import GRDB
import XCTest

/// Schema 2: a visitor's file keeps what they did (marks, last visit) and the posts the blog has shown
/// are in one file per blog shared by every visitor; so a visitor's file stays small at 100,000
/// posts, "new since your last visit" is each visitor's own, renames and 30-day drops hold in both
/// tables, a version-1 file is migrated in place, and a foreign or torn shared file is replaced.
final class SharedSeenPostsTests: XCTestCase {
    private let day: Double = 24 * 60 * 60
    private let start: Double = 1_800_000_000
    /// A visitor's bound (`VisitorStatePolicy.maximumBytesPerVisitor`).
    private let visitorBound = StoreBound(bytes: 4 * 1024 * 1024)

    private func key(_ slug: String, _ path: String? = nil) -> PostKey { PostKey(slug: slug, path: path ?? "\(slug).md") }

    /// A visitor's store: their own bounded file, the blog's shared seen file.
    private func visitor(_ name: String, in folder: TempFolder) throws -> ReadingStateStore {
        try ReadingStateStore(path: folder.path + "/visitors/\(name)/blog.state.sqlite", bound: visitorBound,
                              seenPath: folder.path + "/visitors/blog.seen.sqlite")
    }

    /// How many posts the welcome line counts new (as `reduce` counts them on `.readingStateLoaded`).
    private func newCount(_ state: ReadingState) -> Int? {
        state.lastVisit.map { last in state.posts.values.filter { $0.firstSeen > last }.count }
    }

    private func bytes(of path: String) -> Int {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
    }

    private func count(_ sql: String, in path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    func testAVisitorsFileStaysSmallAtOneHundredThousandPosts() throws {
        let folder = try TempFolder()
        let posts = (0..<100_000).map { key("post-\($0)", "posts/\($0 / 1000)/a-long-enough-post-name-\($0).md") }
        let store = try visitor("a", in: folder)
        let first = try store.start(posts: posts, now: start)
        XCTAssertEqual(first.posts.count, 100_000)
        XCTAssertNil(first.lastVisit)
        try store.apply(ReadingStateChange((0..<5).map {
            .init(key: posts[$0], marks: PostMarks(read: true, position: ReadingPosition(line: $0, width: 80)), opened: true)
        }), now: start + 10)
        try store.apply(ReadingStateChange([.init(key: posts[99_999], marks: PostMarks(saved: true))]), now: start + 20)
        // The second visit, a day later: every sighting's hourly refresh is the shared file's, not the visitor's.
        let second = try store.start(posts: posts, now: start + day)
        XCTAssertEqual(second.lastVisit, start)
        XCTAssertEqual(newCount(second), 0)
        XCTAssertEqual(second.marks(of: posts[3].path).position, ReadingPosition(line: 3, width: 80))
        XCTAssertEqual(second.marks(of: posts[99_999].path), PostMarks(saved: true))
        store.close()
        let own = folder.path + "/visitors/a/blog.state.sqlite"
        XCTAssertLessThan(bytes(of: own), 256 * 1024, "the visitor's file holds what they did, not the blog")
        XCTAssertEqual(try count("SELECT COUNT(*) FROM posts", in: own), 6)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen", in: own), 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen", in: folder.path + "/visitors/blog.seen.sqlite"), 100_000)
    }

    func testNewSinceTheLastVisitIsEachVisitorsOwnWithASharedFile() throws {
        let folder = try TempFolder()
        let posts = [key("a"), key("b")]
        let visitorA = try visitor("a", in: folder), visitorB = try visitor("b", in: folder)
        XCTAssertNil(newCount(try visitorA.start(posts: posts, now: start)))
        XCTAssertNil(newCount(try visitorB.start(posts: posts, now: start + 60)))
        XCTAssertEqual(newCount(try visitorA.start(posts: posts, now: start + 3600)), 0)
        // A post arrives; B is the first to visit after it, then A: each counts it new once.
        let more = posts + [key("c")]
        let seenByB = try visitorB.start(posts: more, now: start + day)
        XCTAssertEqual(newCount(seenByB), 1)
        XCTAssertEqual(seenByB.posts["c.md"]?.firstSeen, start + day)
        let seenByA = try visitorA.start(posts: more, now: start + 2 * day)
        XCTAssertEqual(newCount(seenByA), 1, "first seen by B, after A's last visit: new for A too")
        XCTAssertEqual(seenByA.posts["c.md"]?.firstSeen, start + day)
        XCTAssertEqual(newCount(try visitorB.start(posts: more, now: start + 3 * day)), 0)
        XCTAssertEqual(newCount(try visitorA.start(posts: more, now: start + 3 * day + 60)), 0)
        // A visitor whose first visit is after it: nothing new (a first visit is not welcomed back).
        let visitorC = try visitor("c", in: folder)
        XCTAssertNil(newCount(try visitorC.start(posts: more, now: start + 4 * day)))
        for store in [visitorA, visitorB, visitorC] { store.close() }
    }

    func testASharedFileRemovedOrReplacedMakesNoPostNewToAReturningVisitor() throws {
        let folder = try TempFolder()
        let shared = folder.path + "/visitors/blog.seen.sqlite"
        var store = try visitor("a", in: folder)
        XCTAssertEqual(try store.start(posts: [key("a")], now: start).posts["a.md"]?.firstSeen, SeenPosts.beforeAnyVisit)
        XCTAssertEqual(newCount(try store.start(posts: [key("a"), key("b")], now: start + day)), 1)
        store.close()
        for suffix in ["", "-wal", "-shm"] { unlink(shared + suffix) }
        // The next session makes a new file: what it finds was there before anyone's last visit.
        store = try visitor("a", in: folder)
        XCTAssertEqual(newCount(try store.start(posts: [key("a"), key("b")], now: start + 2 * day)), 0)
        XCTAssertEqual(newCount(try store.start(posts: [key("a"), key("b"), key("c")], now: start + 3 * day)), 1)
        store.close()
    }

    func testARenameKeepsMarksAndFirstSightingForEveryVisitor() throws {
        let folder = try TempFolder()
        let visitorA = try visitor("a", in: folder), visitorB = try visitor("b", in: folder)
        // The blog had a post before these two (the shared file is not new: a and b are first seen now).
        _ = try visitorA.start(posts: [key("z")], now: start - day)
        _ = try visitorA.start(posts: [key("a", "2024/a.md"), key("b")], now: start)
        _ = try visitorB.start(posts: [key("a", "2024/a.md"), key("b")], now: start)
        let read = PostMarks(read: true, position: ReadingPosition(line: 7, width: 100))
        try visitorA.apply(ReadingStateChange([.init(key: key("a", "2024/a.md"), marks: read)]), now: start)
        // A `git pull` moved the file: the same slug at another path. Not new, and A's marks follow it.
        let moved = [key("a", "posts/a.md"), key("b")]
        let stateA = try visitorA.start(posts: moved, now: start + day)
        XCTAssertEqual(stateA.posts["posts/a.md"], StoredPost(key: key("a", "posts/a.md"), marks: read, firstSeen: start))
        XCTAssertEqual(newCount(stateA), 0)
        let stateB = try visitorB.start(posts: moved, now: start + day + 60)
        XCTAssertEqual(stateB.posts["posts/a.md"], StoredPost(key: key("a", "posts/a.md"), marks: PostMarks(), firstSeen: start))
        XCTAssertEqual(newCount(stateB), 0)
        XCTAssertEqual(Set(try visitorA.stored().keys), ["posts/a.md", "b.md", "z.md"], "2024/a.md moved, z gone less than 30 days")
        XCTAssertEqual(try visitorA.stored()["posts/a.md"]?.marks, read)
        // A slug changed in place keeps the marks too.
        let state = try visitorA.start(posts: [key("new-a", "posts/a.md"), key("b")], now: start + 2 * day)
        XCTAssertEqual(state.marks(of: "posts/a.md"), read)
        XCTAssertEqual(try visitorB.stored()["posts/a.md"]?.key.slug, "new-a")
        visitorA.close()
        visitorB.close()
    }

    func testMarksAndSightingsOfPostsGoneThirtyDaysAreDroppedInBothTables() throws {
        let folder = try TempFolder()
        let store = try visitor("a", in: folder)
        _ = try store.start(posts: [key("gone"), key("kept")], now: start)
        try store.apply(ReadingStateChange([.init(key: key("gone"), marks: PostMarks(read: true)),
                                            .init(key: key("kept"), marks: PostMarks(read: true))]), now: start)
        _ = try store.start(posts: [key("kept")], now: start + 29 * day)
        XCTAssertEqual(Set(try store.stored().keys), ["gone.md", "kept.md"])
        XCTAssertEqual(try store.stored()["gone.md"]?.marks, PostMarks(read: true))
        let state = try store.start(posts: [key("kept")], now: start + 30 * day + 1)
        XCTAssertEqual(Set(try store.stored().keys), ["kept.md"])
        XCTAssertEqual(state.marks(of: "kept.md"), PostMarks(read: true))
        store.close()
        let own = folder.path + "/visitors/a/blog.state.sqlite", shared = folder.path + "/visitors/blog.seen.sqlite"
        XCTAssertEqual(try count("SELECT COUNT(*) FROM posts WHERE path = 'gone.md'", in: own), 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen WHERE path = 'gone.md'", in: shared), 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen", in: shared), 1)

        // The same in a reader's own file, where both tables are.
        let local = try ReadingStateStore(path: folder.path + "/local.state.sqlite")
        _ = try local.start(posts: [key("gone"), key("kept"), key("never-marked")], now: start)
        try local.apply(ReadingStateChange([.init(key: key("gone"), marks: PostMarks(saved: true))]), now: start)
        _ = try local.start(posts: [key("kept")], now: start + 30 * day + 1)
        local.close()
        XCTAssertEqual(try count("SELECT COUNT(*) FROM posts", in: folder.path + "/local.state.sqlite"), 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen", in: folder.path + "/local.state.sqlite"), 1)
    }

    func testAMarkTakenBackLeavesNoRowAtTheNextStart() throws {
        let folder = try TempFolder()
        let store = try visitor("a", in: folder)
        _ = try store.start(posts: [key("a")], now: start)
        try store.apply(ReadingStateChange([.init(key: key("a"), marks: PostMarks(read: true))]), now: start)
        try store.apply(ReadingStateChange([.init(key: key("a"), marks: PostMarks())]), now: start + 1)
        XCTAssertEqual(try store.start(posts: [key("a")], now: start + 2).marks(of: "a.md"), PostMarks())
        store.close()
        XCTAssertEqual(try count("SELECT COUNT(*) FROM posts", in: folder.path + "/visitors/a/blog.state.sqlite"), 0)
    }

    /// A version-1 file as version 1 made it: a row per post shown, marked or not.
    private func makeVersion1File(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try db.execute(sql: StateSchema.version1SQL)
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: """
                INSERT INTO meta(key, value) VALUES ('last_visit', '\(start + day)');
                INSERT INTO posts(path, slug, read, saved, line, width, opened, first_seen, last_seen) VALUES
                    ('read.md', 'read', 1, 0, NULL, NULL, \(start + 5), \(start), \(start + day)),
                    ('saved.md', 'saved', 0, 1, 12, 80, NULL, \(start + 10), \(start + day)),
                    ('plain.md', 'plain', 0, 0, NULL, NULL, NULL, \(start + 20), \(start + day));
                """)
        }
        try queue.close()
    }

    func testAVersion1FileIsMigratedInPlace() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.state.sqlite"
        try makeVersion1File(path)
        XCTAssertNil(ReadingStateStore.problem(with: path), "a version-1 file is not foreign: it is migrated")
        let store = try ReadingStateStore(path: path)
        XCTAssertNil(store.movedAside)
        XCTAssertEqual(try store.stored(), [
            "read.md": StoredPost(key: key("read"), marks: PostMarks(read: true, lastOpened: start + 5), firstSeen: start),
            "saved.md": StoredPost(key: key("saved"), marks: PostMarks(saved: true, position: ReadingPosition(line: 12, width: 80)),
                                   firstSeen: start + 10),
            "plain.md": StoredPost(key: key("plain"), marks: PostMarks(), firstSeen: start + 20),
        ])
        let state = try store.start(posts: [key("read"), key("saved"), key("plain"), key("new")], now: start + 2 * day)
        XCTAssertEqual(state.lastVisit, start + day)
        XCTAssertEqual(newCount(state), 1)
        store.close()
        XCTAssertEqual(try count("PRAGMA user_version", in: path), 2)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM posts", in: path), 2, "only marked posts keep a row")
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen", in: path), 4)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.contains(".bad-") })
        XCTAssertNil(ReadingStateStore.problem(with: path))
    }

    func testAVisitorsVersion1FileIsMigratedAndItsSightingsMovedToTheSharedFile() throws {
        let folder = try TempFolder()
        let own = folder.path + "/visitors/a/blog.state.sqlite", shared = folder.path + "/visitors/blog.seen.sqlite"
        try makeVersion1File(own)
        let store = try visitor("a", in: folder)
        XCTAssertNil(store.movedAside)
        let state = try store.start(posts: [key("read"), key("saved"), key("plain")], now: start + 2 * day)
        XCTAssertEqual(state.lastVisit, start + day)
        XCTAssertEqual(state.posts["plain.md"]?.firstSeen, start + 20)
        XCTAssertEqual(state.marks(of: "saved.md"), PostMarks(saved: true, position: ReadingPosition(line: 12, width: 80)))
        store.close()
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen", in: own), 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen", in: shared), 3)
    }

    func testAForeignOrTornSharedFileIsMovedAsideAndReplaced() throws {
        let folder = try TempFolder()
        let damages: [(String, (String) throws -> Void)] = [
            ("garbage", { path in try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path)) }),
            ("another application's database", { path in
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in try db.execute(sql: "CREATE TABLE seen(path TEXT); INSERT INTO seen VALUES ('x')") }
                try queue.close()
            }),
            ("a visitor's state file", { path in
                let store = try ReadingStateStore(path: path)
                _ = try store.start(posts: [self.key("x")], now: self.start)
                store.close()
            }),
            ("torn", { path in
                let store = try ReadingStateStore(path: path + ".own", seenPath: path)
                _ = try store.start(posts: (0..<2000).map { self.key("post-\($0)") }, now: self.start)
                store.close()
                let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
                let size = try handle.seekToEnd()
                try handle.truncate(atOffset: size / 2)
                try handle.close()
            }),
        ]
        for (name, damage) in damages {
            let shared = folder.path + "/\(name.filter(\.isLetter)).seen.sqlite"
            try damage(shared)
            XCTAssertNotNil(SeenSchema.opening.problem(with: shared), name)
            let store = try ReadingStateStore(path: folder.path + "/\(name.filter(\.isLetter))/blog.state.sqlite", seenPath: shared)
            let aside = try XCTUnwrap(store.seenMovedAside, name)
            XCTAssertTrue(FileManager.default.fileExists(atPath: aside), name)
            XCTAssertNil(store.movedAside, name)
            XCTAssertEqual(try store.stored(), [:], name)
            let state = try store.start(posts: [key("a")], now: start)
            XCTAssertEqual(state.posts["a.md"]?.firstSeen, SeenPosts.beforeAnyVisit, name)
            store.close()
            XCTAssertNil(SeenSchema.opening.problem(with: shared), name)
            XCTAssertEqual(try count("PRAGMA application_id", in: shared), Int(SeenSchema.applicationID), name)
            XCTAssertEqual(try count("PRAGMA user_version", in: shared), Int(SeenSchema.version), name)
        }
    }

    func testANewSharedFileIsStampedAndInWALModeAndHoldsNoVisitorData() throws {
        let folder = try TempFolder()
        let store = try visitor("a", in: folder)
        _ = try store.start(posts: [key("a")], now: start)
        try store.apply(ReadingStateChange([.init(key: key("a"), marks: PostMarks(read: true), opened: true)]), now: start)
        let shared = folder.path + "/visitors/blog.seen.sqlite"
        XCTAssertNil(SeenSchema.opening.problem(with: shared))
        let queue = try DatabaseQueue(path: shared)
        let (mode, tables) = try queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        }
        try queue.close()
        store.close()
        XCTAssertEqual(mode, "wal")
        XCTAssertEqual(tables, ["seen"], "post paths and times, nothing of a visitor")
        XCTAssertFalse(FileManager.default.fileExists(atPath: shared + ".tmp-\(getpid())"))
    }

    func testTwentyVisitorsStartingAtOnceAllKeepTheirState() throws {
        let folder = try TempFolder()
        let posts = (0..<20_000).map { key("post-\($0)") }
        let stores = try (0..<20).map { try visitor("v\($0)", in: folder) }
        let failures = Failures(), start = self.start
        DispatchQueue.concurrentPerform(iterations: stores.count) { number in
            do {
                _ = try stores[number].start(posts: posts, now: start + Double(number))
                try stores[number].apply(ReadingStateChange([.init(key: posts[number], marks: PostMarks(read: true))]), now: start + 100)
            } catch {
                failures.add("\(number): \(error)")
            }
        }
        XCTAssertEqual(failures.all, [])
        for (number, store) in stores.enumerated() {
            let state = try store.start(posts: posts, now: start + day)
            XCTAssertEqual(state.posts.values.filter(\.marks.read).map(\.key.path), [posts[number].path])
            XCTAssertEqual(newCount(state), 0)
            store.close()
        }
        XCTAssertEqual(try count("SELECT COUNT(*) FROM seen", in: folder.path + "/visitors/blog.seen.sqlite"), 20_000)
    }
}

/// Errors several threads add to.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
