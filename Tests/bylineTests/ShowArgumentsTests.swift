import ArgumentParser
@testable import byline
import XCTest

/// `byline show`'s command line as the one parser (swift-argument-parser) reads it. Until issue 16 a
/// second, hand-written parser (`QuickShow`) read the plain forms, and these tests asserted that it
/// read them as swift-argument-parser does and left every other form to it; they now assert the
/// values and the answers themselves.
final class ShowArgumentsTests: XCTestCase {
    /// A parsed `show`, as plain values.
    private struct Parsed: Equatable {
        var post: String
        var path: String?
        var drafts = false
        var width: Int?
        var color = ShowCommand.ColorChoice.auto
        var theme = "dark"
        var hyperlinks = HyperlinkChoice.auto
    }

    private func parsed(_ arguments: [String]) throws -> Parsed {
        let command = try XCTUnwrap(try Byline.parseAsRoot(arguments) as? ShowCommand, "\(arguments)")
        return Parsed(post: command.post, path: command.folder.path, drafts: command.folder.drafts, width: command.width,
                      color: command.color, theme: command.theme, hyperlinks: command.hyperlinks)
    }

    func testThePlainFormsParse() throws {
        let forms: [([String], Parsed)] = [
            (["show", "hello"], Parsed(post: "hello")),
            (["show", "hello", "posts"], Parsed(post: "hello", path: "posts")),
            (["show", "posts/hello.md", "--width", "80"], Parsed(post: "posts/hello.md", width: 80)),
            (["show", "--width", "120", "hello", "posts", "--color", "always"], Parsed(post: "hello", path: "posts", width: 120, color: .always)),
            (["show", "hello", "--theme", "light", "--hyperlinks", "always"], Parsed(post: "hello", theme: "light", hyperlinks: .always)),
            (["show", "hello", "--hyperlinks", "never"], Parsed(post: "hello", hyperlinks: .never)),
            (["show", "hello", "--hyperlinks", "auto"], Parsed(post: "hello")),
            (["show", "hello", "--color", "never", "--drafts", "posts"], Parsed(post: "hello", path: "posts", drafts: true, color: .never)),
            (["show", "--color", "auto", "hello"], Parsed(post: "hello")),
            (["show", "hello", "--width", "0080"], Parsed(post: "hello", width: 80)),
            (["show", "", "posts"], Parsed(post: "", path: "posts")),
        ]
        for (arguments, expected) in forms {
            XCTAssertEqual(try parsed(arguments), expected, "\(arguments)")
        }
    }

    /// Every form the hand-written parser left to swift-argument-parser, with what it does with it.
    func testOtherSpellingsParse() throws {
        let forms: [([String], Parsed)] = [
            (["show", "hello", "--width=80"], Parsed(post: "hello", width: 80)),
            (["show", "hello", "--width", "80", "--width", "90"], Parsed(post: "hello", width: 90)),
            (["show", "--", "hello"], Parsed(post: "hello")),
            (["show", "hello", "--hyperlinks", "never", "--hyperlinks", "always"], Parsed(post: "hello", hyperlinks: .always)),
            (["show", "hello", "--hyperlinks=always"], Parsed(post: "hello", hyperlinks: .always)),
            (["show", "-"], Parsed(post: "-")),
        ]
        for (arguments, expected) in forms {
            XCTAssertEqual(try parsed(arguments), expected, "\(arguments)")
        }
    }

    func testEveryOtherFormGetsTheParsersAnswer() {
        let range = "64: Error: --width must be between 10 and 1000 columns"
        let answers: [([String], String)] = [
            ([], "ReadCommand"), (["list"], "ListCommand"), (["show", "--help"], "HelpCommand"), (["show", "-h"], "HelpCommand"),
            (["show"], "64: Error: Missing expected argument '<SLUG-OR-PATH>'"),
            (["show", "hello", "--width", "9"], range), (["show", "hello", "--width", "1001"], range),
            (["show", "hello", "--width", "-5"], range),
            (["show", "hello", "--width", "8x"], "64: Error: The value '8x' is invalid for '--width <N>': not a whole number"),
            (["show", "hello", "--color", "sometimes"],
             "64: Error: The value 'sometimes' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'."),
            (["show", "hello", "--hyperlinks", "sometimes"],
             "64: Error: The value 'sometimes' is invalid for '--hyperlinks <WHEN>'. Please provide one of 'auto', 'always' or 'never'."),
            (["show", "hello", "--hyperlinks"], "64: Error: Missing value for '--hyperlinks <WHEN>'"),
            (["show", "hello", "--theme", "nope"], "64: Error: unknown theme \"nope\" (dark, light, mono, ascii)"),
            (["show", "hello", "--theme"], "64: Error: Missing value for '--theme <NAME>'"),
            (["show", "hello", "a", "b"], "64: Error: Unexpected argument 'b'"),
            (["show", "hello", "--unknown"], "64: Error: Unknown option '--unknown'"),
            (["show", "hello", "--version"], "0: \(Byline.version)"),
        ]
        for (arguments, expected) in answers {
            XCTAssertEqual(ArgumentOutcome.of(arguments), expected, "\(arguments)")
        }
    }
}
