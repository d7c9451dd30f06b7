import Foundation
import XCTest

/// The real binary in a real terminal (tmux): the walk a reader takes through the shipped blog.
final class ReaderEndToEndTests: XCTestCase {
    private func row(_ screen: [String], containing text: String) -> String? { ReaderScreen.row(screen, containing: text) }
    private func hasTag(_ screen: [String], _ name: String, _ count: Int) -> Bool { ReaderScreen.hasTag(screen, name, count) }
    private func status(_ screen: [String]) -> String { ReaderScreen.statusLine(screen) }

    func testTheWholeWalk() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let scratch = try ScratchFolder()
        // An empty cache folder of its own: a cache of the shipped posts in the runner's ~/.cache would
        // make the reader start from it and repaint when its refresh ends.
        let cacheHome = try ScratchFolder()
        let command = "cd \(scratch.path) && stty -a > before.txt; \(BylineRunner.binary) \(BylineRunner.shippedPosts); "
            + "echo \"exit=$?\"; stty -a > after.txt; echo WALK-DONE; exec sleep 60"
        let tmux = try TmuxSession(width: 120, height: 40, command: command, environment: ["XDG_CACHE_HOME": cacheHome.path])

        // Three panes, with the tag counts.
        // A frame reaches tmux in pieces (rows top to bottom): wait for its last row, the status line, too.
        var screen = try tmux.waitFor("three panes and the status line") {
            self.hasTag($0, "backend", 14) && self.hasTag($0, "go", 10) && self.row($0, containing: "14 of 14 posts") != nil
        }
        XCTAssertNotNil(row(screen, containing: "Preview"))
        XCTAssertNotNil(row(screen, containing: "14 of 14 posts"))

        // Require go.
        try tmux.send("t")
        try tmux.waitFor(text: "· tags")
        try tmux.moveTagCursor(to: "go")
        try tmux.send("Space")
        screen = try tmux.waitFor(text: "10 of 14 posts")
        XCTAssertTrue(screen[0].contains("go"), "the title bar shows the filter")

        // Exclude career.
        try tmux.moveTagCursor(to: "career")
        try tmux.send("x")
        try tmux.waitFor(text: "go AND NOT career")

        // Search latency from the list (`/` in the tag pane finds a tag): only the latency post.
        try tmux.send("Tab")
        try tmux.waitFor(text: "· list")
        try tmux.send("/")
        try tmux.type("latency")
        // Each typed letter shows an interim count (titles and tags) while the body search runs.
        try tmux.waitFor("the search for latency done") {
            self.status($0).hasPrefix(" /latency█  1 of 14 posts") && !self.status($0).contains("searching")
        }
        try tmux.send("Enter")
        screen = try tmux.waitFor("the search kept") {
            self.status($0).hasPrefix(" 1 of 14 posts") && !self.status($0).contains("searching") && !$0.joined().contains("█")
        }
        XCTAssertNotNil(row(screen, containing: "Reducing Latency in Go"))
        XCTAssertNil(row(screen, containing: "Worker Pools in Go"))

        // Clear the filter: the selection stays on the latency post. Open it.
        try tmux.send("c")
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.waitFor(text: "· list")
        try tmux.send("Enter")
        screen = try tmux.waitFor(text: "% · line 1–")
        XCTAssertTrue(screen[0].contains("Reducing Latency in Go APIs"))

        // Page down, find a word.
        try tmux.send("NPage")
        try tmux.waitFor("paged") { !($0.last { $0.contains("% · line") }?.contains("line 1–") ?? true) }
        try tmux.send("/")
        try tmux.type("pprof")
        // While typing, the status line reads "/pprof█"; once Enter is handled, "· /pprof" and no █.
        try tmux.send("Enter")
        screen = try tmux.waitFor("the find kept") { self.status($0).contains("% · line") && self.status($0).contains(" · /pprof") && !$0.joined().contains("█") }
        XCTAssertTrue(screen.dropFirst().dropLast().contains { $0.lowercased().contains("pprof") }, "the match is on screen")

        // Next post, then back to the list.
        try tmux.send("]")
        screen = try tmux.waitFor(text: "Building Resilient Workers in Go")
        try tmux.send("q")
        try tmux.waitFor(text: "14 of 14 posts")

        // Resize: two panes, one pane, and back with no stale cells.
        try tmux.resize(width: 70, height: 20)
        screen = try tmux.waitFor("two panes at 70x20") { $0.count >= 20 && $0.contains { $0.contains("Tags") && $0.contains("Posts") } && !$0.joined().contains("Preview") }
        try tmux.resize(width: 40, height: 10)
        screen = try tmux.waitFor("one pane at 40x10") { $0.contains { $0.contains("Posts") } && !$0.contains { $0.contains("Tags") } }
        try tmux.resize(width: 120, height: 40)
        // The whole frame at the new size: its last row, the status line, is written last.
        let regrown = try tmux.waitFor("three panes again") {
            $0.count >= 40 && $0.contains { $0.contains("Preview") } && self.hasTag($0, "backend", 14)
                && self.status($0).hasPrefix(" 14 of 14 posts · list")
        }

