import Foundation
import XCTest

/// The real binary in a real terminal (tmux): the walk a reader takes through the shipped blog.
final class ReaderEndToEndTests: XCTestCase {
    private func row(_ screen: [String], containing text: String) -> String? { ReaderScreen.row(screen, containing: text) }
    private func hasTag(_ screen: [String], _ name: String, _ count: Int) -> Bool { ReaderScreen.hasTag(screen, name, count) }

    func testTheWholeWalk() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let scratch = try ScratchFolder()
        let command = "cd \(scratch.path) && stty -a > before.txt; \(BylineRunner.binary) \(BylineRunner.shippedPosts); "
            + "echo \"exit=$?\"; stty -a > after.txt; echo WALK-DONE; exec sleep 60"
        let tmux = try TmuxSession(width: 120, height: 40, command: command)

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

        // Search latency: only the latency post.
        try tmux.send("/")
        try tmux.type("latency")
        screen = try tmux.waitFor(text: "1 of 14 posts")
        try tmux.send("Enter")
        screen = try tmux.waitFor("the search kept") { $0.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains("1 of 14 posts") == true && !$0.joined().contains("█") }
        XCTAssertNotNil(row(screen, containing: "Reducing Latency in Go"))
        XCTAssertNil(row(screen, containing: "Worker Pools in Go"))

        // Clear the filter: the selection stays on the latency post. Open it.
        try tmux.send("c")
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.send("Tab")
        try tmux.waitFor(text: "· list")
        try tmux.send("Enter")
        screen = try tmux.waitFor(text: "% · line 1–")
        XCTAssertTrue(screen[0].contains("Reducing Latency in Go APIs"))

        // Page down, find a word.
        try tmux.send("NPage")
        try tmux.waitFor("paged") { !($0.last { $0.contains("% · line") }?.contains("line 1–") ?? true) }
        try tmux.send("/")
        try tmux.type("pprof")
        try tmux.send("Enter")
        screen = try tmux.waitFor(text: "/pprof")
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
        let regrown = try tmux.waitFor("three panes again") { $0.contains { $0.contains("Preview") } && self.hasTag($0, "backend", 14) }
        try tmux.send("C-l")
        usleep(200_000)
        XCTAssertEqual(try tmux.capture(), regrown, "a full redraw changes nothing: no stale cells")

        // Help, then back.
        try tmux.send("?")
        try tmux.waitFor(text: "toggle the tag as excluded")
        try tmux.send("q")
        try tmux.waitFor("help closed") { !$0.joined().contains("toggle the tag as excluded") && $0.joined().contains("14 of 14 posts") }

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
        let command = "cd \(scratch.path) && stty -a > before.txt; \(BylineRunner.binary) \(BylineRunner.shippedPosts); "
            + "stty -a > after1.txt; sh -c 'echo $$ > pid.txt; exec \(BylineRunner.binary) \(BylineRunner.shippedPosts)'; "
            + "stty -a > after2.txt; echo SIGNALS-DONE; exec sleep 60"
        let tmux = try TmuxSession(width: 100, height: 30, command: command)
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.send("C-c")
        try tmux.waitFor("second run") { _ in FileManager.default.fileExists(atPath: scratch.path + "/pid.txt") }
        try tmux.waitFor(text: "14 of 14 posts")
        let pid = Int32(try String(contentsOfFile: scratch.path + "/pid.txt", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
        kill(pid, SIGTERM)
        try tmux.waitFor(text: "SIGNALS-DONE")
        let before = try String(contentsOfFile: scratch.path + "/before.txt", encoding: .utf8)
        XCTAssertEqual(before, try String(contentsOfFile: scratch.path + "/after1.txt", encoding: .utf8), "after Ctrl-C")
        XCTAssertEqual(before, try String(contentsOfFile: scratch.path + "/after2.txt", encoding: .utf8), "after SIGTERM")
    }
}

/// When the terminal goes away, byline leaves at once and never spins.
final class HangupEndToEndTests: XCTestCase {
    func testClosingTheTerminalEndsByline() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let tmux = try TmuxSession(width: 100, height: 30, command: "exec \(BylineRunner.binary) \(BylineRunner.shippedPosts)")
        try tmux.waitFor(text: "14 of 14 posts")
        let pid = try tmux.panePID()
        XCTAssertGreaterThan(pid, 0)
        try tmux.tmux(["kill-server"])
        XCTAssertTrue(ProcessWatch.exits(pid, within: 2), "byline still running 2 s after its terminal closed")
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
