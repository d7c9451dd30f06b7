import Foundation
import XCTest

/// The real binary in tmux: find answers with `1 of N`, `n` moves to `2 of N`; `o` opens the outline of
/// a shipped post, and Enter on a heading puts that heading on the screen's top line.
final class OutlineFindEndToEndTests: XCTestCase {
    private func status(_ screen: [String]) -> String { ReaderScreen.statusLine(screen) }

    /// The `N` of `/pool K of N` on the status line, when it says so with `K` = `current`.
    private func count(_ screen: [String], query: String, current: Int) -> Int? {
        let line = status(screen)
        guard let range = line.range(of: "/\(query) \(current) of [0-9]+", options: .regularExpression) else { return nil }
        return Int(line[range].split(separator: " ").last!)
    }

    func testFindCountsAndTheOutlineJumpsToAHeading() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cacheHome = try ScratchFolder()
        let tmux = try TmuxSession(width: 120, height: 40, command: "\(BylineRunner.binary) \(BylineRunner.shippedPosts)",
                                   environment: ["XDG_CACHE_HOME": cacheHome.path])
        try tmux.waitFor(text: "14 of 14 posts")

        // Open the latency post: search for it, keep the search, Enter on the list.
        try tmux.send("/")
        try tmux.type("latency")
        try tmux.waitFor("the search for latency done") {
            self.status($0).hasPrefix(" /latency█  1 of 14 posts") && !self.status($0).contains("searching")
        }
        try tmux.send("Enter")
        try tmux.waitFor("the search kept") { self.status($0).hasPrefix(" 1 of 14 posts") && !$0.joined().contains("█") }
        try tmux.send("Enter")
        var screen = try tmux.waitFor(text: "% · line 1–")
        XCTAssertTrue(screen[0].contains("Reducing Latency in Go APIs"))

        // Find: the first match of how many, then the second.
        try tmux.send("/")
        try tmux.type("pool")
        try tmux.send("Enter")
        screen = try tmux.waitFor("1 of N") { self.count($0, query: "pool", current: 1) != nil && !$0.joined().contains("█") }
        let total = try XCTUnwrap(count(screen, query: "pool", current: 1))
        XCTAssertGreaterThan(total, 2)
        try tmux.send("n")
        screen = try tmux.waitFor("2 of N") { self.count($0, query: "pool", current: 2) == total }

        // The outline: the cursor on the section the screen is in; two down, Enter: that heading on top.
        try tmux.send("o")
        // A frame reaches tmux in pieces: wait for the mark of the section the screen is in too.
        try tmux.waitFor("the outline, its section marked") {
            $0.contains { $0.contains("Outline · 6 headings") } && $0.contains { $0.contains("(here)") }
        }
        try tmux.send("g")
        try tmux.waitFor("the cursor on the first heading") { $0.contains { $0.contains("▸ Measure the tail before you touch anything") } }
        try tmux.send("j")
        try tmux.send("j")
        try tmux.waitFor("the cursor on the third heading") { $0.contains { $0.contains("▸ Query optimization: the tail belongs") } }
        try tmux.send("Enter")
        // The status line, painted last, names the section too.
        try tmux.waitFor("the heading on the top line") {
            $0.count > 1 && $0[1].contains("Query optimization: the tail belongs to your biggest customers")
                && !$0.joined().contains("Outline ·") && self.status($0).contains("§ Query optimization")
        }

        // Esc closes the outline where it was.
        try tmux.send("o")
        try tmux.waitFor(text: "Outline · 6 headings")
        try tmux.send("Escape")
        try tmux.waitFor("the outline closed") { !$0.joined().contains("Outline ·") && $0[1].contains("Query optimization") }
    }
}
