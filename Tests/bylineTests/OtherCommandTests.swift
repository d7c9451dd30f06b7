import Foundation
import XCTest

final class TagsCommandTests: XCTestCase {
    func testTextByCountThenName() throws {
        let result = try BylineRunner.run(["tags", "posts"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            backend              14
            go                   10
            architecture          5
            infrastructure        3
            concurrency           2
            distributed-systems   2
            performance           2
            career                1
            databases             1
            engineering           1
            mysql                 1
            observability         1

            """)
    }

    func testJSON() throws {
        let result = try BylineRunner.run(["tags", "--json"])
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.count, 12)
        XCTAssertEqual(Set(array[0].keys), ["tag", "count"])
        XCTAssertEqual(array[0]["tag"] as? String, "backend")
        XCTAssertEqual(array[0]["count"] as? Int, 14)
        XCTAssertEqual(array[1]["tag"] as? String, "go")
        XCTAssertEqual(array[1]["count"] as? Int, 10)
    }

    func testSpellingsMeetAndWideNamesAlign() throws {
        let folder = try ScratchFolder()
        try folder.write("a.md", "---\ntitle: A\ntags: [Release, 日本語]\n---\n")
        try folder.write("b.md", "---\ntitle: B\ntags: [release]\n---\n")
        try folder.write("c.md", "---\ntitle: C\ntags: [release]\n---\n")
        XCTAssertEqual(try BylineRunner.run(["tags", folder.path]).stdout, "release  3\n日本語   1\n")
    }
}

final class ShowCommandTests: XCTestCase {
    func testBySlugWithHeader() throws {
        let result = try BylineRunner.run(["show", "reducing-latency-in-go-apis"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "Reducing Latency in Go APIs: Lessons from Production")
        XCTAssertTrue(lines[1].hasPrefix("2026-05-05 · #go #performance #backend · "), lines[1])
        XCTAssertTrue(lines[1].hasSuffix(" min read"), lines[1])
        XCTAssertEqual(lines[2], String(repeating: "─", count: 80), "piped output is 80 columns wide")
        XCTAssertTrue(result.stdout.contains("\n  go\n"), "code blocks are labelled with their language")
        XCTAssertFalse(result.stdout.contains("```"), "markdown is rendered, not shown")
        XCTAssertFalse(result.stdout.contains("summary: \""), "the front matter is not shown")
        XCTAssertFalse(result.stdout.contains("\u{1B}"), "no escape sequences in a pipe")
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
    }

    func testWidthColorThemeAndHyperlinks() throws {
        let narrow = try BylineRunner.run(["show", "worker-pools-in-go", "--width", "40"])
        XCTAssertTrue(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 })
        XCTAssertTrue(narrow.stdout.contains(String(repeating: "─", count: 40) + "\n"))

        let colored = try BylineRunner.run(["show", "worker-pools-in-go", "--color", "always"], environment: ["TERM": "xterm-256color"])
        XCTAssertTrue(colored.stdout.contains("\u{1B}[0;1;38;5;117m"), "section headings in the dark theme's 256-colour cyan")
        XCTAssertFalse(colored.stdout.contains("\u{1B}]8;"), "no OSC 8 unless asked")
        let linked = try BylineRunner.run(["show", "worker-pools-in-go", "--color", "always", "--hyperlinks", "always"])
        XCTAssertTrue(linked.stdout.contains("\u{1B}]8;;reliable-background-jobs-in-go.md\u{1B}\\"))
        // `auto` (the default) into a pipe writes none, even where the terminal is known to show them.
        let piped = try BylineRunner.run(["show", "worker-pools-in-go", "--color", "always", "--hyperlinks", "auto"],
                                         environment: ["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"])
        XCTAssertFalse(piped.stdout.contains("\u{1B}]8;"), "no OSC 8 into a pipe under auto")

        let ascii = try BylineRunner.run(["show", "rate-limiting-in-go", "--theme", "ascii"])
        XCTAssertFalse(ascii.stdout.contains("┌"))
        XCTAssertTrue(ascii.stdout.contains("+---"))

        let never = try BylineRunner.run(["show", "worker-pools-in-go", "--color", "never"], environment: ["TERM": "xterm-256color"])
        XCTAssertFalse(never.stdout.contains("\u{1B}"))
        XCTAssertEqual(try BylineRunner.run(["show", "x", "--theme", "neon"]).status, 64)
        XCTAssertEqual(try BylineRunner.run(["show", "x", "--width", "3"]).status, 64)
    }

    func testByPathAndFolder() throws {
        let byPath = try BylineRunner.run(["show", "posts/worker-pools-in-go.md", "posts"])
        let relative = try BylineRunner.run(["show", "worker-pools-in-go.md", "posts"])
        XCTAssertEqual(byPath.status, 0, byPath.stderr)
        XCTAssertTrue(byPath.stdout.hasPrefix("Worker Pools in Go: Design Patterns and Production Pitfalls\n"))
        XCTAssertEqual(byPath.stdout, relative.stdout)
    }

    func testControlSequencesInAPostAreShownNotSent() throws {
        let folder = try ScratchFolder()
        try folder.write("evil.md", "---\ntitle: \"Evil \\e]0;owned\\a\"\n---\nText \u{1B}[2J clear and \u{9B}31m red \u{202E}reversed\n")
        let result = try BylineRunner.run(["show", "evil", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 || $0.value == 0x202E })
        XCTAssertTrue(result.stdout.hasPrefix("Evil ␛]0;owned␇\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Text ␛[2J clear and ⦗9B⦘31m red ⦗RLO⦘reversed"), result.stdout)
        let colored = try BylineRunner.run(["show", "evil", folder.path, "--color", "always"])
        let escapes = colored.stdout.components(separatedBy: "\u{1B}").dropFirst()
        XCTAssertFalse(escapes.isEmpty)
        XCTAssertTrue(escapes.allSatisfy { $0.hasPrefix("[0") }, "the only escapes are the renderer's own SGR resets")
    }

    func testUnknownSlugIsOneLineAndStatusTwo() throws {
        let result = try BylineRunner.run(["show", "no-such-post"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "byline: no post \"no-such-post\" in posts (see `byline list posts`)\n")
    }

    func testDraftsCanBeShownByName() throws {
        let folder = try ScratchFolder()
        try folder.write("draft.md", "---\ntitle: Draft\ndraft: true\n---\nBody.\n")
        let result = try BylineRunner.run(["show", "draft", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(" · draft\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\nBody.\n"), result.stdout)
    }
}

final class CheckCommandTests: XCTestCase {
    func testShippedBlogIsClean() throws {
        let result = try BylineRunner.run(["check", "posts"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "14 posts, 0 errors, 0 warnings\n")
    }

    /// Errors first, then warnings grouped by kind, each group with its count; every entry with its place.
    func testEveryProblemWithPlaceAndStatusOne() throws {
        let folder = try ScratchFolder()
        try folder.write("good.md", "---\ntitle: Good\ndate: 2024-01-01\n---\nText.\n")
        try folder.write("yaml.md", "---\ntitle: Y\ntags: [a, b\n---\nText.\n")
        try folder.write("date.md", "---\ntitle: D\ndate: someday\n---\nText.\n")
        try folder.write("drafts/d.md", "---\ntitle: D2\ndraft: true\ndate: 2024-13-01\n---\nText.\n")
        let result = try BylineRunner.run(["check", folder.path])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, 10, result.stdout)
        XCTAssertEqual(lines[0], "1 error: front matter that could not be read")
        XCTAssertTrue(lines[1].hasPrefix("yaml.md:4:1: error: YAML front matter: "), lines[1])
        XCTAssertEqual(lines[2], "")
        XCTAssertEqual(lines[3], "2 warnings: front matter fields ignored")
        XCTAssertEqual(lines[4], "date.md:3:7: warning: `date` \"someday\" is not a date (expected e.g. 2024-04-09 or 2024-04-09T10:30:00Z); ignored")
        XCTAssertTrue(lines[5].hasPrefix("drafts/d.md:4:7: warning: `date` \"2024-13-01\""), "drafts are checked too")
        XCTAssertEqual(lines[6], "")
        // The draft has no date either, and is not reported for it: a draft is dated when it is published;
        // nor is yaml.md, whose front matter is an error already.
        XCTAssertEqual(lines[7...], ["1 warning: posts without a date",
                                     "date.md: warning: no date in the front matter, the file name or its folders; listed after the dated posts", ""])
        XCTAssertEqual(result.stderr, "4 posts, 1 error, 3 warnings\n", "posts with problems are still posts")
    }

    /// A long group of warnings shows its first entries and how many more there are; `--all` shows all.
    /// Empty posts are a warning of their own; `list` does not mention warnings.
    func testLongWarningGroupsAreCutUnlessAll() throws {
        let folder = try ScratchFolder()
        for number in 10..<22 { try folder.write("post\(number).md", "---\ntitle: P\(number)\n---\nText.\n") }
        try folder.write("2024-05-02-field.md", "---\ntitle: Field\ndraft: maybe\n---\nText.\n")
        try folder.write("2024-05-01-empty.md", "---\ntitle: Empty\n---\n\n  \n")
        let short = try BylineRunner.run(["check", folder.path])
        XCTAssertEqual(short.status, 0, "warnings alone")
        var lines = short.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0...1], ["1 warning: front matter fields ignored",
                                      "2024-05-02-field.md:3:8: warning: `draft` should be true or false, not \"maybe\"; ignored"])
        XCTAssertEqual(lines[3], "12 warnings: posts without a date")
        XCTAssertEqual(lines[4...13].map { String($0.prefix(11)) }, (10..<20).map { "post\($0).md: " })
        XCTAssertEqual(lines[14...], ["… and 2 more (`byline check --all` lists every one)", "",
                                      "1 warning: empty posts", "2024-05-01-empty.md: warning: nothing after the front matter: the post is empty", ""])
        lines = try BylineRunner.run(["check", "--all", folder.path]).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2 + 1 + 12 + 2, lines.joined(separator: "\n"))
        let list = try BylineRunner.run(["list", folder.path])
        XCTAssertEqual(list.stderr, "", "warnings (the `draft` field's too, which list meets) are for check")
    }

    func testBrokenLinksBetweenPostsAndUnknownShortcodesAreWarnings() throws {
        let folder = try ScratchFolder()
        // Dated, so that no post is also an undated one.
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nSee [b](b.md), [b again](/2024/01/02/b/) and [gone](gone.md).\n\n{{< notice >}}\n")
        try folder.write("pages/about.md", "---\ntitle: About\ndate: 2024-01-03\n---\nSee [the readme](../README.md).\n")
        try folder.write("README.md", "A file that is no post, linked to.\n")
        try folder.write("b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nBack to [a](https://example.org/a.md).\n")
        let result = try BylineRunner.run(["check", folder.path])
        XCTAssertEqual(result.status, 0)
        // Each is a compiler-style line, however `check` groups them.
        XCTAssertEqual(result.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }, [
            "a.md:5: warning: broken link between posts: `gone.md` points at no post of this blog",
            "a.md:7: warning: unknown shortcode `notice`: byline cannot show what it makes",
        ], result.stdout)
        XCTAssertEqual(result.stderr, "3 posts, 0 errors, 2 warnings\n")
        XCTAssertEqual(result.stdout.split(separator: "\n").filter { !$0.contains(": warning: ") },
                       ["1 warning: broken links between posts", "1 warning: shortcodes byline does not know"])
    }

    func testWarningsAloneExitZero() throws {
        let folder = try ScratchFolder()
        try folder.write("date.md", "---\ntitle: D\ndate: someday\n---\n")
        XCTAssertEqual(try BylineRunner.run(["check", folder.path]).status, 0)
    }

    func testUnreadableFileAsAnUnprivilegedUser() throws {
        let folder = try ScratchFolder()
        try folder.write("good.md", "---\ntitle: Good\ndate: 2024-01-01\n---\nText.\n")
        let secret = try folder.write("secret.md", "---\ntitle: Secret\n---\n")
        chmod(secret, 0)
        var prefix: [String] = []
        if getuid() == 0 {
            // Root reads anything: drop to `nobody` to meet a real permission error.
            try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv is needed to drop root")
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let result = try BylineRunner.run(["check", folder.path], in: "/", prefix: prefix)
        XCTAssertEqual(result.stdout, "1 error: files that could not be read\nsecret.md: error: cannot read: Permission denied\n", result.stderr)
        XCTAssertEqual(result.status, 1)
        let list = try BylineRunner.run(["list", folder.path], in: "/", prefix: prefix)
        XCTAssertTrue(list.stdout.hasPrefix("Good\n"), "the other posts are still listed")
    }
}

final class CommandLineTests: XCTestCase {
    func testMissingFolder() throws {
        let result = try BylineRunner.run(["list", "/no/such/blog"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "byline: /no/such/blog: no such folder\n")
    }

    func testBadFlag() throws {
        let result = try BylineRunner.run(["list", "--no-such-flag"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("Unknown option '--no-such-flag'"), result.stderr)
    }

    func testVersionAndHelp() throws {
        XCTAssertEqual(try BylineRunner.run(["--version"]).stdout, "0.1.0\n")
        let help = try BylineRunner.run(["--help"]).stdout
        for word in ["list", "tags", "show", "check", "./posts"] {
            XCTAssertTrue(help.contains(word), "help mentions \(word)")
        }
    }

    func testCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try BylineRunner.run(["--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stdout.contains("byline"), shell)
        }
    }
}
