import Foundation
import XCTest

/// `ssh blog@host` against a real sshd on loopback whose `ForceCommand` is `byline --restricted`:
/// what a visitor sees in a terminal (tmux), and that byline ends when the visitor's client dies.
/// The refusals (commands, copies, forwarding) are in SSHEndToEndTests+Refusals.swift, vanishing
/// and crowds of visitors in SSHEndToEndTests+Hangups.swift.
final class SSHEndToEndTests: XCTestCase {
    var server: LoopbackSSHD!

    override func setUpWithError() throws {
        try LoopbackSSHD.skipUnlessAvailable()
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        server = try LoopbackSSHD()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    /// A visitor's terminal: tmux running `ssh -tt` under a shell that reports ssh's exit status.
    /// (tmux 3.3a can leave a pane's own process unreaped for seconds, so its pane status is not used.)
    func visit(_ remoteCommand: String = "", width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let ssh = server.sshLine(["-tt"], command: remoteCommand)
        return try TmuxSession(width: width, height: height, command: ssh + "; echo \"ssh-exit=$?\"; exec sleep 60")
    }

    /// Waits until `condition` holds for a visitor's screen, failing at once (not at the deadline)
    /// when ssh has already ended, with what was left on the screen.
    @discardableResult
    func waitFor(_ tmux: TmuxSession, _ description: String, seconds: Double = 10, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: @escaping ([String]) -> Bool) throws -> [String] {
        let ended = { (screen: [String]) in screen.contains { $0.contains("ssh-exit=") } }
        let screen = try tmux.waitFor(description, seconds: seconds, file: file, line: line) { condition($0) || ended($0) }
        guard condition(screen) else {
            XCTFail("ssh ended before \(description); screen:\n" + screen.joined(separator: "\n"), file: file, line: line)
            throw TmuxSession.TmuxError.timeout(description)
        }
        return screen
    }

    /// Waits until some row of a visitor's screen contains `text` (see above).
    @discardableResult
    func waitFor(_ tmux: TmuxSession, text: String, seconds: Double = 10, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try waitFor(tmux, "\"\(text)\"", seconds: seconds, file: file, line: line) { $0.contains { $0.contains(text) } }
    }

    /// Waits until the ssh client in the pane has ended, and returns its exit status.
    func exitStatus(of tmux: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws -> Int32? {
        let pattern = "ssh-exit=[0-9]+"
        let screen = try tmux.waitFor("ssh to end", seconds: 15, file: file, line: line) {
            $0.contains { $0.range(of: pattern, options: .regularExpression) != nil }
        }
        for row in screen {
            if let found = row.range(of: pattern, options: .regularExpression) { return Int32(row[found].dropFirst("ssh-exit=".count)) }
        }
        return nil
    }

    /// The ssh client: the child of the pane's shell.
    func sshClient(of tmux: TmuxSession) throws -> pid_t? {
        let shell = try tmux.panePID()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.first { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            // "PID (comm) STATE PPID ...": the parent is the second field after the name.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return stat.contains("(ssh)") && fields.count > 1 && pid_t(fields[1]) == shell
        }
    }

    /// Whether the server's byline processes all end within 10 s (milliseconds when the machine is
    /// idle), failing with the survivors' PIDs.
    func assertBylinesEnd(_ situation: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(server.bylinesEnd(within: 10), "byline still running 10 s after \(situation): \(server.bylineProcesses())",
                      file: file, line: line)
    }

    // MARK: The reader over SSH

    func testTheReaderOverSSHShowsItsPanesTakesKeysAndFollowsResizes() throws {
        let tmux = try visit()
        // A frame reaches tmux in pieces over SSH (rows top to bottom): wait for its last row too.
        let screen = try waitFor(tmux, "three panes and the status line") {
            ReaderScreen.hasTag($0, "backend", 14) && ReaderScreen.hasTag($0, "go", 10)
                && ReaderScreen.row($0, containing: "14 of 14 posts") != nil
        }
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "Preview"))
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "14 of 14 posts"))

        try tmux.send("t")
        try waitFor(tmux, text: "· tags")
        try tmux.moveTagCursor(to: "go")
        try tmux.send("Space")
        let filtered = try waitFor(tmux, text: "10 of 14 posts")
        XCTAssertTrue(filtered[0].contains("go"), "the title bar shows the required tag")

        // The window change travels over SSH as a SIGWINCH to byline.
        try tmux.resize(width: 70, height: 20)
        try waitFor(tmux, "two panes at 70x20") {
            $0.contains { $0.contains("Tags") && $0.contains("Posts") } && !$0.joined().contains("Preview")
        }

        try tmux.send("q")
        XCTAssertEqual(try exitStatus(of: tmux), 0, "q ends the session cleanly")
        assertBylinesEnd("q")
    }

    func testATagCommandOpensTheReaderWithTheTagRequired() throws {
        let tmux = try visit("tag:go")
        let screen = try waitFor(tmux, text: "10 of 14 posts")
        XCTAssertTrue(screen[0].contains("go"), "the title bar shows the required tag: \(screen[0])")
    }

    /// Anything but `tag:`, `post:` or `search:` is not run: the reader opens unfiltered.
    func testAnyOtherCommandWithATerminalOpensTheWholeBlog() throws {
        let tmux = try visit("'cat /etc/passwd'")
        let screen = try waitFor(tmux, "the reader") { ReaderScreen.hasTag($0, "backend", 14) && $0.contains { $0.contains("14 of 14 posts") } }
        XCTAssertFalse(screen.joined().contains("root:x:0:0"), "the command ran")
    }

    /// A visitor whose terminal is `dumb` gets numbered plain text over SSH too.
    func testADumbTerminalGetsTheNumberedTextReader() throws {
        let tmux = try TmuxSession(width: 100, height: 40, command: "TERM=dumb " + server.sshLine(["-tt"]) + "; echo \"ssh-exit=$?\"; exec sleep 60")
        // The whole listing and then the prompt, a write of its own: typed before it, the number would
        // be echoed ahead of it.
        let listing = try waitFor(tmux, "the listing and the prompt") { ReaderScreen.statusLine($0) == RestrictedModeTests.dumbPrompt }
        XCTAssertNotNil(ReaderScreen.row(listing, containing: "10 Things I Learned"), "\(listing)")
        let latency = try XCTUnwrap(ReaderScreen.row(listing, containing: "Reducing Latency in Go APIs"))
        let number = try XCTUnwrap(latency.split(separator: ".").first?.trimmingCharacters(in: .whitespaces), latency)
        try tmux.type(number)
        try tmux.send("Enter")
        // The post's last paragraph (the text is printed whole; no pager in a dumb terminal).
        try waitFor(tmux, text: "pg_stat_statements sorted by max time")
        try tmux.type("q")
        try tmux.send("Enter")
        XCTAssertEqual(try exitStatus(of: tmux), 0)
    }

    /// A post is text from whoever wrote it: its escape sequences must reach the visitor's terminal
    /// as visible symbols, not as orders to clear the screen or retitle the window.
    func testEscapeSequencesInAPostAreShownNotObeyed() throws {
        try server.addPost("escapes.md", """
            ---
            title: "Escapes Inside"
            date: 2099-01-01
            tags: [backend]
            summary: "Raw control sequences in the body."
            ---

            Clear: \u{1B}[2J here. Title: \u{1B}]0;BYLINE-RETITLED\u{07} there. CSI: \u{9B}31m end.

            """)
        let tmux = try visit()
        try waitFor(tmux, text: "15 of 15 posts")
        let titleBefore = try tmux.display("#{pane_title}")
        try tmux.send("Enter")
        // The preview pane shows the text too: wait for the reader's own status line.
        let screen = try waitFor(tmux, "the post open") { $0.contains { $0.contains("% · line 1–") } && $0.contains { $0.contains("␛[2J") } }
        let text = screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("␛]0;BYLINE-RETITLED"), text)
        XCTAssertTrue(text.contains("⦗9B⦘31m"), text)
        XCTAssertTrue(screen[0].contains("Escapes Inside"), "the title bar is still drawn: \(screen[0])")
        XCTAssertTrue(text.contains("Clear:"), "the text before ESC [2J is still on screen")
        let title = try tmux.display("#{pane_title}")
        XCTAssertFalse(title.contains("BYLINE-RETITLED"), "the terminal's title was changed to \(title)")
        XCTAssertEqual(title, titleBefore)
    }
}
