import Foundation
import XCTest

/// `y` in the reader copies the current link's address with OSC 52: read raw from a pty of the test's
/// own (the sequence, its base64 payload, nothing of a hostile address raw), and through tmux with
/// `set-clipboard on`, where the address lands in tmux's paste buffer as a terminal's clipboard would.
final class ClipboardEndToEndTests: XCTestCase {
    static let plain = "https://example.com/plain?q=1&r=2"

    /// The plain link first, then a hostile one (ESC, BEL and C1 controls inside it).
    static let post = """
        ---
        title: Links to copy
        ---

        [plain](\(plain)) and
        [escape](<https://x.example/e\u{1B}]52;c;ZXZpbA==\u{7}\u{9B}2J\u{1B}\\\\>).

        """

    /// The payloads of the OSC 52 sequences in `bytes`, decoded; fails on a sequence without its end.
    private func clipboardPayloads(_ bytes: [UInt8]) throws -> [String] {
        let open = Array("\u{1B}]52;c;".utf8), st = Array("\u{1B}\\".utf8)
        var rest = bytes[...], payloads: [String] = []
        while let start = rest.firstRange(of: open) {
            let after = rest[start.upperBound...]
            let end = try XCTUnwrap(after.firstRange(of: st), "an OSC 52 without its end")
            let base64 = String(decoding: after[..<end.lowerBound], as: UTF8.self)
            XCTAssertTrue(base64.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) }, base64)
            let decoded = try XCTUnwrap(Data(base64Encoded: base64), base64)
            payloads.append(String(decoding: decoded, as: UTF8.self))
            rest = after[end.upperBound...]
        }
        return payloads
    }

    func testYWritesTheCurrentLinksAddressAsOSC52AndNothingRaw() throws {
        let cache = try ScratchFolder()
        let blog = try ScratchFolder()
        try blog.write("links.md", Self.post)
        let terminal = try PseudoTerminal(columns: 100, rows: 30, argv: [BylineRunner.binary, blog.path, "--no-mouse"],
                                          environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_CACHE_HOME": cache.path])
        XCTAssertTrue(terminal.waitFor("1 of 1 posts"))
        terminal.type("\r")
        XCTAssertTrue(terminal.waitFor("%"), "the reader")
        let mark = terminal.output.count
        terminal.type("\t")
        XCTAssertTrue(terminal.waitFor("[1]", after: mark), "the first link current")
        terminal.type("y")
        XCTAssertTrue(terminal.waitFor("\u{1B}]52;c;", after: mark), "y writes OSC 52")
        XCTAssertTrue(terminal.waitFor("copied", after: mark), "and says so")
        let copyMark = terminal.output.count
        terminal.type("\t")
        XCTAssertTrue(terminal.waitFor("[2]", after: copyMark), "the hostile link current")
        terminal.type("y")
        XCTAssertTrue(terminal.waitFor("\u{1B}]52;c;", after: copyMark))
        XCTAssertTrue(terminal.waitFor("copied", after: copyMark))
        terminal.type("q")
        terminal.type("q")
        XCTAssertEqual(terminal.exitStatus(within: 10), 0)

        let written = Array(terminal.output[mark...])
        let payloads = try clipboardPayloads(written)
        XCTAssertEqual(payloads.count, 2, payloads.description)
        XCTAssertEqual(payloads.first, Self.plain)
        // The hostile address copied as visible text (its controls shown as symbols, as on screen, then
        // percent-encoded), never the bytes.
        let hostile = try XCTUnwrap(payloads.last)
        XCTAssertTrue(hostile.hasPrefix("https://x.example/e%E2%90%9B]52;c;ZXZpbA==%E2%90%87"), hostile)
        XCTAssertTrue(hostile.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }, hostile.debugDescription)
        // Nothing of it raw on the wire: no BEL, no C1 CSI, no second OSC 52 forged ("evil").
        XCTAssertFalse(written.contains(0x07), "no BEL")
        XCTAssertNil(written.firstRange(of: [0xC2, 0x9B]), "no C1 CSI")
        XCTAssertFalse(payloads.contains("evil"))
        XCTAssertNil(written.firstRange(of: Array("\u{1B}]52;c;ZXZpbA==".utf8)), "no forged OSC 52")
    }

    func testThroughTmuxTheAddressReachesTheClipboard() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cache = try ScratchFolder()
        let blog = try ScratchFolder()
        try blog.write("links.md", Self.post)
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(BylineRunner.binary) \(blog.path); exec sleep 60",
                                   environment: ["XDG_CACHE_HOME": cache.path])
        // tmux takes OSC 52 from the program in the pane into its buffers only with set-clipboard on.
        try tmux.tmux(["set-option", "-s", "set-clipboard", "on"])
        try tmux.waitFor(text: "1 of 1 posts")
        try tmux.send("Enter")
        try tmux.waitFor("the reader") { ReaderScreen.statusLine($0).contains("% · line 1–") }
        try tmux.send("Tab")
        try tmux.waitFor(text: "[1]")
        try tmux.send("y")
        try tmux.waitFor(text: "copied")
        var buffer = ""
        _ = try Polling.until(seconds: 5) {
            buffer = (try? tmux.tmux(["show-buffer"])) ?? ""
            return buffer == Self.plain
        }
        XCTAssertEqual(buffer, Self.plain)
    }
}
