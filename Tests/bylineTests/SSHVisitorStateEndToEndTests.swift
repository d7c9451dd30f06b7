import Foundation
import XCTest

/// Visitors' reading state through a real sshd on loopback, set up as docs/ssh.md says: any key let
/// in, `ExposeAuthInfo yes`, and `ForceCommand byline --restricted --state-dir STATE POSTS`. Each key
/// keeps its own read marks and last visit; a session without a key leaves nothing; twenty visitors
/// at once each keep their own mark.
extension SSHVisitorEndToEndTests {
    private static let title = "Why WebSockets"

    /// An interactive session of `key` in tmux, with the deep link `request` if any.
    private func visit(_ server: LoopbackSSHD, key: String, request: String? = nil) throws -> TmuxSession {
        let ssh = server.ssh(["-tt"], command: request.map { [$0] } ?? [], key: key).joined(separator: " ")
        return try TmuxSession(width: 120, height: 40, command: ssh + "; echo \"ssh-exit=$?\"; exec sleep 60")
    }

    private func status(_ screen: [String]) -> String { ReaderScreen.statusLine(screen) }

    private func isUnread(_ screen: [String]) -> Bool? { ReaderScreen.row(screen, containing: Self.title).map { $0.contains("•") } }

    /// Quits the list and waits for ssh to end with status 0.
    private func quit(_ tmux: TmuxSession, _ server: LoopbackSSHD) throws {
        try tmux.send("q")
        let screen = try tmux.waitFor("ssh's end", seconds: 20) { $0.contains { $0.contains("ssh-exit=") } }
        XCTAssertTrue(screen.contains { $0.contains("ssh-exit=0") }, screen.joined(separator: "\n") + server.logText())
    }

    /// Opens the selected (newest) post, waits for the reader, and goes back to the list with it read.
    private func readTheNewestPost(_ tmux: TmuxSession) throws {
        try tmux.send("Enter")
        try tmux.waitFor(text: "line 1–", seconds: 20)
        try tmux.send("q")
        try tmux.waitFor("back in the list, the post read", seconds: 20) { self.isUnread($0) == false && self.status($0).contains(" posts") }
    }

    /// A visitor folder's name for a key: `sha256-` and the hex of the SHA-256 that `ssh-keygen -lf` prints in base64.
    private func folderName(ofKey key: String) throws -> String {
        var base64 = String(try LoopbackSSHD.fingerprint(ofKey: key).dropFirst("SHA256:".count))
        while base64.count % 4 != 0 { base64 += "=" }
        let digest = try XCTUnwrap(Data(base64Encoded: base64))
        return "sha256-" + digest.map { String(format: "%02x", $0) }.joined()
    }

    func testEachKeyKeepsItsOwnReadMarksAndIsWelcomedBack() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let server = try start(.init(anyKey: true, exposeAuthInfo: true, stateDir: true))
        let first = try server.makeClientKey("visitor-a"), second = try server.makeClientKey("visitor-b")

        // A reads the newest post; B, next, still has it unread.
        var tmux = try visit(server, key: first)
        var screen = try tmux.waitFor("A's first list", seconds: 20) { self.isUnread($0) == true && self.status($0).hasPrefix(" 14 of 14 posts") }
        XCTAssertFalse(status(screen).contains("welcome back"), "a first visit is not welcomed back")
        try readTheNewestPost(tmux)
        try quit(tmux, server)
        tmux = try visit(server, key: second)
        screen = try tmux.waitFor("B's first list", seconds: 20) { self.isUnread($0) != nil && self.status($0).hasPrefix(" 14 of 14 posts") }
        XCTAssertEqual(isUnread(screen), true, "B does not see A's mark:\n" + screen.joined(separator: "\n"))
        XCTAssertFalse(status(screen).contains("welcome back"))
        try quit(tmux, server)

        // One folder per key, named from its fingerprint alone; nothing else in the state folder.
        let listing = server.stateListing()
        for key in [first, second] {
            let folder = "visitors/" + (try folderName(ofKey: key)) + "/"
            XCTAssertTrue(listing.contains(folder), "\(listing)")
            XCTAssertTrue(listing.contains { $0.hasPrefix(folder) && $0.hasSuffix(".state.sqlite") }, "\(listing)")
        }
        XCTAssertEqual(listing.filter { !$0.hasPrefix("visitors/") }, [], "\(listing)")
        XCTAssertEqual(listing.filter { $0.hasPrefix("visitors/") && $0.split(separator: "/").count == 2 && $0.hasSuffix("/") }.count, 2)
        // Beside the visitors' folders, the blog's one file of posts seen, shared by both.
        XCTAssertEqual(listing.filter { $0.hasSuffix(".seen.sqlite") }.count, 1, "\(listing)")
        XCTAssertTrue(listing.contains { $0.hasPrefix("visitors/") && $0.split(separator: "/").count == 2 && $0.hasSuffix(".seen.sqlite") },
                      "\(listing)")

