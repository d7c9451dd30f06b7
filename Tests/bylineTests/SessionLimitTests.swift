@testable import byline
import BylineCore
import BylineVisitor
import Foundation
import XCTest

/// `--max-sessions N`: where the count is kept, the parser's range, and what the binary says and
/// returns when a session is refused (the count itself: BylineVisitorTests' SessionSlotsTests; through
/// sshd: SSHEndToEndTests+SessionLimit.swift).
final class SessionLimitTests: XCTestCase {
    private let environment = ["XDG_STATE_HOME": "/home/u/state", "XDG_CACHE_HOME": "/home/u/cache", "HOME": "/home/u"]

    private func directory(_ launch: ReaderLaunch, blog: String = "/srv/blog/posts") -> String? {
        SessionLimit.directory(realRoot: blog, launch: launch, environment: environment)
    }

    func testTheCountIsKeptBesideTheStateElseTheCacheNeverInTheBlog() {
        // A local reader: its state folder, named or the default.
        XCTAssertEqual(directory(ReaderLaunch()), "/home/u/state/byline")
        XCTAssertEqual(directory(ReaderLaunch(stateDir: "/srv/state")), "/srv/state")
        XCTAssertEqual(directory(ReaderLaunch(noState: true)), "/home/u/cache/byline", "no state: the cache folder")
        XCTAssertEqual(directory(ReaderLaunch(cacheDir: "/srv/cache", noState: true)), "/srv/cache")
        XCTAssertNil(directory(ReaderLaunch(noCache: true, noState: true)), "nowhere to count")
        // Restricted: only a --state-dir is a state folder; else the cache folder.
        XCTAssertEqual(directory(ReaderLaunch(stateDir: "/srv/state", restricted: true)), "/srv/state")
        XCTAssertEqual(directory(ReaderLaunch(restricted: true)), "/home/u/cache/byline")
        XCTAssertEqual(directory(ReaderLaunch(cacheDir: "/srv/cache", restricted: true)), "/srv/cache")
        // Never the posts folder or inside it: the next folder in line, or none.
        XCTAssertEqual(directory(ReaderLaunch(cacheDir: "/srv/cache", stateDir: "/srv/blog/posts/state", restricted: true)), "/srv/cache")
        XCTAssertNil(directory(ReaderLaunch(cacheDir: "/srv/blog/posts", stateDir: "/srv/blog/posts/x", restricted: true)))
        XCTAssertNil(directory(ReaderLaunch(cacheDir: "/srv/blog/posts/.cache", noState: true)))
    }

    /// Named as the blog's cache and state files are; one file per blog, drafts or not.
    func testTheFileIsNamedAfterTheBlog() {
        let file = SessionLimit.file(forFolder: "/srv/blog/posts", in: "/srv/state")
        XCTAssertTrue(file.hasPrefix("/srv/state/posts-"), file)
        XCTAssertTrue(file.hasSuffix(".sessions"), file)
        XCTAssertNotEqual(file, SessionLimit.file(forFolder: "/srv/other/posts", in: "/srv/state"))
    }

    func testTheParserTakesTheRangeAndNamesItForTheRest() throws {
        for (value, limit) in [("1", 1), ("050", 50), ("10000", 10_000)] {
            let command = try XCTUnwrap(try Byline.parseAsRoot(["--max-sessions", value, "posts"]) as? ReadCommand, value)
            XCTAssertEqual(command.launch, ReaderLaunch(path: "posts", maxSessions: limit), value)
        }
        for value in ["0", "-1", "10001", "99999999999999999999999"] {
            XCTAssertEqual(ArgumentOutcome.of(["--max-sessions", value, "posts"]), "64: Error: --max-sessions must be between 1 and 10000", value)
        }
        XCTAssertEqual(ArgumentOutcome.of(["--max-sessions", "many"]),
                       "64: Error: The value 'many' is invalid for '--max-sessions <N>': not a whole number")
    }

    /// The binary: a session within the limit serves and leaves only the count's file; one past it
    /// reads one line and ends with 75 before the blog is read.
    func testASessionPastTheLimitGetsOneLineAndStatus75() throws {
        let state = try ScratchFolder()
        let arguments = ["--restricted", "--max-sessions", "1", "--state-dir", state.path, BylineRunner.shippedPosts]
        let served = try BylineRunner.run(arguments)
        XCTAssertEqual(served.status, 0, served.stderr)
        XCTAssertTrue(served.stdout.contains("Worker Pools in Go"))
        let blog = try XCTUnwrap(realPath(BylineRunner.shippedPosts))
        let file = SessionLimit.file(forFolder: blog, in: try XCTUnwrap(realPath(state.path)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: state.path), [(file as NSString).lastPathComponent],
                       "restricted mode writes nothing else")

        guard case .taken(let held) = SessionSlots(file: file, limit: 1).take() else { return XCTFail("the test's own slot") }
        let refused = try BylineRunner.run(arguments)
        XCTAssertEqual(refused.status, 75)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertEqual(refused.stderr, "byline: this blog has 1 reader now, the most it serves at once; please try again in a while.\n")

        held.release()
        XCTAssertEqual(try BylineRunner.run(arguments).status, 0, "the slot freed serves again")
    }

