import BylineTestSupport
import XCTest
@testable import BylineCore

/// Issue 15 row 3: YAML aliases that took the blog down by what they expand to.
/// Each test also holds that the good posts beside the hostile one are listed (`HostileBlogTestCase`).
final class HostileYAMLTests: HostileBlogTestCase {

    /// A "billion laughs": each line an anchored list of nine aliases of the line before.
    private func laughs(depth: Int) -> String {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = Array("abcdefghijklmnop").map(String.init)
        for level in 1..<depth {
            let previous = names[level - 1]
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return "---\ntitle: Laughs\n" + lines.joined(separator: "\n") + "\n---\nBody.\n"
    }

    func testAliasBombsAreRefusedAtTheirLine() throws {
        for depth in [7, 9] {
            let text = laughs(depth: depth)
            XCTAssertLessThan(text.utf8.count, 400)
            try folder.write("laughs.md", text)
            let started = Monotonic.seconds()
            let store = try loadStore(folder.path)
            // Before: 7 deep took 3 s and 380 MB (debug), 9 deep over 60 s and 5.8 GB. A hang, not a speed, is caught here.
            XCTAssertLessThan(Monotonic.seconds() - started, 10)
            assertGoodStillListed(store)
            XCTAssertEqual(try store.post("laughs").title, "laughs", "listed without its front matter")
            let diagnostic = try XCTUnwrap(store.diagnostics.first { $0.file == "laughs.md" })
            XCTAssertEqual(diagnostic.severity, .error)
            XCTAssertTrue(diagnostic.message.contains("\(FrontMatterParser.maximumAliasedValues) values, the limit"), diagnostic.message)
            XCTAssertEqual(diagnostic.description.prefix(14), "laughs.md:7:8:", "the alias that passed the limit")
        }
    }

    /// Aliases used as keys: Yams hashes every key of a mapping to find repeated ones, through every
    /// value an alias stands for, so `compose` itself took 47 s on these 403 bytes (debug). They are
    /// counted as the front matter is read, and it is refused at the alias that passes the limit.
    func testAliasesUsedAsKeysAreRefusedBeforeYamsComposesThem() throws {
        var lines = ["x0: {? &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"] : 1}"]
        let names = Array("abcdefgh").map(String.init)
        for level in 1..<8 {
            let alias = "*" + names[level - 1]
            lines.append("x\(level): {? &\(names[level]) [" + Array(repeating: alias, count: 9).joined(separator: ",") + "] : 1}")
        }
        try folder.write("keys.md", "---\ntitle: Keys\n" + lines.joined(separator: "\n") + "\n---\nBody.\n")
        let started = Monotonic.seconds()
        let store = try loadStore(folder.path)
        XCTAssertLessThan(Monotonic.seconds() - started, 10)
        assertGoodStillListed(store)
        let diagnostic = try XCTUnwrap(store.diagnostics.first { $0.file == "keys.md" })
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.message.contains("more than \(FrontMatterParser.maximumAliasedValues) values"), diagnostic.message)
        XCTAssertEqual(diagnostic.line, 7)
    }

    /// An earlier error that Yams itself found (an undefined alias, a repeated key) does not hide an
    /// alias bomb after it: aliases are counted to the end, as they were counted before Yams composed.
    func testAliasesAreCountedPastAnEarlierError() throws {
        for (name, prefix) in [("undefined.md", "u: *nothing\n"), ("repeated.md", "d: 1\nd: 2\n")] {
            let text = laughs(depth: 9).replacingOccurrences(of: "title: Laughs\n", with: "title: Laughs\n" + prefix)
            try folder.write(name, text)
        }
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        for (name, line) in [("undefined.md", 8), ("repeated.md", 9)] {
            let diagnostic = try XCTUnwrap(store.diagnostics.first { $0.file == name })
            XCTAssertTrue(diagnostic.message.contains("\(FrontMatterParser.maximumAliasedValues) values, the limit"), diagnostic.message)
            XCTAssertEqual(diagnostic.line, line)
        }
    }

    /// Aliases within the limit are read as the values they stand for.
    func testAFewAliasesAreStillRead() throws {
        try folder.write("reuse.md", "---\ntitle: Reuse\ncommon: &common [go, web]\nextra:\n  x: 1\ntags: *common\n---\nBody.\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(try store.post("reuse").tags, ["go", "web"])
        XCTAssertEqual(store.diagnostics, [])
    }
}
