import Foundation
import XCTest

/// What the reader writes to its terminal for the protocols of issue 18, read raw from a pty of the
/// test's own: mouse reporting (DEC 1000 + 1006) set and reset, or never touched with `--no-mouse`;
/// an SGR mouse report read as the mouse, never as typed keys; Ctrl-C's exit status; OSC 8
/// hyperlinks whose targets, however hostile, never reach the terminal raw, on a screen that looks
/// the same with them as without (tmux).
final class TerminalProtocolsEndToEndTests: XCTestCase {
    private static let mouseOn = Array("\u{1B}[?1000h\u{1B}[?1006h".utf8)
    private static let mouseOff = Array("\u{1B}[?1006l\u{1B}[?1000l".utf8)

    private func occurrences(_ needle: [UInt8], in haystack: [UInt8]) -> Int {
        var count = 0, rest = haystack[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    private func reader(_ arguments: [String], posts: String = BylineRunner.shippedPosts, cache: ScratchFolder,
                        columns: Int = 100, rows: Int = 30) throws -> PseudoTerminal {
        try PseudoTerminal(columns: columns, rows: rows, argv: [BylineRunner.binary, posts] + arguments,
                           environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path])
    }

    func testMouseModesAreSetAndResetAndAReportIsNoKeys() throws {
        let cache = try ScratchFolder()
        let terminal = try reader([], cache: cache)
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"))
        XCTAssertEqual(occurrences(Self.mouseOn, in: terminal.output), 1, "on once, at the start")
        XCTAssertEqual(occurrences(Self.mouseOff, in: terminal.output), 0)

        // In the search prompt every typed key is text and Escape leaves it: a report read as keys would
        // end the prompt or type `[<0;5;3M`. Read as the mouse, the prompt holds only what is typed after.
        terminal.type("/")
        XCTAssertTrue(terminal.waitFor("█"))
        var mark = terminal.output.count
        terminal.type("\u{1B}[<0;5;3M\u{1B}[<0;5;3m\u{1B}[<64;5;3M")
        terminal.type("go")
        XCTAssertTrue(terminal.waitFor("search: go", after: mark), String(decoding: terminal.output[mark...], as: UTF8.self).debugDescription)
        XCTAssertFalse(String(decoding: terminal.output[mark...], as: UTF8.self).contains("[<"))
        terminal.type("\u{1B}")  // leaves the prompt (after the escape delay)
        mark = terminal.output.count
        XCTAssertTrue(terminal.waitFor("14 of 14 posts", after: mark))

        let end = terminal.output.count
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0, "q quits with 0")
        let quit = Array(terminal.output[end...])
        XCTAssertEqual(occurrences(Self.mouseOff, in: quit), 1, "off at the end: \(String(decoding: quit, as: UTF8.self).debugDescription)")
        XCTAssertEqual(occurrences(Self.mouseOn, in: quit), 0)
    }

    /// Around a suspend (ncurses' SIGTSTP handler, wrapped) off then on again; after a crash off, from
    /// `CrashRestore`'s prepared bytes, as bracketed paste is.
    func testMouseModesFollowASuspendAndACrash() throws {
        let cache = try ScratchFolder()
        let terminal = try PseudoTerminal(columns: 100, rows: 30, argv: [BylineRunner.binary, BylineRunner.shippedPosts],
                                          environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path,
                                                        "SWIFT_BACKTRACE": "enable=no"])
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"))
        var mark = terminal.output.count
        XCTAssertEqual(kill(terminal.pid, SIGTSTP), 0)
        XCTAssertTrue(terminal.waitFor("\u{1B}[?1000h\u{1B}[?1006h", after: mark), "on again after the suspend")
        let suspend = Array(terminal.output[mark...])
        let offAt = try XCTUnwrap(suspend.firstRange(of: Self.mouseOff)?.lowerBound, "off for the suspend")
        let leaveAt = try XCTUnwrap(suspend.firstRange(of: Array("\u{1B}[?1049l".utf8))?.lowerBound, "the screen left")
        let onAt = try XCTUnwrap(suspend.firstRange(of: Self.mouseOn)?.lowerBound)
        XCTAssertLessThan(offAt, leaveAt, "off before the shell's screen is back")
        XCTAssertLessThan(leaveAt, onAt, "on after the suspend")

