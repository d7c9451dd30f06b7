import Foundation
import XCTest

/// Following a link in the real binary: a shipped post links to its siblings by relative path; its
/// number typed and Enter open the sibling, `B` (and `Backspace`) come back to the same scroll.
final class LinkEndToEndTests: XCTestCase {
    func testFollowALinkToASiblingByItsNumberAndGoBackToTheSameScroll() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let cacheHome = try ScratchFolder()
        let tmux = try TmuxSession(width: 120, height: 40, command: "\(BylineRunner.binary) \(BylineRunner.shippedPosts); exec sleep 60",
                                   environment: ["XDG_CACHE_HOME": cacheHome.path])
        try LinkWalk.followAndBack(tmux) { description, condition in try tmux.waitFor(description, condition) }
    }
}

/// The walk both the local and the SSH test take, on the shipped blog: open the newest post (Why
/// WebSockets…), scroll five lines, follow `[1]` (graceful-shutdown-in-go.md) by its number, come back
/// with `B`, follow again and come back with `Backspace`.
enum LinkWalk {
    static let from = "Why WebSockets", to = "Graceful Shutdown in Go Microservices Done Right"

    static func followAndBack(_ tmux: TmuxSession, waitFor: (String, @escaping ([String]) -> Bool) throws -> [String]) throws {
        let status = { (screen: [String]) in ReaderScreen.statusLine(screen) }
        _ = try waitFor("the list") { $0.contains { $0.contains("14 of 14 posts") } }
        try tmux.send("Enter")
        _ = try waitFor("the newest post in the reader") { $0[0].contains(from) && status($0).contains("% · line 1–") }
        for _ in 0..<5 { try tmux.send("j") }
        _ = try waitFor("scrolled five lines") { status($0).contains("% · line 6–") }
        for back in ["B", "BSpace"] {
            try tmux.type("1")
            _ = try waitFor("the link-number prompt") { status($0).contains("link: 1█") }
            try tmux.send("Enter")
            _ = try waitFor("the sibling post") { $0[0].contains(to) && status($0).contains("% · line 1–") }
            try tmux.send(back)
            let screen = try waitFor("back at the same scroll with \(back)") { $0[0].contains(from) && status($0).contains("% · line 6–") }
            XCTAssertFalse(screen.joined().contains("█"), "no prompt left open")
        }
    }
}
