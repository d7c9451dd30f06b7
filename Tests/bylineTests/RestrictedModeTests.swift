import Foundation
import XCTest

/// Restricted mode as a stranger meets it, short of SSH itself (SSHEndToEndTests goes through sshd).
final class RestrictedModeTests: XCTestCase {
    /// An empty cache folder for each test: restricted mode reads a cache it finds, and one for the
    /// shipped posts in the runner's ~/.cache would make the reader repaint when its refresh ends.
    private var cacheHome: ScratchFolder!
    private var environment: [String: String] { ["XDG_CACHE_HOME": cacheHome.path] }

    override func setUpWithError() throws { cacheHome = try ScratchFolder() }
    override func tearDown() { cacheHome = nil }

    /// The prompt of the numbered text reader (DumbTerminalSession), as tmux shows it: without the
    /// space after `>`, as the last row with anything on it while byline waits for a line.
    static let dumbPrompt = "number to read, /words to search, l to list, q to quit>"

    func testWithoutATerminalItPrintsTheListingAndIgnoresTheClientsCommand() throws {
        let result = try BylineRunner.run(["--restricted", BylineRunner.shippedPosts],
                                          environment: ["SSH_ORIGINAL_COMMAND": "cat /etc/passwd"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("Why WebSockets Aren't Always"), result.stdout)
        XCTAssertFalse(result.stdout.contains("root:x:0:0"))
        let environment = try BylineRunner.run([BylineRunner.shippedPosts], environment: ["BYLINE_RESTRICTED": "1"])
        XCTAssertEqual(environment.stdout, result.stdout)
    }

    func testIdleSessionsEndWithALineSayingWhy() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let tmux = try TmuxSession(width: 100, height: 30,
                                   command: "\(BylineRunner.binary) --restricted --idle-timeout 1 \(BylineRunner.shippedPosts); echo EXIT=$?; exec sleep 60",
                                   environment: environment)
        // The reader's screen is up for only a second (and gone with the alternate screen), so it is
        // not waited for: the line is the reader's own ("without a key"; the text reader says "input").
        let screen = try tmux.waitFor(text: "EXIT=")
        XCTAssertTrue(screen.contains { $0.contains("EXIT=0") }, "\(screen)")
        XCTAssertTrue(screen.contains { $0.contains("byline: closed after 1 seconds without a key") }, "\(screen)")
    }

    func testDumbTerminalsGetANumberedTextReader() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let tmux = try TmuxSession(width: 100, height: 40,
                                   command: "TERM=dumb \(BylineRunner.binary) --restricted \(BylineRunner.shippedPosts); echo EXIT=$?; exec sleep 60",
                                   environment: environment)
        // The prompt is a write of its own after the listing: typed before it, "10" would be echoed
        // ahead of it, and the row `prompt 10` looked for below would never exist.
        let prompt = Self.dumbPrompt
        let listing = try tmux.waitFor("the listing and the prompt") { ReaderScreen.statusLine($0) == prompt }
        XCTAssertNotNil(ReaderScreen.row(listing, containing: "14. 2026-02-10  10 Things I Learned"), "\(listing)")
        try tmux.type("10")
        try tmux.send("Enter")
        // The post is longer than the screen, so its first lines have scrolled away by the time the
        // prompt returns: read the pane's whole output. The listing names the title too, so the
        // post is looked for after the "10" typed at the prompt.
        let output = try tmux.waitFor("the prompt after the post", history: true) { rows in
            rows.filter { $0.hasPrefix(prompt) }.count == 2
        }
        let typed = try XCTUnwrap(output.firstIndex(of: prompt + " 10"))
        let shown = output[(typed + 1)...].drop { $0.isEmpty }
        XCTAssertEqual(shown.first, "Reducing Latency in Go APIs: Lessons from Production", "the post's title heads it")
        XCTAssertTrue(shown.contains { $0.hasPrefix("Last year our orders API had a p50 of 40ms") }, "its body follows")
        XCTAssertEqual(output.last { !$0.isEmpty }, prompt, "then the prompt again")
        try tmux.type("q")
        try tmux.send("Enter")
        let screen = try tmux.waitFor(text: "EXIT=")
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "EXIT=0"), "\(screen)")
    }

    func testPastedBinarySurvives() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let scratch = try ScratchFolder()
        var generator = SystemRandomNumberGenerator()
        // A megabyte of random bytes, less the two keys that legitimately end a session.
        let bytes = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }.filter { $0 != 0x03 && $0 != UInt8(ascii: "q") }
        try Data(bytes).write(to: URL(fileURLWithPath: scratch.path + "/paste.bin"))
        let tmux = try TmuxSession(width: 100, height: 30,
                                   command: "\(BylineRunner.binary) --restricted \(BylineRunner.shippedPosts); echo EXIT=$?; exec sleep 60",
                                   environment: environment)
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.tmux(["load-buffer", scratch.path + "/paste.bin"])
        try tmux.tmux(["paste-buffer", "-t", "main"])
        // Input is read in order, so a Ctrl-C sent now is read after the whole paste. Ctrl-C quits with
        // status 0, and the paste holds no Ctrl-C or q (the only keys that quit), so EXIT=0 says that
        // byline survived the paste and answered a Ctrl-C after it; a crash shows as another status.
        // The paste may end inside a multi-byte character that swallows a Ctrl-C, so it is pressed
        // again, a second apart, until byline leaves.
        var screen: [String] = []
        for _ in 0..<90 {
            try tmux.send("C-c")
            let deadline = Date().addingTimeInterval(1)
            repeat {
                screen = try tmux.capture()
                if screen.contains(where: { $0.contains("EXIT=") }) { break }
                usleep(20_000)
            } while Date() < deadline
            if screen.contains(where: { $0.contains("EXIT=") }) { break }
        }
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "EXIT=130"), "byline answers Ctrl-C (status 130) after the paste: \(screen)")
    }
}

/// Whatever TERM a client sends, and without LANG, byline comes up and leaves cleanly.
final class TerminalTypeTests: XCTestCase {
    func testEveryTerminalTypeAClientMightSend() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cacheHome = try ScratchFolder()
        for term in ["xterm-256color", "tmux-256color", "screen", "linux", "vt100", "no-such-terminal-type"] {
            // env -u LANG -u LC_ALL: SSH often passes no locale; byline falls back to C.UTF-8.
            let command = "env -u LANG -u LC_ALL -u LC_CTYPE TERM=\(term) \(BylineRunner.binary) --restricted "
                + "\(BylineRunner.shippedPosts); echo EXIT=$?; exec sleep 60"
            let tmux = try TmuxSession(width: 100, height: 30, command: command, environment: ["XDG_CACHE_HOME": cacheHome.path])
            let screen = try tmux.waitFor(text: "14 of 14 posts")
            XCTAssertTrue(screen.contains { $0.contains("backend") && $0.contains("14") }, "\(term): the tag pane")
            XCTAssertTrue(screen.contains { $0.contains("─") || $0.contains("-") || $0.contains("│") }, "\(term): lines drawn")
            try tmux.send("q")
            let closed = try tmux.waitFor(text: "EXIT=")
            XCTAssertNotNil(ReaderScreen.row(closed, containing: "EXIT=0"), "\(term): \(closed)")
        }
    }
}
