import BylineCore
@testable import BylineState
import BylineTestSupport
import Dispatch
import Foundation
import GRDB
import XCTest

/// The reading state's file: made whole, shared by two sessions, never trusted when foreign or torn,
/// keeping a post's state across renames, and dropping the state of posts long gone.
final class ReadingStateStoreTests: XCTestCase {
    private let day: Double = 24 * 60 * 60
    private let start: Double = 1_800_000_000

    private func key(_ slug: String, _ path: String? = nil) -> PostKey { PostKey(slug: slug, path: path ?? "\(slug).md") }
    private func entry(_ key: PostKey, _ marks: PostMarks) -> ReadingStateChange.Entry { .init(key: key, marks: marks) }

    func testNewFileIsStampedAndInWALMode() throws {
        let folder = try TempFolder()
        let path = folder.path + "/state/blog.sqlite"
        let store = try ReadingStateStore(path: path)
        XCTAssertEqual(store.journalMode(), "wal")
        XCTAssertNil(store.movedAside)
        XCTAssertNil(ReadingStateStore.problem(with: path))
        store.close()
        var mode = stat()
        XCTAssertEqual(stat(folder.path + "/state", &mode), 0)
        XCTAssertEqual(mode.st_mode & 0o777, 0o700)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".tmp-\(getpid())"))
    }

    func testMarksAndLastVisitPersistAcrossSessions() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.sqlite"
        let posts = [key("a"), key("b")]
        let first = try ReadingStateStore(path: path)
        let none = try first.start(posts: posts, now: start)
        XCTAssertNil(none.lastVisit)
        XCTAssertEqual(none.posts["a.md"], StoredPost(key: key("a"), marks: PostMarks(), firstSeen: start))
        let marks = PostMarks(read: true, saved: true, position: ReadingPosition(line: 42, width: 80), lastOpened: start + 5)
        try first.apply(ReadingStateChange([.init(key: key("a"), marks: PostMarks(read: true), opened: true)]), now: start + 5)
        // A later change that does not open the post keeps the time it was opened.
        try first.apply(ReadingStateChange([entry(key("a"), PostMarks(read: true, saved: true, position: ReadingPosition(line: 42, width: 80)))]),
                        now: start + 9)
        first.close()

        let second = try ReadingStateStore(path: path)
        let state = try second.start(posts: posts + [key("c")], now: start + day)
        XCTAssertEqual(state.lastVisit, start)
        XCTAssertEqual(state.posts, [
            "a.md": StoredPost(key: key("a"), marks: marks, firstSeen: start),
            "b.md": StoredPost(key: key("b"), marks: PostMarks(), firstSeen: start),
            "c.md": StoredPost(key: key("c"), marks: PostMarks(), firstSeen: start + day),
        ])
        XCTAssertEqual(try second.start(posts: posts, now: start + 2 * day).lastVisit, start + day)
    }

    func testARenamedFileWithItsSlugKeepsItsState() throws {
        let folder = try TempFolder()
        let store = try ReadingStateStore(path: folder.path + "/blog.sqlite")
        _ = try store.start(posts: [key("a", "2024/a.md"), key("b")], now: start)
        let read = PostMarks(read: true, position: ReadingPosition(line: 7, width: 100))
        try store.apply(ReadingStateChange([entry(key("a", "2024/a.md"), read)]), now: start)
        // A `git pull` moved the file: the same slug at another path.
        let state = try store.start(posts: [key("a", "posts/a.md"), key("b")], now: start + day)
        XCTAssertEqual(state.posts["posts/a.md"], StoredPost(key: key("a", "posts/a.md"), marks: read, firstSeen: start))
        XCTAssertNil(state.posts["2024/a.md"])
        XCTAssertEqual(Set(try store.stored().keys), ["posts/a.md", "b.md"])
    }

    func testAPostWhoseSlugChangedInPlaceKeepsItsState() throws {
        let folder = try TempFolder()
        let store = try ReadingStateStore(path: folder.path + "/blog.sqlite")
        _ = try store.start(posts: [key("old-name", "post.md")], now: start)
        try store.apply(ReadingStateChange([entry(key("old-name", "post.md"), PostMarks(saved: true))]), now: start)
        let state = try store.start(posts: [key("new-name", "post.md")], now: start + day)
        XCTAssertEqual(state.posts["post.md"], StoredPost(key: key("new-name", "post.md"), marks: PostMarks(saved: true), firstSeen: start))
        XCTAssertEqual(try store.stored()["post.md"]?.key.slug, "new-name")
    }

    func testTheSlugOfAPostStillPresentIsNotTakenByANewFile() throws {
        let folder = try TempFolder()
        let store = try ReadingStateStore(path: folder.path + "/blog.sqlite")
        _ = try store.start(posts: [key("a", "one.md")], now: start)
        try store.apply(ReadingStateChange([entry(key("a", "one.md"), PostMarks(read: true))]), now: start)
        // A second file with the same slug while the first stays: it is a new post.
        let state = try store.start(posts: [key("a", "one.md"), key("a", "two.md")], now: start + day)
        XCTAssertEqual(state.marks(of: "one.md"), PostMarks(read: true))
        XCTAssertEqual(state.posts["two.md"], StoredPost(key: key("a", "two.md"), marks: PostMarks(), firstSeen: start + day))
    }

    func testStateOfPostsGoneForThirtyDaysIsDroppedAtStart() throws {
        let folder = try TempFolder()
        let store = try ReadingStateStore(path: folder.path + "/blog.sqlite")
        _ = try store.start(posts: [key("gone"), key("kept")], now: start)
        try store.apply(ReadingStateChange([entry(key("gone"), PostMarks(read: true)), entry(key("kept"), PostMarks(read: true))]), now: start)
        // Within the bound the state of a post missing (a branch switched away) stays.
        _ = try store.start(posts: [key("kept")], now: start + 29 * day)
        XCTAssertEqual(Set(try store.stored().keys), ["gone.md", "kept.md"])
        XCTAssertEqual(ReadingStateStore.keepSeconds, 30 * day)
        let state = try store.start(posts: [key("kept")], now: start + 30 * day + 1)
        XCTAssertEqual(Set(try store.stored().keys), ["kept.md"])
        XCTAssertEqual(state.marks(of: "kept.md"), PostMarks(read: true))
    }

    func testAChangeIsWrittenWholeOrNotAtAll() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.sqlite"
        let store = try ReadingStateStore(path: path)
        _ = try store.start(posts: [key("a"), key("b")], now: start)
        // Another connection makes the write of one post fail, after the other's in the same change.
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            // `posts` has a row only for a marked post (schema 2): the first write of b's marks is an insert.
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE UPDATE ON posts WHEN NEW.path = 'b.md' BEGIN SELECT RAISE(ABORT, 'refused'); END")
            try db.execute(sql: "CREATE TRIGGER refuseNew BEFORE INSERT ON posts WHEN NEW.path = 'b.md' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        XCTAssertThrowsError(try store.apply(ReadingStateChange([entry(key("a"), PostMarks(read: true)), entry(key("b"), PostMarks(read: true))]),
                                             now: start))
        XCTAssertEqual(try store.stored()["a.md"]?.marks, PostMarks(), "the first post's write went back with the second's failure")
        try other.write { db in try db.execute(sql: "DROP TRIGGER refuse; DROP TRIGGER refuseNew") }
        try other.close()
        try store.apply(ReadingStateChange([entry(key("a"), PostMarks(read: true)), entry(key("b"), PostMarks(read: true))]), now: start)
        XCTAssertEqual(try store.stored().values.map(\.marks.read), [true, true])
    }

    func testTwoSessionsOfOneBlogWriteSafely() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.sqlite"
        let one = try ReadingStateStore(path: path)
        let two = try ReadingStateStore(path: path)
        let posts = (0..<200).map { key("p\($0)") }
        _ = try one.start(posts: posts, now: start)
        _ = try two.start(posts: posts, now: start)
        let failures = Atomic(0), now = start
        DispatchQueue.concurrentPerform(iterations: 2) { session in
            let store = session == 0 ? one : two
            for number in stride(from: session, to: 200, by: 2) {
                do {
                    try store.apply(ReadingStateChange([.init(key: posts[number], marks: PostMarks(read: true), opened: true)]),
                                    now: now + Double(number))
                } catch {
                    failures.add()
                }
            }
        }
        XCTAssertEqual(failures.value, 0)
        // Each session sees every commit of the other.
        for store in [one, two] {
            let rows = try store.stored()
            XCTAssertEqual(rows.count, 200)
            XCTAssertTrue(rows.values.allSatisfy { $0.marks.read && $0.marks.lastOpened == start + Double($0.key.slug.dropFirst())! })
        }
        one.close()
        two.close()
        XCTAssertNil(ReadingStateStore.problem(with: path))
    }

    func testAForeignOrTornFileIsMovedAsideAndReplaced() throws {
        let folder = try TempFolder()
        let damages: [(String, (String) throws -> Void)] = [
            ("garbage", { path in try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path)) }),
            ("another application's database", { path in
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in try db.execute(sql: "CREATE TABLE posts(path TEXT); INSERT INTO posts VALUES ('x')") }
                try queue.close()
            }),
            ("another version", { path in
                let queue = try DatabaseQueue(path: path)
                try queue.inDatabase { db in
                    try db.execute(sql: "PRAGMA application_id = \(StateSchema.applicationID); PRAGMA user_version = 99")
                }
                try queue.close()
            }),
            ("torn", { path in
                let store = try ReadingStateStore(path: path)
                _ = try store.start(posts: (0..<2000).map { self.key("post-\($0)") }, now: self.start)
                store.close()
                let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
                let size = try handle.seekToEnd()
                try handle.truncate(atOffset: size / 2)
                try handle.close()
            }),
        ]
        for (name, damage) in damages {
            let path = folder.path + "/\(name.filter(\.isLetter)).sqlite"
            try damage(path)
            XCTAssertNotNil(ReadingStateStore.problem(with: path), name)
            let store = try ReadingStateStore(path: path)
            let aside = try XCTUnwrap(store.movedAside, name)
            XCTAssertTrue(FileManager.default.fileExists(atPath: aside), name)
            XCTAssertEqual(try store.stored(), [:], name)
            let state = try store.start(posts: [key("a")], now: start)
            XCTAssertNil(state.lastVisit, name)
            store.close()
            XCTAssertNil(ReadingStateStore.problem(with: path), name)
        }
    }

    func testLocation() {
        XCTAssertEqual(StateLocation.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]), "/x/state/byline")
        XCTAssertEqual(StateLocation.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]), "/home/u/.local/state/byline")
        XCTAssertNil(StateLocation.defaultDirectory(environment: [:]))
        let file = StateLocation.file(forFolder: "/srv/my blog", in: "/x")
        XCTAssertTrue(file.hasPrefix("/x/my_blog-") && file.hasSuffix(".state.sqlite"), file)
        XCTAssertEqual(file, StateLocation.file(forFolder: "/srv/my blog", in: "/x"))
        XCTAssertNotEqual(file, StateLocation.file(forFolder: "/other/my blog", in: "/x"))
        XCTAssertTrue(StateLocation.isInside("/srv/blog", folder: "/srv/blog"))
        XCTAssertTrue(StateLocation.isInside("/srv/blog/.state", folder: "/srv/blog/"))
        XCTAssertFalse(StateLocation.isInside("/srv/blog-state", folder: "/srv/blog"))
    }
}

/// A counter several threads add to.
private final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ count: Int) { self.count = count }
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
