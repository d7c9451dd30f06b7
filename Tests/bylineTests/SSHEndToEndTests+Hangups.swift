import Foundation
import XCTest

/// Visitors who vanish (kill -9 of their ssh client) leave no byline behind on the server, and
/// many visitors at once each get their own working reader.
extension SSHEndToEndTests {
    func testKillingAnIdleClientEndsByline() throws {
        let tmux = try visit()
        try waitFor(tmux, text: "14 of 14 posts")
        try killClient(of: tmux)
        assertBylinesEnd("kill -9 of an idle client")
    }

    func testKillingAClientMidScrollEndsByline() throws {
        let tmux = try visit()
        try waitFor(tmux, text: "14 of 14 posts")
        try tmux.send("Enter")
        try waitFor(tmux, text: "% · line 1–")
        try tmux.type(String(repeating: "j", count: 400))
        // Killed once the scrolling has begun (the first line shown is no longer line 1), while the
        // rest of the j's are still on their way or being answered.
        try waitFor(tmux, "the post scrolled") { screen in
            screen.contains { $0.contains("% · line ") } && !screen.contains { $0.contains("% · line 1–") }
        }
        try killClient(of: tmux)
        assertBylinesEnd("kill -9 mid-scroll")
    }

    /// A ~1 MB post opened and the client killed at once: byline is busy laying it out or writing
    /// the frame to a connection that is gone.
    func testKillingAClientMidRenderEndsByline() throws {
        let paragraph = "Latency budgets hide in queues, retries and **serialisation**; measure before you tune. "
        let body = (0..<1_100).map { "## Section \($0)\n\n" + String(repeating: paragraph, count: 10) + "\n" }.joined(separator: "\n")
        try server.addPost("huge.md", "---\ntitle: \"A Huge Post\"\ndate: 2099-01-01\ntags: [backend]\n---\n\n" + body)
        let tmux = try visit()
        try waitFor(tmux, text: "15 of 15 posts")
        try tmux.send("Enter")
        try killClient(of: tmux)
        assertBylinesEnd("kill -9 mid-render")
    }

    /// Kills the ssh client in the pane, after checking that byline is running on the server (so
    /// that "no byline left" is not vacuous).
    private func killClient(of tmux: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(server.bylineProcesses().isEmpty, "byline runs on the server before the kill", file: file, line: line)
        let client = try XCTUnwrap(try sshClient(of: tmux), "the ssh client in the pane", file: file, line: line)
        XCTAssertEqual(kill(client, SIGKILL), 0, file: file, line: line)
    }

    func testTwentyVisitorsAtOnceAllRenderAndAllLeaveCleanly() throws {
        let visitors = try (0..<20).map { _ in try visit(width: 100, height: 30) }
        for tmux in visitors { try waitFor(tmux, text: "14 of 14 posts", seconds: 20) }
        XCTAssertEqual(server.bylineProcesses().count, 20, "one byline per visitor")
        for tmux in visitors { try tmux.send("q") }
        for tmux in visitors { XCTAssertEqual(try exitStatus(of: tmux), 0, "q ends each session cleanly") }
        assertBylinesEnd("all twenty quit")
    }
}
