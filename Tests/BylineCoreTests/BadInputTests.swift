import Foundation
import BylineTestSupport
import XCTest
@testable import BylineCore

/// Every kind of bad file leaves the other posts listed and a diagnostic that names the file.
final class BadInputTests: XCTestCase {
    private var folder: TempFolder!

    override func setUpWithError() throws {
        folder = try TempFolder(name)
        try folder.write("good.md", "---\ntitle: Good\ntags: [ok]\n---\nFine.\n")
    }

    private func assertGoodStillListed(_ store: PostStore, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(store.posts.contains { $0.title == "Good" }, "the good post is still listed", file: file, line: line)
    }

    private func only(_ store: PostStore, _ path: String) -> [String] {
        store.diagnostics.filter { $0.file == path }.map(\.description)
    }

    func testBrokenYAMLFrontMatter() throws {
        try folder.write("broken.md", "---\ntitle: Broken\ntags: [a, b\n---\n# Heading\n\nBody.\n")
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        let diagnostics = store.diagnostics.filter { $0.file == "broken.md" }
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.severity, .error)
        XCTAssertEqual(diagnostics.first?.line, 4, "the YAML error is reported at its line in the file")
        XCTAssertNotNil(diagnostics.first?.column)
        XCTAssertEqual(try store.post("broken").title, "Heading", "still listed, titled from its body")
    }

    func testBrokenTOMLFrontMatter() throws {
        try folder.write("broken.md", "+++\ntitle = \"T\"\ntags = [\"a\",\n+++\nBody.\n")
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        let diagnostic = try XCTUnwrap(store.diagnostics.first { $0.file == "broken.md" })
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.message.hasPrefix("TOML front matter"), diagnostic.message)
        XCTAssertNotNil(diagnostic.line)
    }

    func testUnclosedFrontMatter() throws {
        try folder.write("open.md", "---\ntitle: Never closed\n\nBody.\n")
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        XCTAssertEqual(only(store, "open.md"), ["open.md:1:1: error: front matter opened with --- is never closed by a --- line"])
    }

    func testInvalidUTF8IsReplacedAndReported() throws {
        try folder.write("latin1.md", bytes: Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\nBody\n".utf8))
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        XCTAssertEqual(try store.post("latin1").title, "Caf\u{FFFD}")
        XCTAssertEqual(only(store, "latin1.md"), ["latin1.md:2:11: warning: invalid UTF-8; bad bytes are shown as \u{FFFD}"])
    }

    func testNULByteMarksABinaryFile() throws {
        try folder.write("binary.md", bytes: Array("---\ntitle: Bin\n---\nab".utf8) + [0, 1, 2])
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        XCTAssertFalse(store.posts.contains { $0.slug == "binary" })
        XCTAssertEqual(only(store, "binary.md"), ["binary.md:4:3: error: contains a NUL byte, so it is not a text file; skipped"])
    }

    func testBOMAndCRLFAreNormal() throws {
        try folder.write("windows.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Windows\r\ntags: [crlf]\r\n---\r\nBody line.\r\n".utf8))
        let store = try loadStore(folder.path)
        let post = try store.post("windows")
        XCTAssertEqual(post.title, "Windows")
        XCTAssertEqual(post.tags, ["crlf"])
        XCTAssertEqual(try store.body(of: store.number(of: "windows")!).get(), "Body line.\n")
        XCTAssertEqual(store.diagnostics, [])
    }

    func testUnreadableFile() throws {
        let path = try folder.write("secret.md", "---\ntitle: Secret\n---\n")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        // Root reads anything; the check runs for real only as another user (the CLI test covers root).
        try XCTSkipIf(getuid() == 0, "root can read a mode-000 file; bylineTests checks this as an unprivileged user")
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        XCTAssertEqual(only(store, "secret.md"), ["secret.md: error: cannot read: Permission denied"])
    }

    func testFIFONamedMarkdownDoesNotHang() throws {
        XCTAssertEqual(mkfifo(folder.path + "/pipe.md", 0o644), 0)
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        XCTAssertEqual(only(store, "pipe.md"), ["pipe.md: warning: not a regular file; skipped"])
    }

    func testFiftyMegabytesOfText() throws {
        let line = Array(String(repeating: "lorem ipsum dolor sit amet ", count: 37).utf8) + [0x0A]
        var bytes = Array("---\ntitle: Huge\n---\n".utf8)
        bytes.reserveCapacity(50 << 20)
        while bytes.count < 50 << 20 { bytes += line }
        try folder.write("huge.md", bytes: bytes)
        let store = try loadStore(folder.path)
        assertGoodStillListed(store)
        let huge = try store.post("huge")
        XCTAssertEqual(huge.title, "Huge")
        XCTAssertGreaterThanOrEqual(huge.fileSize, 50 << 20)
        XCTAssertTrue(huge.summary.hasPrefix("lorem ipsum"))
    }

    func testFrontMatterLongerThanTheFirstRead() throws {
        let padding = (0..<400).map { "field\($0): value \($0)" }.joined(separator: "\n")
        try folder.write("long.md", "---\n\(padding)\ntitle: Long Front Matter\ntags: [deep]\n---\n\nFirst paragraph after it.\n")
        let store = try loadStore(folder.path)
        let post = try store.post("long")
        XCTAssertEqual(post.title, "Long Front Matter")
        XCTAssertEqual(post.summary, "First paragraph after it.")
        XCTAssertEqual(store.diagnostics, [])
    }

    func testSymlinksStayInsideAndNeverLoop() throws {
        let outside = try TempFolder(name + "-outside")
        try outside.write("stranger.md", "---\ntitle: Outside\n---\n")
        try folder.write("inner/real.md", "---\ntitle: Real\n---\n")
        try folder.link("escape.md", to: outside.path + "/stranger.md")
        try folder.link("escape-folder", to: outside.path)
        try folder.link("inner/loop", to: folder.path)
        try folder.link("alias.md", to: folder.path + "/inner/real.md")
        try folder.link("dangling.md", to: folder.path + "/nowhere.md")
        let store = try loadStore(folder.path)
        XCTAssertEqual(Set(store.posts.map(\.title)), ["Good", "Real"], "outside posts are not read; the alias is the same file")
        XCTAssertEqual(store.diagnostics.map(\.description).sorted(), [
            "dangling.md: warning: symlink leads nowhere (broken or a loop); skipped",
            "escape-folder: warning: symlink leads outside the posts folder; not followed",
            "escape.md: warning: symlink leads outside the posts folder; not followed",
        ])
    }

    func testHiddenFilesAndFoldersAreSkipped() throws {
        try folder.write(".hidden.md", "---\ntitle: Hidden\n---\n")
        try folder.write(".git/notes.md", "---\ntitle: Git\n---\n")
        try folder.write("notes.txt", "not markdown")
        try folder.write("upper.MD", "---\ntitle: Upper\n---\n")
        try folder.write("deep/down/x.markdown", "---\ntitle: Deep\n---\n")
        XCTAssertEqual(Set(try loadStore(folder.path).posts.map(\.title)), ["Good", "Upper", "Deep"])
    }

    func testWholeFileCheckFindsLateProblems() throws {
        var bytes = Array("---\ntitle: Late\ndate: 2024-04-09\n---\n".utf8)
        bytes += Array(repeating: 0x61, count: 10_000) + [0x0A, 0xFF, 0x0A]
        try folder.write("late.md", bytes: bytes)
        XCTAssertEqual(only(try loadStore(folder.path), "late.md"), [], "start-up reads only the start")
        XCTAssertEqual(only(try loadStore(folder.path, whole: true), "late.md"),
                       ["late.md:6:1: warning: invalid UTF-8; bad bytes are shown as \u{FFFD}"])
    }

    func testNothingIsWrittenIntoThePostsFolder() throws {
        try folder.write("broken.md", "---\ntitle: [\n---\n")
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let store = try loadStore(folder.path, drafts: true, whole: true)
        _ = store.matches(PostQuery(search: "fine"))
        _ = store.wordCounts(of: Array(store.posts.indices))
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted(), before)
    }
}