        mark = terminal.output.count
        XCTAssertEqual(kill(terminal.pid, SIGSEGV), 0)
        XCTAssertEqual(terminal.exitStatus(within: 10), 128 + SIGSEGV)
        XCTAssertEqual(occurrences(Self.mouseOff, in: Array(terminal.output[mark...])), 1, "off after the crash")
    }

    /// The same under tmux (TERM tmux-256color, whose `kmous` is `\E[M`: ncurses hands the SGR report
    /// over as plain characters): the report reaches the pane as bytes and is read as the mouse.
    func testAReportThroughTmuxIsNoKeys() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cache = try ScratchFolder()
        let command = "\(BylineRunner.binary) \(BylineRunner.shippedPosts); echo \"exit=$?\"; exec sleep 60"
        let tmux = try TmuxSession(width: 100, height: 30, command: command, environment: ["XDG_CACHE_HOME": cache.path])
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.send("/")
        try tmux.waitFor("the search prompt") { ReaderScreen.statusLine($0).hasPrefix(" /█") }
        try tmux.type("\u{1B}[<0;5;3M\u{1B}[<0;5;3m\u{1B}[<65;5;3M")
        try tmux.type("go")
        let screen = try tmux.waitFor("the typed query") { ReaderScreen.statusLine($0).hasPrefix(" /go█") }
        XCTAssertFalse(screen.joined().contains("[<"), "no piece of the report typed")
        try tmux.send("Escape")
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }

    func testNoMouseTouchesNoMouseMode() throws {
        let cache = try ScratchFolder()
        let terminal = try reader(["--no-mouse"], cache: cache)
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"))
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0)
        XCTAssertNil(terminal.output.firstRange(of: Array("\u{1B}[?1000".utf8)), "no mode 1000 set or reset")
        XCTAssertNil(terminal.output.firstRange(of: Array("\u{1B}[?1006".utf8)), "no mode 1006 set or reset")
    }

    func testControlCExitsWith130AndResetsTheModes() throws {
        let cache = try ScratchFolder()
        let terminal = try reader([], cache: cache)
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"))
        let end = terminal.output.count
        terminal.type("\u{3}")
        XCTAssertEqual(terminal.exitStatus(within: 10), 130, "128 + SIGINT, as an interrupted program")
        let quit = Array(terminal.output[end...])
        XCTAssertEqual(occurrences(Self.mouseOff, in: quit), 1)
        XCTAssertEqual(occurrences(Array("\u{1B}[?2004l".utf8), in: quit), 1, "bracketed paste off too")
        XCTAssertNotNil(quit.firstRange(of: Array("\u{1B}[?1049l".utf8)), "the shell's screen back")
    }

    /// A post whose links hold what a hostile author would put in them.
    static let hostilePost = """
        ---
        title: Hostile links
        ---

        [escape](<https://x.example/e\u{1B}]8;;https://evil.example\u{1B}\\\\>) and
        [bell](<https://x.example/b\u{7}\u{1B}[2J>) and
        [c1](<https://x.example/c\u{9B}31m\u{9D}0;t\u{9C}>) and
        [del](<https://x.example/d\u{7F}>) and
        [space](<https://x.example/a b>) and
        [padding](<https://x.example/$\\<500\\>/p>) and
        [long](https://x.example/\(String(repeating: "a", count: 5000))) and
        [plain](https://example.com/plain).

        """

    func testHostileLinksNeverReachTheTerminalRaw() throws {
        let cache = try ScratchFolder()
        let blog = try ScratchFolder()
        try blog.write("hostile.md", Self.hostilePost)
        let terminal = try reader(["--hyperlinks", "always", "--no-mouse"], posts: blog.path, cache: cache)
        XCTAssertTrue(terminal.waitFor("1 of 1 posts"))
        let mark = terminal.output.count
        terminal.type("\r")
        XCTAssertTrue(terminal.waitFor("%", after: mark), "the reader's status line")
        XCTAssertTrue(terminal.waitFor("\u{1B}]8;;https://example.com/plain\u{1B}\\", after: mark), "a plain link is a hyperlink")
        let written = Array(terminal.output[mark...])
        terminal.type("q")
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0)

        // Every hyperlink's target: printable ASCII, no `$<`, ended by ST.
        let open = Array("\u{1B}]8;;".utf8), st = Array("\u{1B}\\".utf8)
        var rest = written[...], targets: [String] = []
        while let start = rest.firstRange(of: open) {
            let after = rest[start.upperBound...]
            let end = try XCTUnwrap(after.firstRange(of: st), "an OSC 8 without its end")
            let target = String(decoding: after[..<end.lowerBound], as: UTF8.self)
            XCTAssertTrue(target.utf8.allSatisfy { (0x21...0x7E).contains($0) }, target.debugDescription)
            XCTAssertFalse(target.contains("$<"), target)
            targets.append(target)
            rest = after[end.upperBound...]
        }
        for expected in ["https://x.example/e%1B]8;;https://evil.example%1B%5C", "https://x.example/b%07%1B[2J",
                         "https://x.example/c%C2%9B31m%C2%9D0;t%C2%9C", "https://x.example/d%7F", "https://x.example/a%20b",
                         "https://x.example/$%3C500%3E/p", "https://example.com/plain"] {
            XCTAssertTrue(targets.contains(expected), "\(expected) in \(Set(targets))")
        }
        XCTAssertFalse(targets.contains { $0.hasPrefix("https://x.example/aaaa") }, "a 5 KB target is no hyperlink")
        XCTAssertFalse(targets.contains("https://evil.example"), "no second link forged")
        // Nothing of the URLs raw: no BEL, no C1 control, no clear screen, no padding.
        XCTAssertFalse(written.contains(0x07), "no BEL")
        XCTAssertNil(written.firstRange(of: [0xC2, 0x9B]), "no C1 CSI")
        XCTAssertNil(written.firstRange(of: [0xC2, 0x9D]), "no C1 OSC")
        XCTAssertNil(written.firstRange(of: Array("\u{1B}[2J".utf8)), "no clear screen from a URL")
        // (`$<` may be on screen as text, drawn by ncurses, which parses no padding in text.)
        XCTAssertNil(written.firstRange(of: Array("\u{1B}]8;;https://evil".utf8)))
    }

    /// ncurses redraws the whole screen on its own after a suspend, knowing nothing of hyperlinks: they
    /// are written again after it.
    func testHyperlinksComeBackAfterASuspend() throws {
        let cache = try ScratchFolder()
        let terminal = try PseudoTerminal(columns: 100, rows: 30, argv: [BylineRunner.binary, BylineRunner.shippedPosts, "--hyperlinks", "always"],
                                          environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path,
                                                        "SSH_ORIGINAL_COMMAND": "post:worker-pools-in-go"])
        // The references at the post's end: a link whose text is its target, not on the first screen.
        let link = "\u{1B}]8;;resilient-queue-workers-in-go.md\u{1B}\\resilient-queue-workers-in-go.md"
        XCTAssertTrue(terminal.waitFor(" · line "))
        var mark = terminal.output.count
        terminal.type("G")
        // Its links are written after the frame: then byline waits for a key. (ncurses ignores SIGTSTP
        // while it draws, so the signal is sent once the frame is out.)
        XCTAssertTrue(terminal.waitFor(link, after: mark))
        mark = terminal.output.count
        XCTAssertEqual(kill(terminal.pid, SIGTSTP), 0)
        XCTAssertTrue(terminal.waitFor("\u{1B}[?2004h", after: mark), "resumed")
        XCTAssertTrue(terminal.waitFor(link, after: mark), "the link written again after ncurses' redraw")
        let resumedAt = try XCTUnwrap(terminal.output[mark...].firstRange(of: Array("\u{1B}[?1049h".utf8))?.lowerBound)
        let linkAt = try XCTUnwrap(terminal.output[mark...].firstRange(of: Array(link.utf8))?.lowerBound)
        XCTAssertLessThan(resumedAt, linkAt, "after the screen is taken again")
        terminal.type("qq")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0)
    }

    /// tmux 3.3a ignores OSC 8: the screen with hyperlinks must be the screen without, cell for cell,
    /// also after scrolling (cells whose link changes are written again) and a redraw.
    func testTheScreenIsTheSameWithHyperlinks() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        var screens: [[[String]]] = []
        for choice in ["never", "always"] {
            let cache = try ScratchFolder()
            let command = "\(BylineRunner.binary) \(BylineRunner.shippedPosts) --hyperlinks \(choice); echo \"exit=$?\"; exec sleep 60"
            // Straight into a post with links (a deep link, as over SSH).
            let tmux = try TmuxSession(width: 100, height: 30, command: command,
                                       environment: ["XDG_CACHE_HOME": cache.path, "SSH_ORIGINAL_COMMAND": "post:worker-pools-in-go"])
            var seen: [[String]] = []
            // A frame reaches tmux in pieces: a screen counts once two captures in a row agree.
            func settled(_ description: String, differingFrom previous: [String]?) throws -> [String] {
                var last: [String] = []
                return try tmux.waitFor(description) { screen in
                    defer { last = screen }
                    return screen == last && screen != previous && ReaderScreen.statusLine(screen).contains("% · line")
                }
            }
            var screen = try settled("the reader", differingFrom: nil)
            seen.append(screen)
            for key in ["C-d", "C-d", "C-u", "G", "g"] {
                try tmux.send(key)
                screen = try settled("\(key) answered (\(choice))", differingFrom: screen)
                seen.append(screen)
            }
            try tmux.send("C-l")
            let before = screen
            seen.append(try tmux.waitFor("the redraw (\(choice))") { $0 == before })
            try tmux.send("q", "q")
            try tmux.waitFor(text: "exit=0")
            screens.append(seen)
        }
        XCTAssertEqual(screens[0], screens[1])
    }
}
