import Foundation
import XCTest

/// Visitors without accounts, through a real sshd on loopback: any key let in by
/// `AuthorizedKeysCommand byline authorized-key %t %k` (with no authorized_keys file at all), and each
/// session's key found by byline in `$SSH_USER_AUTH` (`ExposeAuthInfo yes`), shown to the visitor who
/// asks with `ssh host visitor` as the fingerprint `ssh-keygen -lf` prints for their key.
final class SSHVisitorEndToEndTests: XCTestCase {
    var server: LoopbackSSHD?

    override func tearDown() {
        server?.stop()
        server = nil
    }

    func start(_ visitors: LoopbackSSHD.Visitors) throws -> LoopbackSSHD {
        try LoopbackSSHD.skipUnlessAvailable()
        let started = try LoopbackSSHD(visitors: visitors)
        server = started
        return started
    }

    /// A key the server has never seen gets in (no authorized_keys file is read) and lands in the reader.
    func testAFreshKeyGetsInAndLandsInTheReader() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let server = try start(.init(anyKey: true))
        let stranger = try server.makeClientKey("stranger")
        let ssh = server.ssh(["-tt"], key: stranger).joined(separator: " ")
        let tmux = try TmuxSession(width: 120, height: 40, command: ssh + "; echo \"ssh-exit=$?\"; exec sleep 60")
        let screen = try tmux.waitFor("the reader") { screen in
            screen.contains { $0.contains("14 of 14 posts") } || screen.contains { $0.contains("ssh-exit=") }
        }
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "14 of 14 posts"),
                        "screen:\n\(screen.joined(separator: "\n"))\nsshd:\n\(server.logText())")
        XCTAssertEqual(server.acceptedLogins(), 1, server.logText())
        try tmux.send("q")
        try tmux.waitFor(text: "ssh-exit=0")
    }

    /// sshd runs the command only from a path that root alone can change: a copy under /tmp lets no
    /// one in (docs/ssh.md says so, and says how to install it).
    func testACommandUnderTmpLetsNoOneIn() throws {
        let server = try start(.init(anyKey: true, unsafeKeyCommand: true))
        let stranger = try server.makeClientKey("stranger")
        let (status, output) = try Spawn.run(server.ssh(["-T"], command: ["visitor"], key: stranger), timeout: 20)
        XCTAssertEqual(status, 255, output)
        XCTAssertTrue(output.contains("Permission denied"), output)
        XCTAssertEqual(server.acceptedLogins(), 0)
        XCTAssertTrue(Polling.until(seconds: 5) { server.logText().contains("Unsafe AuthorizedKeysCommand") }, server.logText())
    }

    /// Two keys, two visitors: each one's identity is its own key's `ssh-keygen -lf` fingerprint.
    func testTwoKeysAreTwoVisitorsWithOpenSSHsFingerprints() throws {
        let server = try start(.init(anyKey: true, exposeAuthInfo: true))
        var seen: [String] = []
        for name in ["first", "second"] {
            let key = try server.makeClientKey(name)
            let expected = try LoopbackSSHD.fingerprint(ofKey: key)
            let (status, output) = try Spawn.run(server.ssh(["-T"], command: ["visitor"], key: key), timeout: 20)
            XCTAssertEqual(status, 0, output)
            // (Standard error, in the same output, has sshd's line about the test user's missing home.)
            let answer = Self.answer(output)
            XCTAssertEqual(answer, "visitor \(expected) (ssh-ed25519)", server.logText())
            seen.append(answer)
            // The same key again is the same visitor.
            XCTAssertEqual(Self.answer(try Spawn.run(server.ssh(["-T"], command: ["visitor"], key: key), timeout: 20).output), answer)
        }
        XCTAssertNotEqual(seen[0], seen[1])
    }

    /// Without `ExposeAuthInfo`, byline sees no key: the session is a visitor without one.
    func testWithoutExposeAuthInfoTheVisitorHasNoKey() throws {
        let server = try start(.init())
        let (status, output) = try Spawn.run(server.ssh(["-T"], command: ["visitor"]), timeout: 20)
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(Self.answer(output), "visitor without a key: nothing is kept after this session")
    }

    /// byline's answer among what ssh printed: its one line starting `visitor`.
    static func answer(_ output: String) -> String {
        output.split(separator: "\n").filter { $0.hasPrefix("visitor") }.joined(separator: "\n")
    }
}
