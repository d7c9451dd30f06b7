import Foundation
import XCTest

/// A visitor whose client claims a huge window: byline draws at its limit (1000x500) and its memory
/// stays bounded, over a real sshd as in a local terminal (WindowLimitEndToEndTests).
extension SSHEndToEndTests {
    /// The window size is whatever the client's terminal reports: here, ssh runs in a pseudo-terminal
    /// of the test's own at 10000x10000, then 65535x65535 and 40000x30 (tmux cannot be that big).
    func testAHugeWindowOverSSHCostsBoundedMemory() throws {
        let client = try PseudoTerminal(columns: 10000, rows: 10000, argv: server.ssh(["-tt"]),
                                        environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": NSHomeDirectory()])
        XCTAssertTrue(client.waitFor("14 of 14 posts", seconds: 20), "the first frame at 10000x10000")
        let byline = try XCTUnwrap(server.bylineProcesses().first, "byline runs on the server")
        for (columns, rows) in [(65535, 65535), (40000, 30), (0, 0), (300, 100)] {
            client.resize(columns: columns, rows: rows)
            client.settle(seconds: 0.3)
            client.type("j")
            client.settle(seconds: 0.3)
            XCTAssertEqual(server.bylineProcesses(), [byline], "byline still runs after a j at \(columns)x\(rows)")
            let peak = PseudoTerminal.peakResidentKilobytes(of: byline) ?? Int.max
            XCTAssertLessThan(peak, WindowLimitEndToEndTests.peakLimitKilobytes, "byline's peak memory at \(columns)x\(rows): \(peak) kB")
        }
        client.type("q")
        XCTAssertEqual(client.exitStatus(within: 15), 0, "q ends the session and ssh with it")
        assertBylinesEnd("q")
    }
}
