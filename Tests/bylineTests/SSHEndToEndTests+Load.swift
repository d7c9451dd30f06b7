import Foundation
import XCTest

/// Visitors who vanish while byline is in the middle of a long step (a huge post laid out, a large blog
/// loaded without a terminal): byline is gone within a second of the hang-up, not when the step ends.
extension SSHEndToEndTests {
    /// A 50 MB post opened, and the client killed while byline lays it out: before the hang-up watch,
    /// byline noticed only after the layout (2 to 3 s here through sshd for 50 MB in a debug build, 7 s in a
    /// local terminal; 29 s was seen for 200 MB).
    func testKillingAClientDuringAHugePostEndsBylineWithinASecond() throws {
        let paragraph = "Latency budgets hide in queues, retries and **serialisation**; measure before you tune. "
        let section = String(repeating: paragraph, count: 10)
        let body = (0..<55_000).map { "## Section \($0)\n\n" + section + "\n" }.joined(separator: "\n")
        try server.addPost("huge.md", "---\ntitle: \"A Huge Post\"\ndate: 2099-01-01\ntags: [backend]\n---\n\n" + body)
        let tmux = try visit()
        try waitFor(tmux, text: "15 of 15 posts", seconds: 30)
        try tmux.send("Enter")
        // Time for the key to cross and the layout to begin (a fixed pause: the screen shows nothing new
        // until the layout is done, which is the point).
        usleep(300_000)
        XCTAssertFalse(server.bylineProcesses().isEmpty, "byline runs on the server before the kill")
        let client = try XCTUnwrap(try sshClient(of: tmux), "the ssh client in the pane")
        let killed = Date()
        XCTAssertEqual(kill(client, SIGKILL), 0)
        // Generous for a loaded machine; the figure itself is printed.
        XCTAssertTrue(server.bylinesEnd(within: 2), "byline still running 2 s after the kill: \(server.bylineProcesses())")
        print("byline ended \(String(format: "%.2f", Date().timeIntervalSince(killed))) s after kill -9 of its client, mid-layout of a 50 MB post")
    }

    /// `ssh -T` (no terminal) while a large blog loads, and the client killed: before, the byline left
    /// behind (parent PID 1) went on loading at 70% CPU for 33 s and more.
    func testAnSSHTVisitorWhoVanishesMidLoadLeavesNoByline() throws {
        // 20,000 posts load in about 20 s in a debug build: a step long enough to be caught in. (Written
        // with plain POSIX calls: through Foundation, making them took 25 to 45 s on a loaded machine.)
        let body = String(repeating: "Some words about queues, retries and budgets. ", count: 20)
        for index in 0..<20000 {
            let text = "---\ntitle: \"Post \(index)\"\ndate: 2020-01-\(String(format: "%02d", 1 + index % 28))\ntags: [t\(index % 40), backend]\n---\n\n\(body)\n"
            let file = open(server.posts + "/post-\(index).md", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            XCTAssertTrue(file >= 0 && text.utf8.withContiguousStorageIfAvailable { write(file, $0.baseAddress, $0.count) == $0.count } == true)
            fchmod(file, 0o644)
            close(file)
        }
        let output = server.folder + "/ssh-T.out"
        let client = try Spawn.start(server.ssh(["-T"]), outputPath: output)
        defer { _ = Spawn.wait(client, killingAfter: 1) }
        XCTAssertTrue(Polling.until(seconds: 15) { !server.bylineProcesses().isEmpty }, "byline starts on the server")
        usleep(200_000)
        XCTAssertFalse(server.bylineProcesses().isEmpty, "byline still loading before the kill")
        let killed = Date()
        XCTAssertEqual(kill(client, SIGKILL), 0)
        XCTAssertTrue(server.bylinesEnd(within: 2), "byline still running 2 s after its ssh -T client was killed: \(server.bylineProcesses())")
        print("byline ended \(String(format: "%.2f", Date().timeIntervalSince(killed))) s after kill -9 of its ssh -T client, mid-load of 20000 posts")
    }

    /// The same blog to a visitor who stays: the listing arrives whole, even with nothing to send
    /// (standard input at its end is not a hang-up).
    func testAnSSHTVisitorWhoStaysGetsTheWholeListing() throws {
        for index in 0..<300 {
            try server.addPost("post-\(index).md", "---\ntitle: \"Post \(index)\"\ndate: 2020-01-\(String(format: "%02d", 1 + index % 28))\n---\n\nWords.\n")
        }
        let (status, output) = try Spawn.run(server.ssh(["-T"]), timeout: 60)
        XCTAssertEqual(status, 0, output.suffix(500).description)
        XCTAssertTrue(output.contains("Post 299") && output.contains("Reducing Latency in Go APIs"), output.suffix(500).description)
    }
}
