import BylineCore
import BylineState
import BylineTestSupport
import Foundation
import XCTest

/// A bounded state file (an SSH visitor's): a write past the bound is refused whole, the store says
/// it is full and keeps what it had, and the file with its WAL stays within the bound.
final class StoreBoundTests: XCTestCase {
    private let now: Double = 1_800_000_000

    /// Keys with long paths, so a few hundred fill a small bound.
    private func keys(_ count: Int, prefix: String) -> [PostKey] {
        (0..<count).map { PostKey(slug: "\(prefix)\($0)", path: "\(prefix)-\($0)-" + String(repeating: "x", count: 900) + ".md") }
    }

    private func bytes(of path: String) -> Int {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
    }

    func testAWritePastTheBoundIsRefusedWholeAndTheStoreSaysItIsFull() throws {
        let folder = try TempFolder()
        let path = folder.path + "/visitor/blog.state.sqlite"
        let bound = StoreBound(bytes: 128 * 1024)
        let store = try ReadingStateStore(path: path, bound: bound)
        let first = keys(10, prefix: "a")
        _ = try store.start(posts: first, now: now)
        try store.apply(ReadingStateChange([.init(key: first[0], marks: PostMarks(read: true))]), now: now)

        let flood = ReadingStateChange(keys(400, prefix: "b").map { .init(key: $0, marks: PostMarks(read: true)) })
        XCTAssertThrowsError(try store.apply(flood, now: now + 1)) { error in
            XCTAssertTrue((error as? ReadingStateStore.Unusable)?.isFull == true, "\(error)")
        }
        let kept = try store.stored()
        XCTAssertEqual(kept.count, 10, "the refused change is not half written")
        XCTAssertEqual(kept[first[0].path]?.marks.read, true)
        // A small change of a post the file has a row for may still fit, or is refused the same way; never a crash.
        _ = try? store.apply(ReadingStateChange([.init(key: first[1], marks: PostMarks(saved: true))]), now: now + 2)
        store.close()
        XCTAssertLessThanOrEqual(bytes(of: path), bound.bytes, "the file, its WAL and shared memory within the bound")

        // Opened again, the bound still holds: the file is read, its growth refused.
        let again = try ReadingStateStore(path: path, bound: bound)
        XCTAssertEqual(try again.stored().count, 10)
        XCTAssertThrowsError(try again.apply(flood, now: now + 3))
        again.close()
    }

    func testAStartPastTheBoundIsRefusedNotCrashed() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.state.sqlite"
        let store = try ReadingStateStore(path: path, bound: StoreBound(bytes: 64 * 1024))
        XCTAssertThrowsError(try store.start(posts: keys(500, prefix: "c"), now: now)) { error in
            XCTAssertTrue((error as? ReadingStateStore.Unusable)?.isFull == true, "\(error)")
        }
        XCTAssertEqual(try store.stored().count, 0)
        store.close()
    }

    func testWithoutABoundNothingIsFull() throws {
        let folder = try TempFolder()
        let store = try ReadingStateStore(path: folder.path + "/blog.state.sqlite")
        XCTAssertEqual(try store.start(posts: keys(300, prefix: "d"), now: now).posts.count, 300)
        store.close()
    }
}
