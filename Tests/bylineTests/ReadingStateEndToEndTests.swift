import Foundation
import XCTest

/// The reading state through the real binary in tmux: a post read in one session is marked read in
/// the next and reopens where it was left.
final class ReadingStateEndToEndTests: XCTestCase {
    private func status(_ screen: [String]) -> String { ReaderScreen.statusLine(screen) }

    /// The reader's "line N–" as the status line shows it.
    private func firstLine(_ screen: [String]) -> String? {
        let line = status(screen)
        guard let range = line.range(of: "line ") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != "–" })
    }

    func testAPostReadIsMarkedReadAndReopensWhereItWasLeft() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cacheHome = try ScratchFolder(), stateHome = try ScratchFolder()
        let title = "Why WebSockets Aren't Always"
        let run = "\(BylineRunner.binary) \(BylineRunner.shippedPosts)"
        let command = "\(run); echo FIRST-DONE; read _; \(run); echo SECOND-DONE; exec sleep 60"
        let tmux = try TmuxSession(width: 120, height: 40, command: command,
                                   environment: ["XDG_CACHE_HOME": cacheHome.path, "XDG_STATE_HOME": stateHome.path])
        // Every post unread at first.
        var screen = try tmux.waitFor("the list with unread marks") {
            ReaderScreen.row($0, containing: title)?.contains("•") == true && self.status($0).hasPrefix(" 14 of 14 posts")
        }
        XCTAssertFalse(status(screen).contains("new since"), "a first visit has no last visit")

        // Read the newest post two pages down (each page once the one before is on screen, so the
        // line read is the last), then back and quit.
        try tmux.send("Enter")
        try tmux.waitFor(text: "% · line 1–")
        try tmux.send("NPage")
        screen = try tmux.waitFor("a page down") { self.firstLine($0).map { $0 != "1" } ?? false }
        let onePage = try XCTUnwrap(firstLine(screen))
        try tmux.send("NPage")
        screen = try tmux.waitFor("two pages down") { self.firstLine($0).map { $0 != "1" && $0 != onePage } ?? false }
        let line = try XCTUnwrap(firstLine(screen))
        try tmux.send("q")
        screen = try tmux.waitFor("back in the list, the post read") {
            ReaderScreen.row($0, containing: title).map { !$0.contains("•") } ?? false && self.status($0).hasPrefix(" 14 of 14 posts")
        }
        try tmux.send("q")
        try tmux.waitFor(text: "FIRST-DONE")
        let files = try FileManager.default.contentsOfDirectory(atPath: stateHome.path + "/byline")
        XCTAssertTrue(files.contains { $0.hasPrefix("posts-") && $0.hasSuffix(".state.sqlite") }, "\(files)")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: BylineRunner.shippedPosts).contains { $0.hasSuffix(".sqlite") },
                       "nothing is written in the posts folder")

        // Start again: the post is read, the others are not, and it reopens at the same line.
        try tmux.send("Enter")
        screen = try tmux.waitFor("the second run, the post still read") {
            !$0.joined().contains("FIRST-DONE") && ReaderScreen.row($0, containing: title).map { !$0.contains("•") } ?? false
                && $0.contains { $0.contains("•") } && self.status($0).hasPrefix(" 14 of 14 posts")
        }
        // A returning reader is welcomed back; nothing was added, and the last visit was minutes ago.
        XCTAssertTrue(status(screen).contains("welcome back — nothing new since "), status(screen))
        try tmux.send("Enter")
        screen = try tmux.waitFor("reopened where it was left") { self.firstLine($0) == line }
        XCTAssertTrue(screen[0].contains("Why WebSockets"))
        try tmux.send("q")
        try tmux.waitFor(text: "14 of 14 posts")
        try tmux.send("q")
        try tmux.waitFor(text: "SECOND-DONE")
    }
}
