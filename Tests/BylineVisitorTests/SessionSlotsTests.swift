@preconcurrency import Glibc
import BylineTestSupport
@testable import BylineVisitor
import Foundation
import XCTest

/// The count behind `--max-sessions`: N sessions in and the next refused, a slot freed when its holder
/// ends however it ends (SIGKILL included), blogs counted apart, no link followed, and no session
/// let in when the count cannot be kept.
final class SessionSlotsTests: XCTestCase {
    private func slot(_ outcome: SessionSlots.Outcome, file: StaticString = #filePath, line: UInt = #line) throws -> SessionSlot {
        guard case .taken(let slot) = outcome else {
            XCTFail("expected a slot, got \(outcome)", file: file, line: line)
            throw XCTSkip("no slot")
        }
        return slot
    }

    private func isFull(_ outcome: SessionSlots.Outcome) -> Bool {
        if case .full = outcome { return true }
        return false
    }

    private func reason(_ outcome: SessionSlots.Outcome) -> String? {
        if case .cannotCount(let why) = outcome { return why }
        return nil
    }

    func testNSessionsGetInAndTheNextIsRefused() throws {
        let folder = try TempFolder()
        let slots = SessionSlots(file: folder.path + "/blog.sessions", limit: 3)
        let held = try (0..<3).map { _ in try slot(slots.take()) }
        XCTAssertEqual(held.map(\.index), [0, 1, 2])
        XCTAssertTrue(isFull(slots.take()), "the fourth session")
        XCTAssertTrue(isFull(slots.take()), "and the fifth")
        // The file is made for the count alone: mode 600, empty (the locks are past its end).
        var info = stat()
        XCTAssertEqual(stat(slots.file, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertEqual(info.st_size, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["blog.sessions"])
    }

    func testASlotFreedIsTakenAgainAndTheLowestFreeComesFirst() throws {
        let folder = try TempFolder()
        let slots = SessionSlots(file: folder.path + "/blog.sessions", limit: 2)
        let first = try slot(slots.take())
        var second: SessionSlot? = try slot(slots.take())
        XCTAssertTrue(isFull(slots.take()))
        first.release()
        XCTAssertEqual(try slot(slots.take()).index, 0, "the released slot")  // released again as it goes
        second = nil  // a slot dropped is released too
        XCTAssertNil(second)
        let again = try slot(slots.take())
        XCTAssertEqual(again.index, 0)
        XCTAssertEqual(try slot(slots.take()).index, 1)
    }

    /// A holder killed with SIGKILL never runs a line of clean-up: the kernel drops its lock.
    func testAHolderKilledWithSIGKILLFreesItsSlot() throws {
        let folder = try TempFolder()
        let slots = SessionSlots(file: folder.path + "/blog.sessions", limit: 1)
        // Once in the parent first, so the child runs code already loaded.
        try slot(slots.take()).release()
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        let child = fork()
        if child == 0 {
            close(ends[0])
            var byte: UInt8 = 0
            if case .taken(let held) = slots.take() {
                byte = UInt8(1 + held.index)
                _ = write(ends[1], &byte, 1)
                while true { pause() }
            }
            _ = write(ends[1], &byte, 1)
            _exit(1)
        }
        close(ends[1])
        var byte: UInt8 = 0
        let count = read(ends[0], &byte, 1)
        close(ends[0])
        XCTAssertEqual(count, 1)
        XCTAssertEqual(byte, 1, "the child holds slot 0")
        XCTAssertTrue(isFull(slots.take()), "the child's slot is held while it runs")
        XCTAssertEqual(kill(child, SIGKILL), 0)
        var status: Int32 = 0
        XCTAssertEqual(waitpid(child, &status, 0), child)
        XCTAssertEqual(status & 0x7F, SIGKILL)
        XCTAssertEqual(try slot(slots.take()).index, 0, "the killed holder's slot is free")
    }

    func testTwoBlogsAreCountedApart() throws {
        let folder = try TempFolder()
        let one = SessionSlots(file: folder.path + "/one.sessions", limit: 1)
        let other = SessionSlots(file: folder.path + "/other.sessions", limit: 1)
        let held = try slot(one.take())
        XCTAssertTrue(isFull(one.take()))
        let otherHeld = try slot(other.take())
        XCTAssertEqual([held.index, otherHeld.index], [0, 0])
        XCTAssertTrue(isFull(other.take()))
    }

    /// A link planted where the file goes is not followed: its target is neither made nor locked, and
    /// the session is refused (the count cannot be trusted), not let in.
    func testALinkAtTheFileIsNotFollowed() throws {
        let folder = try TempFolder()
        let target = folder.path + "/target"
        try folder.link("blog.sessions", to: target)
        let outcome = SessionSlots(file: folder.path + "/blog.sessions", limit: 2).take()
        XCTAssertEqual(reason(outcome), "cannot open \(folder.path)/blog.sessions: it is a symbolic link")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "the link's target was made")
        // A link to a file that exists: still refused, and the file is left as it was.
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target))
        XCTAssertNotNil(reason(SessionSlots(file: folder.path + "/blog.sessions", limit: 2).take()))
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep")
    }

    /// A link where the folder goes (the folder is the operator's own, so a link there is theirs
    /// to make) is followed; one to nowhere is not made a folder through.
    func testAFolderThatIsALinkToNowhereIsNotMadeThrough() throws {
        let folder = try TempFolder()
        try folder.link("state", to: folder.path + "/missing")
        let outcome = SessionSlots(file: folder.path + "/state/blog.sessions", limit: 2).take()
        XCTAssertNotNil(reason(outcome), "\(outcome)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/missing"))
    }

    func testSomethingElseAtTheFileIsRefused() throws {
        let folder = try TempFolder()
        try folder.folder("blog.sessions")
        XCTAssertNotNil(reason(SessionSlots(file: folder.path + "/blog.sessions", limit: 2).take()))
        XCTAssertEqual(mkfifo(folder.path + "/fifo.sessions", 0o600), 0)
        XCTAssertEqual(reason(SessionSlots(file: folder.path + "/fifo.sessions", limit: 2).take()),
                       "\(folder.path)/fifo.sessions is not a regular file of this account's")
    }

    /// A file another account owns could be held whole by that account: refused, not trusted.
    func testAnotherAccountsFileIsRefused() throws {
        let folder = try TempFolder()
        let file = try folder.write("blog.sessions", "")
        XCTAssertEqual(chmod(file, 0o666), 0)
        let other: uid_t = geteuid() == 0 ? 65534 : 0
        guard chown(file, other, gid_t(other)) == 0 else { throw XCTSkip("cannot give a file to another account here") }
        XCTAssertEqual(reason(SessionSlots(file: file, limit: 2).take()), "\(file) is not a regular file of this account's")
    }

    /// A missing folder is made (mode 700); one that cannot be made refuses every session.
    func testAMissingFolderIsMadeAndOneThatCannotBeRefuses() throws {
        let folder = try TempFolder()
        let made = SessionSlots(file: folder.path + "/a/b/blog.sessions", limit: 1)
        XCTAssertEqual(try slot(made.take()).index, 0)
        var info = stat()
        XCTAssertEqual(stat(folder.path + "/a/b", &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)

        try folder.write("file", "not a folder")
        let outcome = SessionSlots(file: folder.path + "/file/state/blog.sessions", limit: 1).take()
        XCTAssertTrue(reason(outcome)?.hasPrefix("cannot make \(folder.path)/file/state:") ?? false, "\(outcome)")
        XCTAssertEqual(reason(SessionSlots(file: folder.path + "/file/blog.sessions", limit: 1).take()),
                       "cannot open \(folder.path)/file/blog.sessions: Not a directory")
    }

    /// A folder this account cannot write: refused, with the system's reason. (The tests run as root,
    /// whom no mode stops, so the session is a child that has become `nobody`.)
    func testAnUnwritableFolderRefuses() throws {
        let folder = try TempFolder()
        let state = folder.path + "/state"
        try folder.folder("state")
        XCTAssertEqual(chmod(folder.path, 0o755), 0)
        XCTAssertEqual(chmod(state, 0o555), 0)
        let slots = SessionSlots(file: state + "/blog.sessions", limit: 1)
        guard geteuid() == 0 else {
            XCTAssertEqual(reason(slots.take()), "cannot open \(state)/blog.sessions: Permission denied")
            return
        }
        let nobody: uid_t = 65534
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        // Once in the parent first, so the child runs code already loaded (and the file is not made).
        _ = SessionSlots(file: "/proc/no-such/blog.sessions", limit: 1).take()
        let child = fork()
        if child == 0 {
            close(ends[0])
            guard setgid(nobody) == 0, setuid(nobody) == 0 else { _exit(2) }
            let why = reason(slots.take()) ?? "taken"
            why.withCString { _ = write(ends[1], $0, strlen($0)) }
            _exit(0)
        }
        close(ends[1])
        var bytes = [UInt8](repeating: 0, count: 4096)
        var received: [UInt8] = []
        while true {
            let count = read(ends[0], &bytes, bytes.count)
            if count <= 0 { break }
            received += bytes.prefix(count)
        }
        close(ends[0])
        var status: Int32 = 0
        XCTAssertEqual(waitpid(child, &status, 0), child)
        XCTAssertEqual(status, 0, "the child could not become nobody")
        XCTAssertEqual(String(decoding: received, as: UTF8.self), "cannot open \(state)/blog.sessions: Permission denied")
        XCTAssertFalse(FileManager.default.fileExists(atPath: state + "/blog.sessions"))
    }

    func testTheLimitIsBounded() {
        XCTAssertEqual(SessionSlots(file: "/x", limit: 0).limit, 1)
        XCTAssertEqual(SessionSlots(file: "/x", limit: 50).limit, 50)
        XCTAssertEqual(SessionSlots(file: "/x", limit: 1_000_000).limit, SessionSlots.maximumLimit)
    }
}
