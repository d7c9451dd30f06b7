import Foundation
import XCTest

/// The mouse in a real terminal (tmux): byline asks for SGR mouse reports (DEC 1000 and 1006), and a
/// click on a tag, sent as the bytes a terminal sends for it, toggles the tag. `--no-mouse` asks for none.
final class MouseEndToEndTests: XCTestCase {
    func testAClickOnATagTogglesItAndNoMouseLeavesTheTerminalAlone() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cacheHome = try ScratchFolder()
        let tmux = try TmuxSession(width: 120, height: 40, command: "\(BylineRunner.binary) \(BylineRunner.shippedPosts)",
                                   environment: ["XDG_CACHE_HOME": cacheHome.path])
        var screen = try tmux.waitFor("three panes") { ReaderScreen.hasTag($0, "go", 10) && ReaderScreen.row($0, containing: "of 14 posts") != nil }
        // tmux knows what the program in the pane asked for.
        XCTAssertEqual(try tmux.display("#{mouse_sgr_flag}"), "1", "SGR mouse encoding (1006) asked for")
        XCTAssertEqual(try tmux.display("#{mouse_standard_flag}"), "1", "button reports (1000) asked for")

        // The `go` tag's row and column on screen; SGR reports count both from 1.
        let row = try XCTUnwrap(screen.firstIndex { $0.range(of: "\\sgo\\s+(\(ReaderScreen.unreadPrefix))?10│", options: .regularExpression) != nil })
        let column = try XCTUnwrap(screen[row].range(of: "go")).lowerBound.utf16Offset(in: screen[row])
        try tmux.type("\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m")
        screen = try tmux.waitFor(text: "10 of 14 posts")
        XCTAssertTrue(screen[0].contains("go"), "the title bar shows the filter")
        XCTAssertTrue(ReaderScreen.statusLine(screen).contains("tags"), "the click focused the tag pane")

        // A second click takes it back.
        try tmux.type("\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m")
        screen = try tmux.waitFor(text: "14 of 14 posts")

        // The wheel over the list moves nothing out of range and leaves the reader running.
        try tmux.type("\u{1B}[<65;60;10M")
        try tmux.send("q")
        try tmux.waitFor("byline gone") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
        XCTAssertEqual(try tmux.display("#{mouse_sgr_flag}"), "0", "mouse reporting turned off on the way out")

        let plain = try TmuxSession(width: 120, height: 40, command: "\(BylineRunner.binary) --no-mouse \(BylineRunner.shippedPosts)",
                                    environment: ["XDG_CACHE_HOME": cacheHome.path])
        try plain.waitFor("three panes") { ReaderScreen.hasTag($0, "go", 10) }
        XCTAssertEqual(try plain.display("#{mouse_sgr_flag}"), "0")
        XCTAssertEqual(try plain.display("#{mouse_standard_flag}"), "0")
        XCTAssertEqual(try plain.display("#{mouse_any_flag}"), "0")
    }
}
