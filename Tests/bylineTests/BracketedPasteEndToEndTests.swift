import Foundation
import XCTest

/// A paste is text, never commands: byline asks the terminal to bracket pastes (mode 2004) and reads
/// a bracketed paste as one key, which only the search and find prompts take. Before, a pasted `q`
/// quit and a pasted `x` excluded a tag. And the mode is off again whenever the terminal is given
/// back, or the shell after byline would see the markers around its own pastes.
final class BracketedPasteEndToEndTests: XCTestCase {
    private static let on = Array("\u{1B}[?2004h".utf8)
    private static let off = Array("\u{1B}[?2004l".utf8)

    func testPastedLettersAreNoCommandsAndAPasteGoesIntoTheSearch() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cacheHome = try ScratchFolder()
        let command = "\(BylineRunner.binary) \(BylineRunner.shippedPosts); echo \"exit=$?\"; exec sleep 60"
        let tmux = try TmuxSession(width: 120, height: 40, command: command, environment: ["XDG_CACHE_HOME": cacheHome.path])
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.send("t")
        try tmux.waitFor(text: "· tags")
        try tmux.moveTagCursor(to: "go")
        // In the tag pane, x excludes the tag under the cursor and q quits: pasted, neither.
        try tmux.paste("xq")
        // A key typed after the paste is answered after it: once Space has required go, the paste is done.
        try tmux.send("Space")
        var screen = try tmux.waitFor(text: "10 of 14 posts")
        XCTAssertFalse(screen[0].contains("NOT"), "no tag excluded: \(screen[0])")
        XCTAssertFalse(screen.contains { $0.contains("exit=") }, "byline still runs")

        // Into the search prompt (from the list: `/` in the tag pane finds a tag): the text, its line
        // end a space, its q a letter.
        try tmux.send("Tab")
        try tmux.waitFor(text: "· list")
        try tmux.send("/")
        try tmux.paste("latency\nq")
        screen = try tmux.waitFor("the pasted query") { ReaderScreen.statusLine($0).hasPrefix(" /latency q█") }
        try tmux.send("Escape")
        try tmux.waitFor(text: "10 of 14 posts")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }

    /// The bytes byline writes: the mode on once the screen is set up, off before a suspend and on
    /// after it (ncurses' SIGTSTP handler leaves and redraws the screen), off when byline quits.
    func testTheModeIsOnWhileTheScreenIsTakenAndOffAroundASuspendAndAtTheEnd() throws {
        let cache = try ScratchFolder()
        let terminal = try PseudoTerminal(columns: 100, rows: 30, argv: [BylineRunner.binary, BylineRunner.shippedPosts],
                                          environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path])
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"))
        XCTAssertEqual(occurrences(Self.on, in: terminal.output), 1, "on once, at the start")
        XCTAssertEqual(occurrences(Self.off, in: terminal.output), 0)

        // byline leads a session of its own, an orphaned process group: the kernel discards the stop
        // itself, and ncurses' handler goes straight on from leaving the screen to drawing it again.
        let mark = terminal.output.count
        XCTAssertEqual(kill(terminal.pid, SIGTSTP), 0)
        XCTAssertTrue(terminal.waitFor("\u{1B}[?2004h", after: mark), "on again after the suspend")
        let suspend = Array(terminal.output[mark...])
        let offAt = try XCTUnwrap(suspend.firstRange(of: Self.off)?.lowerBound, "off for the suspend: \(text(suspend))")
        let leaveAt = try XCTUnwrap(suspend.firstRange(of: Array("\u{1B}[?1049l".utf8))?.lowerBound, "the screen left")
        let onAt = try XCTUnwrap(suspend.firstRange(of: Self.on)?.lowerBound)
        XCTAssertLessThan(offAt, leaveAt, "off before the shell's screen is back")
        XCTAssertLessThan(leaveAt, onAt, "on after the suspend")

        let end = terminal.output.count
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0)
        let quit = Array(terminal.output[end...])
        XCTAssertEqual(occurrences(Self.off, in: quit), 1, "off at the end: \(text(quit))")
        XCTAssertEqual(occurrences(Self.on, in: quit), 0)
    }

    /// A crash gives the terminal back through prepared bytes (`CrashRestore`): the mode's end is among them.
    func testACrashTurnsTheModeOff() throws {
        let cache = try ScratchFolder()
        let terminal = try PseudoTerminal(columns: 100, rows: 30, argv: [BylineRunner.binary, BylineRunner.shippedPosts],
                                          environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path,
                                                        "SWIFT_BACKTRACE": "enable=no"])
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"))
        let mark = terminal.output.count
        XCTAssertEqual(kill(terminal.pid, SIGSEGV), 0)
        XCTAssertEqual(terminal.exitStatus(within: 10), 128 + SIGSEGV)
        let crash = Array(terminal.output[mark...])
        XCTAssertEqual(occurrences(Self.off, in: crash), 1, "off after the crash: \(text(crash))")
    }

    private func start() throws -> (PseudoTerminal, ScratchFolder) {
        let cache = try ScratchFolder()
        let terminal = try PseudoTerminal(columns: 100, rows: 30, argv: [BylineRunner.binary, BylineRunner.shippedPosts],
                                          environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path])
        XCTAssertTrue(terminal.waitFor("14 of 14 posts"))
        return (terminal, cache)
    }

    /// A paste whose end marker never comes (a visitor typed `ESC [ 200 ~`) ends after a second of
    /// silence: the keys after it are keys again, and `q` quits.
    func testAPasteWithoutItsEndEndsAtSilenceAndKeysWorkAgain() throws {
        let (terminal, _) = try start()
        terminal.type("\u{1B}[200~jjj")
        terminal.settle(seconds: 0.2)
        XCTAssertNil(terminal.exitStatus(within: 0))
        // Well past the silence that ends it (a second), with room for a loaded machine.
        terminal.settle(seconds: 2.5)
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0, "q after the broken paste quits")
    }

    /// A signal during a paste is answered at once, not after the paste.
    func testASignalDuringAPasteEndsByline() throws {
        let (terminal, _) = try start()
        terminal.type("\u{1B}[200~" + String(repeating: "q", count: 1000))
        terminal.settle(seconds: 0.2)
        XCTAssertNil(terminal.exitStatus(within: 0), "the q are pasted text")
        XCTAssertEqual(kill(terminal.pid, SIGTERM), 0)
        XCTAssertEqual(terminal.exitStatus(within: 10), 128 + SIGTERM)
    }

    private func occurrences(_ needle: [UInt8], in bytes: [UInt8]) -> Int {
        var count = 0
        var rest = bytes[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).debugDescription }
}

extension TmuxSession {
    /// Pastes `text` as a terminal does: tmux brackets it with `ESC [ 200 ~` and `ESC [ 201 ~` when the
    /// program asked for bracketed paste (mode 2004), and sends it bare otherwise. Line feeds become
    /// carriage returns, as from a terminal.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "byline-paste", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "byline-paste", "-t", "main"])
    }
}
