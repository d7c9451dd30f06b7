import Foundation
import XCTest

/// Issue 15 rows 2, 6, 7 and 9 through the real binary: one hostile post among good ones, and what
/// `list`, `check` and `show` make of it.
final class HostilePostCommandTests: XCTestCase {
    /// The two TOML front matters that made toml++ abort every command (SIGABRT, with the assertion's
    /// text and the build path on the terminal).
    func testTOMLThatAbortedIsAnErrorAndTheRestIsListed() throws {
        let folder = try ScratchFolder()
        try folder.write("good.md", "---\ntitle: Good\n---\nFine.\n")
        try folder.write("fine.md", "+++\ntitle = \"Fine TOML\"\n+++\nAlso fine.\n")
        try folder.write("nine.md", "+++\n[\n+++\n")
        try folder.write("time.md", "+++\ntitle = \"T\"\na = 2024-04-09T:\n+++\nBody.\n")

        let list = try BylineRunner.run(["list", folder.path])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("Good\nFine.\n") && list.stdout.contains("Fine TOML\nAlso fine.\n"), list.stdout)
        XCTAssertTrue(list.stderr.contains("2 files in \(folder.path) could not be read as posts"), list.stderr)

        let check = try BylineRunner.run(["check", folder.path])
        XCTAssertEqual(check.status, 1, check.stderr)
        // The errors, then the warnings check adds for every blog: the two good posts have no date.
        let lines = check.stdout.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        XCTAssertEqual(lines.count, 2, check.stdout)
        XCTAssertTrue(check.stdout.hasPrefix("2 errors: front matter that could not be read\n"), check.stdout)
        XCTAssertTrue(lines[0].hasPrefix("nine.md:2:"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("time.md:3:"), lines[1])
        XCTAssertTrue(lines.allSatisfy { $0.contains(": error: TOML front matter: ") }, check.stdout)
        XCTAssertEqual(check.stderr, "4 posts, 2 errors, 2 warnings\n")

        for slug in ["nine", "time"] {
            let show = try BylineRunner.run(["show", slug, folder.path])
            XCTAssertEqual(show.status, 0, show.stderr)
            XCTAssertTrue(show.stdout.hasPrefix("\(slug)\n"), show.stdout)
        }
        for output in [list, check] {
            XCTAssertFalse((output.stdout + output.stderr).contains("ssertion"), "no assertion text")
        }
    }

    /// toml++ quotes a bad key back in its message: `check` shows C1 controls and bidi overrides from
    /// it as symbols, on one line.
    func testTOMLMessagesAreEscaped() throws {
        let folder = try ScratchFolder()
        let key = "\"a\u{9B}\u{202E}\""
        try folder.write("dup.md", "+++\n\(key) = 1\n\(key) = 2\n+++\nBody.\n")
        let check = try BylineRunner.run(["check", folder.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertFalse(check.stdout.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
                       check.stdout)
        XCTAssertTrue(check.stdout.contains("⦗9B⦘") && check.stdout.contains("⦗RLO⦘"), check.stdout)
        XCTAssertEqual(check.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.count, 1, check.stdout)
    }

    /// A newline in a file name is shown as `␊` by `check`, not as a space: `a b.md` is another file.
    func testAControlInAFileNameIsShownAsASymbol() throws {
        let folder = try ScratchFolder()
        try folder.write("bad\nname\t\u{1B}.md", "---\ntitle: [\n---\n")
        try folder.write("bad name.md", "---\ntitle: Fine\n---\n")
        let check = try BylineRunner.run(["check", folder.path])
        XCTAssertEqual(check.status, 1)
        let errors = check.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(errors.count, 1, check.stdout)
        XCTAssertTrue(errors[0].hasPrefix("bad␊name␉␛.md:3:"), check.stdout)
    }

    /// The maximum resident set of one run of `byline ARGS`, by `/usr/bin/time`, and the run.
    private func measured(_ arguments: [String]) throws -> (output: BylineRunner.Output, kilobytes: Int) {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time (Debian: time)")
        var output = try BylineRunner.run(arguments, prefix: ["/usr/bin/time", "-f", "maxrss=%M"])
        let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let report = try XCTUnwrap(lines.last { $0.hasPrefix("maxrss=") })
        output.stderr = lines.filter { !$0.hasPrefix("maxrss=") && !$0.hasPrefix("Command exited") }.joined(separator: "\n")
        return (output, try XCTUnwrap(Int(report.dropFirst("maxrss=".count))))
    }

    /// `check` on a 1 GB sparse file reads only what is ever shown: before, it read it whole (1 GB
    /// resident, 9.9 s); an 8 GB one was killed at 6 GB.
    func testCheckOnAGigabyteSparseFileStaysSmall() throws {
        let folder = try ScratchFolder()
        try folder.write("good.md", "---\ntitle: Good\n---\nFine.\n")
        let path = try folder.write("sparse.md", "---\ntitle: Sparse\n---\nText, then a hole.\n")
        XCTAssertEqual(truncate(path, 1 << 30), 0)
        let started = Date()
        let (check, kilobytes) = try measured(["check", folder.path])
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix("1 error: files that could not be read\n"
                                              + "sparse.md:5:1: error: contains a NUL byte, so it is not a text file; skipped\n"), check.stdout)
        XCTAssertLessThan(kilobytes, 200_000, "at most a few MB of the file are held")
    }

    /// A post body past the limit: `show` lays out only its first part and says so at the end; the
    /// rest is never read (a 200 MB post took 51 s and 3.4 GB; a 12 MB one here took 3.1 s and 421 MB, debug; now 2 s and 150 MB).
    func testShowOfAHugePostEndsWithANoteAndStaysSmall() throws {
        let folder = try ScratchFolder()
        let line = String(repeating: "lorem ipsum dolor sit amet ", count: 37) + "\n"
        try folder.write("huge.md", "---\ntitle: Huge\n---\n" + String(repeating: line, count: 12_000))
        let (show, kilobytes) = try measured(["show", "huge", folder.path])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.hasPrefix("Huge\n"))
        // 2,097,000 bytes shown (2,097 whole lines), 9,903,000 not.
        XCTAssertTrue(show.stdout.hasSuffix("lorem ipsum dolor sit amet\n\n… the rest of this post (9.4 MiB) is not shown: posts are shown up to 2 MiB\n"),
                      String(show.stdout.suffix(300)))
        XCTAssertLessThan(kilobytes, 250_000)

        let check = try BylineRunner.run(["check", folder.path])
        XCTAssertTrue(check.stdout.hasPrefix("1 warning: posts past the size limit\nhuge.md:4: warning: the body is 11.4 MiB, more than 2 MiB, "
                                             + "the limit; only its first 2 MiB are shown, searched and checked\n"), check.stdout)
    }
}