    /// A count that cannot be kept lets no one in. A visitor reads a short line without the server's
    /// paths (the reason goes to the system log); a local user reads the reason.
    func testACountThatCannotBeKeptRefusesTheSession() throws {
        let scratch = try ScratchFolder()
        let notAFolder = try scratch.write("file", "x") + "/state"
        let restricted = try BylineRunner.run(["--restricted", "--max-sessions", "5", "--state-dir", notAFolder, BylineRunner.shippedPosts])
        XCTAssertEqual(restricted.status, 75)
        XCTAssertEqual(restricted.stdout, "")
        XCTAssertEqual(restricted.stderr, "byline: " + SessionLimit.cannotCountLine + "\n")

        let local = try BylineRunner.run(["--max-sessions", "5", "--state-dir", notAFolder, BylineRunner.shippedPosts])
        XCTAssertEqual(local.status, 75)
        XCTAssertEqual(local.stdout, "")
        XCTAssertTrue(local.stderr.hasPrefix("byline: --max-sessions: cannot make \(notAFolder):"), local.stderr)
        XCTAssertTrue(local.stderr.hasSuffix("; the session is refused\n"), local.stderr)
        XCTAssertEqual(local.stderr.split(separator: "\n").count, 1, local.stderr)

        // No folder at all (no HOME, no --state-dir or --cache-dir).
        let nowhere = try BylineRunner.run(["--max-sessions", "5", "--no-state", "--no-cache", BylineRunner.shippedPosts])
        XCTAssertEqual(nowhere.status, 75)
        XCTAssertEqual(nowhere.stderr, "byline: no folder to count sessions in for --max-sessions: name one with --state-dir or --cache-dir; "
                       + "the session is refused\n")
        let visitor = try BylineRunner.run(["--restricted", "--max-sessions", "5", BylineRunner.shippedPosts])
        XCTAssertEqual(visitor.status, 75, "restricted, without HOME or --state-dir or --cache-dir")
        XCTAssertEqual(visitor.stderr, "byline: " + SessionLimit.cannotCountLine + "\n")
    }

    /// In restricted mode the operator's reason goes to the system log, not to the visitor: caught
    /// here by listening where syslog(3) writes, `/dev/log`, when no logger already does.
    func testTheOperatorsReasonGoesToTheSystemLog() throws {
        try XCTSkipUnless(getuid() == 0, "binding /dev/log needs root")
        try XCTSkipIf(FileManager.default.fileExists(atPath: SystemLogListener.path), "a system logger listens there; its log is not ours to read")
        let listener = try SystemLogListener()
        defer { listener.close() }
        let scratch = try ScratchFolder()
        let notAFolder = try scratch.write("file", "x") + "/state"
        let refused = try BylineRunner.run(["--restricted", "--max-sessions", "5", "--state-dir", notAFolder, BylineRunner.shippedPosts])
        XCTAssertEqual(refused.status, 75)
        XCTAssertEqual(refused.stderr, "byline: " + SessionLimit.cannotCountLine + "\n")
        let line = try XCTUnwrap(listener.receive(seconds: 10), "nothing reached the system log")
        // <11>: LOG_USER (8) + LOG_ERR (3); then the time, the program's name and the reason.
        XCTAssertTrue(line.hasPrefix("<11>"), line)
        XCTAssertTrue(line.contains("byline: --max-sessions: cannot make \(notAFolder): "), line)
        XCTAssertTrue(line.hasSuffix("; sessions refused"), line)
    }
}

/// A datagram socket at `/dev/log`, where syslog(3) sends its lines, for as long as a test needs it.
private final class SystemLogListener {
    static let path = "/dev/log"
    private var descriptor: Int32

    init() throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in Self.path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard descriptor >= 0, bound == 0 else {
            close()
            throw XCTSkip("cannot listen at \(Self.path): errno \(errno)")
        }
    }

    /// The next line logged, or nil when none comes within `seconds`.
    func receive(seconds: Double) -> String? {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(seconds * 1000)) == 1 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &bytes, bytes.count, 0)
        return count > 0 ? String(decoding: bytes.prefix(count), as: UTF8.self) : nil
    }

    func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            unlink(Self.path)
        }
        descriptor = -1
    }
}
