import ArgumentParser
@testable import byline
import XCTest

/// `QuickRead` takes only what swift-argument-parser would parse the same way, and leaves the rest
/// (help, errors, commands, unusual spellings) to it.
final class QuickReadTests: XCTestCase {
    func testTakenFormsParseAsTheArgumentParserParsesThem() throws {
        let taken: [[String]] = [
            [], ["read"], ["posts"], ["read", "posts"], ["--restricted", "/srv/blog"], ["/srv/blog", "--restricted"],
            ["posts", "--cache-dir", "/tmp/cache"], ["--no-cache", "posts"], ["--drafts"], ["posts", "--theme", "light"],
            ["--theme", "ascii", "--idle-timeout", "90", "--restricted", "--drafts", "--cache-dir", "c", "blog"],
            ["read", "--idle-timeout", "0600", "posts"], ["Read"], ["shows"],
        ]
        for arguments in taken {
            let quick = try XCTUnwrap(QuickRead.parse(arguments), "\(arguments)")
            let full = try XCTUnwrap(try Byline.parseAsRoot(arguments) as? ReadCommand, "\(arguments)")
            XCTAssertEqual(quick, full.launch, "\(arguments)")
        }
    }

    func testEverythingElseIsLeftToTheArgumentParser() {
        let left: [[String]] = [
            ["list"], ["tags"], ["show", "hello"], ["check"], ["index", "posts"], ["keys"], ["help"], ["posts", "list"],
            ["read", "tags"], ["read", "read"], ["--help"], ["-h"], ["--version"], ["posts", "--theme"], ["--theme", "nope"],
            ["--theme=light"], ["--cache-dir", "--no-cache"], ["--cache-dir"], ["--idle-timeout", "0"], ["--idle-timeout", "-5"],
            ["--idle-timeout", "1e3"], ["--idle-timeout", "1234567890"], ["a", "b"], ["--", "posts"], ["-"], [""],
            ["--drafts", "--drafts"], ["--restricted", "--restricted"], ["--no-cache", "--no-cache"], ["--unknown"],
            ["posts", "--theme", "dark", "--theme", "light"], ["--generate-completion-script", "bash"],
        ]
        for arguments in left {
            XCTAssertNil(QuickRead.parse(arguments), "\(arguments)")
        }
    }
}
