import Foundation
import XCTest

/// `--max-sessions` through a real sshd on loopback, as docs/ssh.md's "Limits" sets it up:
/// `ForceCommand byline --restricted --max-sessions 2 --state-dir STATE POSTS`. Two visitors read;
/// a third reads one line and its ssh ends with status 75; when one of the two leaves, the next
/// visitor gets in. A count that cannot be kept (a state folder the blog's account cannot write)
/// lets no one in.
final class SSHSessionLimitEndToEndTests: XCTestCase {
    var server: LoopbackSSHD?

    override func setUpWithError() throws {
        try LoopbackSSHD.skipUnlessAvailable()
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    private static let fullLine = "byline: this blog has 2 readers now, the most it serves at once; please try again in a while."

    /// A visitor's terminal: `ssh -tt` in tmux, under a shell that reports ssh's exit status.
    private func visit(_ server: LoopbackSSHD) throws -> TmuxSession {
        try TmuxSession(width: 120, height: 40, command: server.sshLine(["-tt"]) + "; echo \"ssh-exit=$?\"; exec sleep 60")
    }

    private func inTheReader(_ tmux: TmuxSession, _ who: String, _ server: LoopbackSSHD) throws {
        let screen = try tmux.waitFor("\(who) in the reader", seconds: 20) { screen in
            screen.contains { $0.contains("14 of 14 posts") } || screen.contains { $0.contains("ssh-exit=") }
        }
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "14 of 14 posts"),
                        "\(who): \(screen.joined(separator: "\n"))\nsshd:\n\(server.logText())")
    }

    /// sshd's own line for an account whose home does not exist (the test user's is /nonexistent;
    /// docs/ssh.md's account has one): not byline's.
    private static let sshdHomeLine = "Could not chdir to home directory /nonexistent: No such file or directory"

    /// What the visitor's screen holds once ssh has ended: its rows that are not blank, but sshd's.
    private func ended(_ tmux: TmuxSession) throws -> [String] {
        let screen = try tmux.waitFor("ssh's end", seconds: 20) { $0.contains { $0.contains("ssh-exit=") } }
        return screen.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != Self.sshdHomeLine }
    }

    func testTwoReadTheThirdIsToldAndTheNextGetsInWhenOneLeaves() throws {
        let server = try LoopbackSSHD(visitors: .init(stateDir: true, maxSessions: 2))
        self.server = server
        let first = try visit(server)
        try inTheReader(first, "the first", server)
        let second = try visit(server)
        try inTheReader(second, "the second", server)

        // The third: one line, before any terminal set-up (no screen cleared, no reader), and ssh's status 75.
        let third = try visit(server)
        XCTAssertEqual(try ended(third), [Self.fullLine, "ssh-exit=75"])
        // Without a terminal too (the listing a script would get): the line and 75, no listing.
        let (status, output) = try Spawn.run(server.ssh(["-T"]), timeout: 20)
        XCTAssertEqual(status, 75, output)
        XCTAssertEqual(output.split(separator: "\n").filter { $0 != Self.sshdHomeLine }, [Substring(Self.fullLine)], output)

        // One of the two leaves; the next visitor gets in.
        try first.send("q")
        XCTAssertEqual(try ended(first).last, "ssh-exit=0")
        let fourth = try visit(server)
        try inTheReader(fourth, "the visitor after one left", server)
        XCTAssertEqual(try ended(try visit(server)), [Self.fullLine, "ssh-exit=75"], "full again")

        // The count's one file is all that was written: no visitor here has a key to keep state by.
        XCTAssertEqual(server.stateListing().count, 1, "\(server.stateListing())")
        XCTAssertTrue(server.stateListing().allSatisfy { $0.hasPrefix("posts-") && $0.hasSuffix(".sessions") }, "\(server.stateListing())")

        for tmux in [second, fourth] {
            try tmux.send("q")
            XCTAssertEqual(try ended(tmux).last, "ssh-exit=0")
        }
        XCTAssertTrue(server.bylinesEnd(within: 10), "\(server.bylineProcesses())")
    }

    /// The blog's account cannot write the state folder: no one gets in, and the visitor reads a
    /// line that names no path of the server's.
    func testACountThatCannotBeKeptLetsNoOneIn() throws {
        let server = try LoopbackSSHD(visitors: .init(stateDir: true, maxSessions: 2))
        self.server = server
        XCTAssertEqual(chown(server.stateFolder, 0, 0), 0)
        XCTAssertEqual(chmod(server.stateFolder, 0o755), 0)
        let visitor = try visit(server)
        XCTAssertEqual(try ended(visitor),
                       ["byline: this blog cannot count its readers now, so it lets no one in; please tell its owner.", "ssh-exit=75"])
        XCTAssertEqual(server.stateListing(), [])
    }
}
