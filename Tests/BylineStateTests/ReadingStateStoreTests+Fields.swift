import BylineCore
@testable import BylineState
import BylineTestSupport
import Dispatch
import Foundation
import GRDB
import Synchronization
import XCTest

/// Two sessions of one visitor on one state file: each change writes only its own fields of a post,
/// so one session saving a post and the other reading it both stand; a writer waits for another's
/// short transaction instead of failing.
extension ReadingStateStoreTests {
    private var now: Double { 1_800_000_000 }
    private func post(_ slug: String) -> PostKey { PostKey(slug: slug, path: "\(slug).md") }

    /// Two stores on one new file, both started on `posts`.
    private func twoSessions(_ folder: TempFolder, posts: [PostKey]) throws -> (ReadingStateStore, ReadingStateStore) {
        let path = folder.path + "/blog.sqlite"
        let one = try ReadingStateStore(path: path)
        let two = try ReadingStateStore(path: path)
        _ = try one.start(posts: posts, now: now)
        _ = try two.start(posts: posts, now: now)
        return (one, two)
    }

    func testOneSessionSavingAndAnotherReadingOnePostBothStand() throws {
        let folder = try TempFolder()
        let (one, two) = try twoSessions(folder, posts: [post("a")])
        // Each session knows only its own change: session 2 still thinks the post unsaved, session 1 unread.
        try one.apply(ReadingStateChange([.init(key: post("a"), marks: PostMarks(saved: true), fields: .saved)]), now: now + 1)
        try two.apply(ReadingStateChange([.init(key: post("a"), marks: PostMarks(read: true), fields: .read, opened: true)]), now: now + 2)
        // Interleaved the other way round, on the same post: unsave in 2, position in 1.
        try two.apply(ReadingStateChange([.init(key: post("a"), marks: PostMarks(read: true), fields: .saved)]), now: now + 3)
        try one.apply(ReadingStateChange([.init(key: post("a"), marks: PostMarks(saved: true, position: ReadingPosition(line: 12, width: 80)),
                                                fields: .position)]), now: now + 4)
        try one.apply(ReadingStateChange([.init(key: post("a"), marks: PostMarks(saved: true), fields: .saved)]), now: now + 5)
        for store in [one, two] {
            XCTAssertEqual(try store.stored()["a.md"]?.marks,
                           PostMarks(read: true, saved: true, position: ReadingPosition(line: 12, width: 80), lastOpened: now + 2))
        }
        one.close()
        two.close()
    }

    func testThePositionOfOnePostAndTheReadMarkOfAnotherBothStand() throws {
        let folder = try TempFolder()
        let (one, two) = try twoSessions(folder, posts: [post("a"), post("b")])
        try one.apply(ReadingStateChange([.init(key: post("a"), marks: PostMarks(read: true, position: ReadingPosition(line: 40, width: 120)),
                                                fields: .position)]), now: now + 1)
        try two.apply(ReadingStateChange([.init(key: post("b"), marks: PostMarks(read: true), fields: .read)]), now: now + 1)
        // Session 2 marks the first read too, knowing nothing of its position: the position stays.
        try two.apply(ReadingStateChange([.init(key: post("a"), marks: PostMarks(read: true), fields: .read)]), now: now + 2)
        let rows = try one.stored()
        XCTAssertEqual(rows["a.md"]?.marks, PostMarks(read: true, position: ReadingPosition(line: 40, width: 120)))
        XCTAssertEqual(rows["b.md"]?.marks, PostMarks(read: true))
        one.close()
        two.close()
    }

    func testAPostWithoutARowGetsItsMarksAsTheSessionKnowsThem() throws {
        let folder = try TempFolder()
        let (one, two) = try twoSessions(folder, posts: [])
        let marks = PostMarks(read: true, saved: true, position: ReadingPosition(line: 3, width: 60))
        try one.apply(ReadingStateChange([.init(key: post("new"), marks: marks, fields: .read)]), now: now)
        XCTAssertEqual(try two.stored()["new.md"], StoredPost(key: post("new"), marks: marks, firstSeen: now))
        one.close()
        two.close()
    }

    func testAWriterWaitsForAnotherSessionsTransactionInsteadOfFailing() throws {
        let folder = try TempFolder()
        let (one, two) = try twoSessions(folder, posts: [post("a"), post("b")])
        // Another connection holds the write lock a moment (a session in its own short transaction).
        let holder = try DatabaseQueue(path: folder.path + "/blog.sqlite")
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                // Schema 2 keeps rows of marked posts only: b.md gets its row by this write.
                try db.execute(sql: """
                    INSERT INTO posts(path, slug, saved, last_seen) VALUES ('b.md', 'b', 1, 0)
                    ON CONFLICT(path) DO UPDATE SET saved = 1
                    """)
                locked.signal()
                release.wait()
                try db.execute(sql: "COMMIT")
            }
            finished.signal()
        }
        locked.wait()
        let writer = DispatchQueue(label: "writer")
        let failure = Mutex<String?>(nil)
        let wrote = DispatchSemaphore(value: 0)
        let change = ReadingStateChange([.init(key: post("a"), marks: PostMarks(read: true), fields: .read)]), at = now + 1
        writer.async {
            do {
                try one.apply(change, now: at)
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            wrote.signal()
        }
        // The writer is blocked behind the lock (it cannot have written: the lock is still held);
        // released a little later, it goes on.
        usleep(200_000)
        XCTAssertEqual(try two.stored()["a.md"]?.marks.read, false, "not written while the other transaction holds the lock")
        release.signal()
        wrote.wait()
        finished.wait()
        XCTAssertNil(failure.withLock { $0 }, "the write waited and went through")
        let rows = try two.stored()
        XCTAssertEqual(rows["a.md"]?.marks.read, true)
        XCTAssertEqual(rows["b.md"]?.marks.saved, true, "the other session's transaction stands too")
        try holder.close()
        one.close()
        two.close()
    }

    func testEachSetOfFieldsWritesOnlyItsColumns() {
        XCTAssertTrue(ReadingStateStore.upsert(.read).contains("read = excluded.read"))
        XCTAssertFalse(ReadingStateStore.upsert(.read).contains("saved = excluded.saved"))
        XCTAssertFalse(ReadingStateStore.upsert(.saved).contains("line = excluded.line"))
        XCTAssertTrue(ReadingStateStore.upsert(.position).contains("width = excluded.width"))
        XCTAssertFalse(ReadingStateStore.upsert(.position).contains("read = excluded.read"))
    }
}
