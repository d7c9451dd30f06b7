import ArgumentParser
@testable import byline
import XCTest

/// The reader's command line (`byline [read] [PATH] ...`) as the one parser (swift-argument-parser)
/// reads it. Until issue 16 a second, hand-written parser (`QuickRead`) read the plain forms, and
/// these tests asserted that it read them as swift-argument-parser does and left every other form
/// (help, errors, the other commands) to it; they now assert the values and the answers themselves.
final class ReadArgumentsTests: XCTestCase {
    private func launch(_ arguments: [String]) throws -> ReaderLaunch {
        try XCTUnwrap(try Byline.parseAsRoot(arguments) as? ReadCommand, "\(arguments)").launch
    }

    func testThePlainFormsParse() throws {
        let forms: [([String], ReaderLaunch)] = [
            ([], ReaderLaunch()), (["read"], ReaderLaunch()), (["posts"], ReaderLaunch(path: "posts")),
            (["read", "posts"], ReaderLaunch(path: "posts")),
            (["--restricted", "/srv/blog"], ReaderLaunch(path: "/srv/blog", restricted: true)),
            (["/srv/blog", "--restricted"], ReaderLaunch(path: "/srv/blog", restricted: true)),
            (["posts", "--cache-dir", "/tmp/cache"], ReaderLaunch(path: "posts", cacheDir: "/tmp/cache")),
            (["--no-cache", "posts"], ReaderLaunch(path: "posts", noCache: true)),
            (["--drafts"], ReaderLaunch(drafts: true)),
            (["posts", "--theme", "light"], ReaderLaunch(path: "posts", theme: "light")),
            (["--theme", "ascii", "--idle-timeout", "90", "--restricted", "--drafts", "--cache-dir", "c", "blog"],
             ReaderLaunch(path: "blog", drafts: true, cacheDir: "c", theme: "ascii", restricted: true, idleTimeout: 90)),
            (["read", "--idle-timeout", "0600", "posts"], ReaderLaunch(path: "posts", idleTimeout: 600)),
            (["posts", "--hyperlinks", "always"], ReaderLaunch(path: "posts", hyperlinks: .always)),
            (["--hyperlinks", "never", "--no-mouse"], ReaderLaunch(hyperlinks: .never, noMouse: true)),
            (["--no-mouse", "--restricted", "blog"], ReaderLaunch(path: "blog", restricted: true, noMouse: true)),
            // Command names are matched exactly: anything else is a folder.
            (["Read"], ReaderLaunch(path: "Read")), (["shows"], ReaderLaunch(path: "shows")),
        ]
        for (arguments, expected) in forms {
            XCTAssertEqual(try launch(arguments), expected, "\(arguments)")
        }
    }

    /// Every form the hand-written parser left to swift-argument-parser, with what it does with it.
    func testOtherSpellingsParse() throws {
        let forms: [([String], ReaderLaunch)] = [
            (["read", "tags"], ReaderLaunch(path: "tags")), (["read", "read"], ReaderLaunch(path: "read")),
            (["--theme=light"], ReaderLaunch(theme: "light")), (["--", "posts"], ReaderLaunch(path: "posts")),
            (["-"], ReaderLaunch(path: "-")), ([""], ReaderLaunch(path: "")),
            (["--drafts", "--drafts"], ReaderLaunch(drafts: true)), (["--restricted", "--restricted"], ReaderLaunch(restricted: true)),
            (["--no-cache", "--no-cache"], ReaderLaunch(noCache: true)),
            (["posts", "--theme", "dark", "--theme", "light"], ReaderLaunch(path: "posts", theme: "light")),
        ]
        for (arguments, expected) in forms {
            XCTAssertEqual(try launch(arguments), expected, "\(arguments)")
        }
    }

    func testEveryOtherFormGetsTheParsersAnswer() {
        let range = "64: Error: --idle-timeout must be between 1 and 604800 seconds"
        let answers: [([String], String)] = [
            (["list"], "ListCommand"), (["tags"], "TagsCommand"), (["show", "hello"], "ShowCommand"), (["check"], "CheckCommand"),
            (["index", "posts"], "IndexCommand"), (["keys"], "KeysCommand"), (["help"], "HelpCommand"),
            (["--help"], "HelpCommand"), (["-h"], "HelpCommand"), (["--version"], "0: \(Byline.version)"),
            (["posts", "list"], "64: Error: Unexpected argument 'list'"), (["a", "b"], "64: Error: Unexpected argument 'b'"),
            (["posts", "--theme"], "64: Error: Missing value for '--theme <NAME>'"),
            (["--theme", "nope"], "64: Error: unknown theme \"nope\" (dark, light, mono, ascii)"),
            (["--cache-dir", "--no-cache"], "64: Error: Missing value for '--cache-dir <DIR>'"),
            (["--cache-dir"], "64: Error: Missing value for '--cache-dir <DIR>'"),
            (["--idle-timeout", "0"], range), (["--idle-timeout", "-5"], range), (["--idle-timeout", "1234567890"], range),
            (["--idle-timeout", "1e3"], "64: Error: The value '1e3' is invalid for '--idle-timeout <SECONDS>': not a whole number"),
            (["--unknown"], "64: Error: Unknown option '--unknown'"),
            (["--hyperlinks", "yes"],
             "64: Error: The value 'yes' is invalid for '--hyperlinks <WHEN>'. Please provide one of 'auto', 'always' or 'never'."),
            (["--hyperlinks"], "64: Error: Missing value for '--hyperlinks <WHEN>'"),
            (["--generate-completion-script", "bash"], "0: #!/bin/bash"),
        ]
        for (arguments, expected) in answers {
            XCTAssertEqual(ArgumentOutcome.of(arguments), expected, "\(arguments)")
        }
    }
}
