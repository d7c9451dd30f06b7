import ArgumentParser
@testable import byline
import XCTest

/// `QuickShow` takes only what swift-argument-parser would parse the same way, and leaves the rest
/// (help, errors, unusual spellings) to it.
final class QuickShowTests: XCTestCase {
    func testTakenFormsParseAsTheArgumentParserParsesThem() throws {
        let taken: [[String]] = [
            ["show", "hello"], ["show", "hello", "posts"], ["show", "posts/hello.md", "--width", "80"],
            ["show", "--width", "120", "hello", "posts", "--color", "always"], ["show", "hello", "--theme", "light", "--hyperlinks"],
            ["show", "hello", "--color", "never", "--drafts", "posts"], ["show", "--color", "auto", "hello"],
            ["show", "hello", "--width", "0080"], ["show", "", "posts"],
        ]
        for arguments in taken {
            let quick = try XCTUnwrap(QuickShow.parse(arguments), "\(arguments)")
            let full = try XCTUnwrap(try Byline.parseAsRoot(arguments) as? ShowCommand, "\(arguments)")
            XCTAssertEqual(quick.post, full.post, "\(arguments)")
            XCTAssertEqual(quick.folder.path, full.folder.path, "\(arguments)")
            XCTAssertEqual(quick.folder.drafts, full.folder.drafts, "\(arguments)")
            XCTAssertEqual(quick.width, full.width, "\(arguments)")
            XCTAssertEqual(quick.color, full.color, "\(arguments)")
            XCTAssertEqual(quick.theme, full.theme, "\(arguments)")
            XCTAssertEqual(quick.hyperlinks, full.hyperlinks, "\(arguments)")
        }
    }

    func testEverythingElseIsLeftToTheArgumentParser() {
        let left: [[String]] = [
            [], ["list"], ["show"], ["show", "--help"], ["show", "-h"], ["show", "hello", "--width=80"],
            ["show", "hello", "--width", "9"], ["show", "hello", "--width", "1001"], ["show", "hello", "--width", "-5"],
            ["show", "hello", "--width", "80", "--width", "90"], ["show", "hello", "--color", "sometimes"],
            ["show", "hello", "--theme", "nope"], ["show", "hello", "--theme"], ["show", "hello", "a", "b"],
            ["show", "--", "hello"], ["show", "hello", "--unknown"], ["show", "hello", "--hyperlinks", "--hyperlinks"],
            ["show", "-"], ["show", "hello", "--version"], ["show", "hello", "--width", "8x"],
        ]
        for arguments in left {
            XCTAssertNil(QuickShow.parse(arguments), "\(arguments)")
        }
    }
}