        // A post arrives between visits: each is welcomed back with it, and the marks are still each one's own.
        try server.addPost("arrived-between-visits.md", """
            ---
            title: "Arrived Between Visits"
            date: 2020-01-01
            tags: [news]
            ---

            A post added while no one was reading.
            """)
        tmux = try visit(server, key: first)
        screen = try tmux.waitFor("A's second list", seconds: 20) { self.isUnread($0) != nil && self.status($0).contains("welcome back") }
        XCTAssertEqual(isUnread(screen), false, "A's read mark is kept:\n" + screen.joined(separator: "\n"))
        XCTAssertTrue(status(screen).contains("welcome back — 1 new post since "), status(screen))
        XCTAssertTrue(status(screen).hasPrefix(" 15 of 15 posts"), status(screen))
        try quit(tmux, server)
        tmux = try visit(server, key: second)
        screen = try tmux.waitFor("B's second list", seconds: 20) { self.isUnread($0) != nil && self.status($0).contains("welcome back") }
        XCTAssertEqual(isUnread(screen), true, "B still has it unread:\n" + screen.joined(separator: "\n"))
        XCTAssertTrue(status(screen).contains("welcome back — 1 new post since "), status(screen))
        try quit(tmux, server)
        XCTAssertTrue(server.bylinesEnd(within: 5))
    }

    func testASessionWithoutAKeyLeavesNothingBehind() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        // No ExposeAuthInfo: byline sees no key, as with a password or an empty-password login.
        let server = try start(.init(anyKey: true, exposeAuthInfo: false, stateDir: true))
        let before = server.stateListing()
        let tmux = try visit(server, key: try server.makeClientKey("keyless"))
        try tmux.waitFor("the list", seconds: 20) { self.isUnread($0) == true && self.status($0).hasPrefix(" 14 of 14 posts") }
        // Marks work for the session.
        try readTheNewestPost(tmux)
        try quit(tmux, server)
        XCTAssertTrue(server.bylinesEnd(within: 5))
        XCTAssertEqual(server.stateListing(), before)
        XCTAssertEqual(before, [])
    }

    func testTwentyVisitorsAtOnceEachKeepTheirOwnMark() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "the state files are read with sqlite3, installed by make test")
        let server = try start(.init(anyKey: true, exposeAuthInfo: true, stateDir: true))
        var slugs = try FileManager.default.contentsOfDirectory(atPath: server.posts).filter { $0.hasSuffix(".md") }
            .map { String($0.dropLast(3)) }.sorted()
        for number in 0..<(20 - slugs.count) {
            let slug = "visitor-post-\(number)"
            try server.addPost(slug + ".md", "---\ntitle: \"Visitor Post \(number)\"\ndate: 2021-01-0\(number + 1)\n---\n\nA post.\n")
            slugs.append(slug)
        }
        XCTAssertEqual(slugs.count, 20)
        let keys = try (0..<20).map { try server.makeClientKey("crowd-\($0)") }

        // Twenty sessions at once, each opened on its own post (read once opened), then all quit.
        let sessions = try zip(keys, slugs).map { key, slug in try visit(server, key: key, request: "post:" + slug) }
        for (number, tmux) in sessions.enumerated() {
            try tmux.waitFor("visitor \(number) in the reader", seconds: 40) { $0.contains { $0.contains("line 1–") } }
        }
        XCTAssertEqual(server.bylineProcesses().count, 20, "all twenty at once")
        for tmux in sessions { try tmux.send("q") }
        for tmux in sessions { try tmux.waitFor("the list", seconds: 30) { self.status($0).hasPrefix(" 20 of 20 posts") } }
        for tmux in sessions { try quit(tmux, server) }
        XCTAssertTrue(server.bylinesEnd(within: 10))

        // Each visitor's file holds exactly their own mark.
        for (key, slug) in zip(keys, slugs) {
            let folder = server.stateFolder + "/visitors/" + (try folderName(ofKey: key))
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".state.sqlite") }
            XCTAssertEqual(files.count, 1, "\(folder): \(files)")
            let (status, output) = try Spawn.run(["/usr/bin/sqlite3", "file:\(folder)/\(files[0])?immutable=1",
                                                  "SELECT path FROM posts WHERE read = 1"], timeout: 10)
            XCTAssertEqual(status, 0, output)
            XCTAssertEqual(output.split(separator: "\n").map(String.init), [slug + ".md"], "\(slug)")
        }
    }
}
