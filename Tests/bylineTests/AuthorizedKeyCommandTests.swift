import BylineTestSupport
import Foundation
import XCTest

/// `byline authorized-key` as sshd runs it: the line and status 0 for a key, and for anything else
/// status 1 with nothing on either output (no parser message quoting the words back), and the
/// restricted reader's answer to `SSH_ORIGINAL_COMMAND=visitor`.
final class AuthorizedKeyCommandTests: XCTestCase {
    static let key = "AAAAC3NzaC1lZDI1NTE5AAAAIFdIx6G4l+PIoBQpvyrhzwsBwQsAD7nQpC2OeKRGsuv0"

    func testAKeyIsAnsweredWithOneRestrictedLine() throws {
        let output = try BylineRunner.run(["authorized-key", "ssh-ed25519", Self.key])
        XCTAssertEqual(output.status, 0)
        XCTAssertEqual(output.stdout, "restrict,pty ssh-ed25519 \(Self.key)\n")
        XCTAssertEqual(output.stderr, "")
    }

    func testAnythingElseGetsStatusOneAndNoOutput() throws {
        for words in [[], ["ssh-ed25519"], ["ssh-ed25519", Self.key, "x"], ["--help"], ["-h"], ["ssh-ed25519", "--help"],
                      ["ssh-ed25519", Self.key + "\ncommand=\"sh\" ssh-ed25519 " + Self.key], ["\u{1B}]0;x\u{07}", Self.key],
                      ["ssh-rsa", Self.key], ["--version", "x"]] {
            let output = try BylineRunner.run(["authorized-key"] + words)
            XCTAssertEqual(output.status, 1, "\(words)")
            XCTAssertEqual(output.stdout, "", "\(words)")
            XCTAssertEqual(output.stderr, "", "\(words)")
        }
    }

    /// `ssh host visitor` in restricted mode: the key sshd exposed, or none; nothing else is read or listed.
    func testTheRestrictedReaderNamesTheVisitorsKeyWhenAsked() throws {
        let folder = try TempFolder()
        let auth = try folder.write("sshauth", "publickey ssh-ed25519 \(Self.key)\n")
        let asked = try BylineRunner.run(["--restricted", BylineRunner.shippedPosts],
                                         environment: ["SSH_ORIGINAL_COMMAND": "visitor", "SSH_USER_AUTH": auth])
        XCTAssertEqual(asked.status, 0)
        XCTAssertEqual(asked.stdout, "visitor SHA256:FKL90FqtBJ+VyJdYkkrzrzj6nHMTWG8Q5XrGX9kp1Z8 (ssh-ed25519)\n")
        let none = try BylineRunner.run(["--restricted", BylineRunner.shippedPosts], environment: ["SSH_ORIGINAL_COMMAND": "visitor"])
        XCTAssertEqual(none.stdout, "visitor without a key: nothing is kept after this session\n")
        // Not restricted: `visitor` is no request (the listing, as for any other command).
        let open = try BylineRunner.run([BylineRunner.shippedPosts], environment: ["SSH_ORIGINAL_COMMAND": "visitor", "SSH_USER_AUTH": auth])
        XCTAssertFalse(open.stdout.contains("SHA256:"), open.stdout)
    }
}
