import Foundation
import XCTest

/// The mouse and Ctrl-C over SSH, read as raw bytes from the visitor's own terminal (a pty of the
/// test's, running ssh): the modes are plain bytes that ssh carries, and so is a report coming back.
extension SSHEndToEndTests {
    func testTheMouseWorksOverSSHAndCtrlCEndsWith130() throws {
        let terminal = try PseudoTerminal(columns: 100, rows: 30, argv: server.ssh(["-tt"]),
                                          environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        XCTAssertTrue(terminal.waitFor("14 of 14 posts", seconds: 15))
        XCTAssertNotNil(terminal.output.firstRange(of: Array("\u{1B}[?1000h\u{1B}[?1006h".utf8)), "mouse reports asked for")
        terminal.type("/")
        XCTAssertTrue(terminal.waitFor("█"))
        let mark = terminal.output.count
        terminal.type("\u{1B}[<0;5;3M\u{1B}[<0;5;3m")
        terminal.type("go")
        XCTAssertTrue(terminal.waitFor("search: go", after: mark), "the report was no keys")
        let end = terminal.output.count
        terminal.type("\u{3}")
        XCTAssertEqual(terminal.exitStatus(within: 15), 130, "ssh passes byline's status on: 128 + SIGINT")
        XCTAssertNotNil(terminal.output[end...].firstRange(of: Array("\u{1B}[?1006l\u{1B}[?1000l".utf8)), "mouse reports off at the end")
        assertBylinesEnd("Ctrl-C")
    }
}
