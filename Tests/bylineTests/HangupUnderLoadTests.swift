import Foundation
import XCTest

/// A terminal that hangs up while byline is busy for seconds (laying out a 50 MB post) ends byline
/// within a second, with the hang-up's exit status, 129. Before the hang-up watch, byline noticed only
/// when the layout was done: 1.6 s for a 5 MB post, 7.4 s for 50 MB (debug build).
final class HangupUnderLoadTests: XCTestCase {
    func testClosingTheTerminalDuringAHugePostEndsBylineWithinASecond() throws {
        let blog = try ScratchFolder()
        let cache = try ScratchFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: BylineRunner.shippedPosts) {
            try FileManager.default.copyItem(atPath: BylineRunner.shippedPosts + "/" + name, toPath: blog.path + "/" + name)
        }
        let paragraph = "Latency budgets hide in queues, retries and **serialisation**; measure before you tune. "
        let section = String(repeating: paragraph, count: 10)
        let body = (0..<55_000).map { "## Section \($0)\n\n" + section + "\n" }.joined(separator: "\n")
        try blog.write("huge.md", "---\ntitle: \"A Huge Post\"\ndate: 2099-01-01\ntags: [backend]\n---\n\n" + body)
        let terminal = try PseudoTerminal(columns: 120, rows: 40, argv: [BylineRunner.binary, blog.path],
                                          environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path])
        XCTAssertTrue(terminal.waitFor("15 of 15 posts", seconds: 30))
        terminal.settle(seconds: 0.3)
        terminal.type("\r")  // open the huge post (the newest, selected first)
        // Time for the key to arrive and the layout to begin; the screen shows nothing new until it ends.
        terminal.settle(seconds: 0.3)
        XCTAssertNil(terminal.exitStatus(within: 0), "byline runs before the hang-up")
        let closed = Date()
        terminal.hangUp()
        let status = terminal.exitStatus(within: 2)
        XCTAssertEqual(status, 129, "a hang-up ends byline within 2 s (the promise is 1 s), with status 129")
        print("byline ended \(String(format: "%.2f", Date().timeIntervalSince(closed))) s after its terminal hung up, mid-layout of a 50 MB post")
    }
}