        // Ctrl-L redraws every cell; a redraw shows nothing new to see, so the help opened after it (keys
        // are handled in order) shows it was handled, and closing the help must give back the very
        // screen from before: a cell that differs was stale after the resizes.
        try tmux.send("C-l")
        try tmux.send("?")
        try tmux.waitFor(text: "toggle the tag as excluded")
        try tmux.send("q")
        // A frame reaches tmux row by row: poll (with a deadline) for the screen from before.
        var redrawn = try tmux.capture()
        let deadline = Date().addingTimeInterval(10)
        while redrawn != regrown, Date() < deadline {
            usleep(20_000)
            redrawn = try tmux.capture()
        }
        XCTAssertEqual(redrawn, regrown, "a full redraw changes nothing: no stale cells")

        // Quit: the shell is back and the terminal is as it was.
        try tmux.send("q")
        screen = try tmux.waitFor(text: "WALK-DONE")
        XCTAssertNotNil(row(screen, containing: "exit=0"))
        let before = try String(contentsOfFile: scratch.path + "/before.txt", encoding: .utf8)
        let after = try String(contentsOfFile: scratch.path + "/after.txt", encoding: .utf8)
        XCTAssertEqual(before, after, "stty -a is unchanged after byline")
    }

    func testQuittingWithCtrlCAndSIGTERMRestoresTheTerminal() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let scratch = try ScratchFolder()
        let cacheHome = try ScratchFolder()
        // Between the runs the shell says the first has ended and waits for Enter, so that the second
        // run's screen cannot be mistaken for the first's. The second is byline itself (sh execs it
        // once the pid is written), so the SIGTERM reaches byline, not a shell on its way to it.
        let command = "cd \(scratch.path) && stty -a > before.txt; \(BylineRunner.binary) \(BylineRunner.shippedPosts); "
            + "echo \"exit1=$?\"; stty -a > after1.txt; echo FIRST-DONE; read _; "
            + "sh -c 'echo $$ > pid.txt; exec \(BylineRunner.binary) \(BylineRunner.shippedPosts)'; "
            + "echo \"exit2=$?\"; stty -a > after2.txt; echo SIGNALS-DONE; exec sleep 60"
        let tmux = try TmuxSession(width: 100, height: 30, command: command, environment: ["XDG_CACHE_HOME": cacheHome.path])
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.send("C-c")
        var screen = try tmux.waitFor(text: "FIRST-DONE")
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "exit1=\(128 + SIGINT)"), "Ctrl-C ends as an interrupted program (130): \(screen)")
        try tmux.send("Enter")
        // The first byline had left before FIRST-DONE was printed: this screen is the second's.
        try tmux.waitFor("the second run") { $0.contains { $0.contains("14 of 14 posts") } && !$0.joined().contains("FIRST-DONE") }
        let written = try String(contentsOfFile: scratch.path + "/pid.txt", encoding: .utf8)
        let pid = try XCTUnwrap(Int32(written.trimmingCharacters(in: .whitespacesAndNewlines)), "pid.txt: \(written)")
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        screen = try tmux.waitFor(text: "SIGNALS-DONE")
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "exit2=\(128 + SIGTERM)"), "SIGTERM ends byline as the signal's status: \(screen)")
        let before = try String(contentsOfFile: scratch.path + "/before.txt", encoding: .utf8)
        XCTAssertEqual(before, try String(contentsOfFile: scratch.path + "/after1.txt", encoding: .utf8), "after Ctrl-C")
        XCTAssertEqual(before, try String(contentsOfFile: scratch.path + "/after2.txt", encoding: .utf8), "after SIGTERM")
    }
}

/// When the terminal goes away, byline leaves at once and never spins.
final class HangupEndToEndTests: XCTestCase {
    func testClosingTheTerminalEndsByline() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cacheHome = try ScratchFolder()
        let tmux = try TmuxSession(width: 100, height: 30, command: "exec \(BylineRunner.binary) \(BylineRunner.shippedPosts)",
                                   environment: ["XDG_CACHE_HOME": cacheHome.path])
        try tmux.waitFor(text: "14 of 14 posts")
        let pid = try tmux.panePID()
        XCTAssertGreaterThan(pid, 0)
        try tmux.tmux(["kill-server"])
        // Leaving takes milliseconds; the deadline is for a loaded machine.
        XCTAssertTrue(ProcessWatch.exits(pid, within: 10), "byline still running 10 s after its terminal closed")
    }
}

/// Whether a process is gone (or a zombie, which runs nothing) by a deadline.
enum ProcessWatch {
    static func exits(_ pid: Int32, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if isGone(pid) { return true }
            usleep(20_000)
        }
        return isGone(pid)
    }

    static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // The state follows the command name in parentheses: "1234 (byline) S ...".
        guard let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
        return state == "Z" || state == "X"
    }
}
