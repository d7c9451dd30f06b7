import XCTest
@testable import BylineTerminal

/// `--hyperlinks auto`: on only where the environment says the terminal shows OSC 8.
final class HyperlinkSupportTests: XCTestCase {
    private func known(_ environment: [String: String]) -> Bool { HyperlinkSupport.isKnown { environment[$0] } }

    func testKnownTerminals() {
        XCTAssertTrue(known(["TERM": "xterm-256color", "VTE_VERSION": "7200"]))
        XCTAssertTrue(known(["TERM": "xterm-256color", "VTE_VERSION": "5000"]))
        XCTAssertFalse(known(["TERM": "xterm-256color", "VTE_VERSION": "4800"]), "VTE before 0.50")
        XCTAssertTrue(known(["TERM": "xterm-kitty"]))
        XCTAssertTrue(known(["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"]))
        XCTAssertTrue(known(["TERM": "xterm-256color", "WT_SESSION": "b1c2"]))
        XCTAssertTrue(known(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]))
        XCTAssertTrue(known(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
        XCTAssertTrue(known(["TERM": "xterm-256color", "TERM_PROGRAM": "vscode"]))
        XCTAssertTrue(known(["TERM": "foot"]))
        XCTAssertTrue(known(["TERM": "xterm-256color", "KONSOLE_VERSION": "230801"]))
    }

    func testUnknownAndOldAreOff() {
        XCTAssertFalse(known([:]))
        XCTAssertFalse(known(["TERM": "xterm-256color"]), "what SSH brings: TERM alone")
        XCTAssertFalse(known(["TERM": "linux"]))
        XCTAssertFalse(known(["TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"]))
        XCTAssertFalse(known(["TERM": "xterm-256color", "VTE_VERSION": ""]))
        XCTAssertFalse(known(["TERM": "screen-256color", "VTE_VERSION": "7200"]), "GNU screen")
    }

    func testInsideTmuxOnlyFrom34() {
        let outer = ["VTE_VERSION": "7200", "TMUX": "/tmp/tmux-1000/default,1,0", "TERM": "tmux-256color", "TERM_PROGRAM": "tmux"]
        XCTAssertFalse(known(outer.merging(["TERM_PROGRAM_VERSION": "3.3a"]) { $1 }))
        XCTAssertFalse(known(outer.merging(["TERM_PROGRAM_VERSION": "2.9"]) { $1 }))
        XCTAssertFalse(known(outer), "no version: not known")
        XCTAssertTrue(known(outer.merging(["TERM_PROGRAM_VERSION": "3.4"]) { $1 }))
        XCTAssertTrue(known(outer.merging(["TERM_PROGRAM_VERSION": "next-3.5"]) { $1 }))
        XCTAssertFalse(known(["TMUX": "x", "TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.4"]),
                       "tmux 3.4 in a terminal not known")
    }

    func testTmuxVersions() {
        XCTAssertTrue(HyperlinkSupport.tmuxVersion("3.4", atLeast: (3, 4)))
        XCTAssertTrue(HyperlinkSupport.tmuxVersion("3.5a", atLeast: (3, 4)))
        XCTAssertTrue(HyperlinkSupport.tmuxVersion("10.0", atLeast: (3, 4)))
        XCTAssertFalse(HyperlinkSupport.tmuxVersion("3.3a", atLeast: (3, 4)))
        XCTAssertFalse(HyperlinkSupport.tmuxVersion("master", atLeast: (3, 4)))
    }
}
