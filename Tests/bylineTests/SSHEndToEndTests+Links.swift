import Foundation
import XCTest

extension SSHEndToEndTests {
    /// The same walk as `LinkEndToEndTests` through sshd on loopback: follow a link by its number, go back.
    func testFollowALinkAndGoBackOverSSH() throws {
        let tmux = try visit()
        try LinkWalk.followAndBack(tmux) { description, condition in try self.waitFor(tmux, description, condition) }
        try tmux.send("q")
        try waitFor(tmux, text: "14 of 14 posts")
        try tmux.send("q")
        XCTAssertEqual(try exitStatus(of: tmux), 0)
        assertBylinesEnd("q")
    }
}
