import Foundation
import XCTest

/// Restricted mode as a stranger meets it, short of SSH itself (SSHEndToEndTests goes through sshd).
final class RestrictedModeTests: XCTestCase {
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
                                   command: "\(BylineRunner.binary) --restricted --idle-timeout 1 \(BylineRunner.shippedPosts); echo EXIT=$?; exec sleep 60")
        try tmux.waitFor(text: "14 of 14 posts")
        let screen = try tmux.waitFor(text: "EXIT=0")
        XCTAssertTrue(screen.contains { $0.contains("byline: closed after 1 seconds without a key") })
    }

    func testDumbTerminalsGetANumberedTextReader() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let tmux = try TmuxSession(width: 100, height: 40,
                                   command: "TERM=dumb \(BylineRunner.binary) --restricted \(BylineRunner.shippedPosts); echo EXIT=$?; exec sleep 60")
        try tmux.waitFor(text: "14. 2026-02-10  10 Things I Learned")
        try tmux.type("10")
        try tmux.send("Enter")
        // The post is longer than the screen, so its first lines have scrolled away by the time the
        // prompt returns: read the pane's whole output. The listing names the title too, so the
        // post is looked for after the "10" typed at the prompt.
        let prompt = "number to read, /words to search, l to list, q to quit>"
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
        try tmux.waitFor(text: "EXIT=0")
    }

    func testPastedBinarySurvives() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let scratch = try ScratchFolder()
        var generator = SystemRandomNumberGenerator()
        // A megabyte of random bytes, less the two keys that legitimately end a session.
        let bytes = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }.filter { $0 != 0x03 && $0 != UInt8(ascii: "q") }
        try Data(bytes).write(to: URL(fileURLWithPath: scratch.path + "/paste.bin"))
        let tmux = try TmuxSession(width: 100, height: 30,
                                   command: "exec \(BylineRunner.binary) --restricted \(BylineRunner.shippedPosts)")
        try tmux.waitFor(text: "14 of 14 posts")
        let pid = try tmux.panePID()
        try tmux.tmux(["load-buffer", scratch.path + "/paste.bin"])
        try tmux.tmux(["paste-buffer", "-t", "main"])
        usleep(500_000)
        XCTAssertFalse(ProcessWatch.isGone(pid), "byline survived the paste")
        // Still answering: Ctrl-C ends it. The paste may end inside a multi-byte character that
        // swallows the first Ctrl-C, so it is pressed again until byline leaves.
        var exited = false
        for _ in 0..<90 where !exited {
            try tmux.send("C-c")
            exited = ProcessWatch.exits(pid, within: 1)
        }
        XCTAssertTrue(exited, "byline answers after the paste")
    }
}

/// Whatever TERM a client sends, and without LANG, byline comes up and leaves cleanly.
final class TerminalTypeTests: XCTestCase {
    func testEveryTerminalTypeAClientMightSend() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        for term in ["xterm-256color", "tmux-256color", "screen", "linux", "vt100", "no-such-terminal-type"] {
            // env -u LANG -u LC_ALL: SSH often passes no locale; byline falls back to C.UTF-8.
            let command = "env -u LANG -u LC_ALL -u LC_CTYPE TERM=\(term) \(BylineRunner.binary) --restricted "
                + "\(BylineRunner.shippedPosts); echo EXIT=$?; exec sleep 60"
            let tmux = try TmuxSession(width: 100, height: 30, command: command)
            let screen = try tmux.waitFor(text: "14 of 14 posts")
            XCTAssertTrue(screen.contains { $0.contains("backend") && $0.contains("14") }, "\(term): the tag pane")
            XCTAssertTrue(screen.contains { $0.contains("─") || $0.contains("-") || $0.contains("│") }, "\(term): lines drawn")
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT=0")
        }
    }
}
