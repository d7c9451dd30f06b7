import BylineTestSupport
import XCTest
@testable import BylineCore

/// Issue 15 rows 6, 7 and 9: one front matter limit for every command, summaries of a bounded length,
/// and bodies read, shown, searched and counted only up to their limit.
final class FileLimitsTests: XCTestCase {
    private var folder: TempFolder!

    override func setUpWithError() throws {
        folder = try TempFolder(name)
        try folder.write("good.md", "---\ntitle: Good\ntags: [ok]\n---\nFine.\n")
    }

    private func diagnostics(_ store: PostStore, _ path: String) -> [String] {
        store.diagnostics.filter { $0.file == path }.map(\.description)
    }

    /// Front matter past the limit, closed after it or never: the reader's and `list`'s prefix read and
    /// `check`'s longer read report the same error, and neither takes a summary from the front matter.
    func testFrontMatterOverTheLimitIsOneProblemForEveryCommand() throws {
        let fields = (0..<60_000).map { "field\($0): value \($0)" }.joined(separator: "\n")
        XCTAssertGreaterThan(fields.utf8.count, PostLoader.frontMatterLimit)
        try folder.write("closed.md", "---\ntitle: Closed Late\n\(fields)\n---\n\nFirst paragraph.\n")
        try folder.write("open.md", "---\ntitle: Never Closed\n\(fields)\n\nMore.\n")
        let listed = try loadStore(folder.path)
        let checked = try loadStore(folder.path, whole: true)
        for path in ["closed.md", "open.md"] {
            let expected = ["\(path):1:1: error: front matter (from the --- line) runs past 1 MiB, the limit; it is not read"]
            XCTAssertEqual(diagnostics(listed, path), expected)
            XCTAssertEqual(diagnostics(checked, path), expected, "check reports what list reports")
            for store in [listed, checked] {
                let post = try XCTUnwrap(store.posts.first { $0.path == path })
                XCTAssertEqual(post.summary, "", "the raw front matter is not a summary")
                XCTAssertEqual(post.title, String(path.dropLast(3)))
                XCTAssertTrue(store.posts.contains { $0.title == "Good" })
            }
        }
    }

    /// `check` keeps all it read of a file whose front matter is never closed, past the limit: a bad
    /// byte 2 MiB in is found (it read a shorter prefix again, and missed it).
    func testCheckKeepsItsLongerReadOfAnUnclosedFrontMatter() throws {
        var bytes = Array("---\ntitle: Open\n".utf8)
        while bytes.count < 2 << 20 { bytes += Array("a: b\n".utf8) }
        let badLine = bytes.filter { $0 == 0x0A }.count + 1
        bytes += [0xFF, 0x0A]
        while bytes.count < 6 << 20 { bytes += Array("a: b\n".utf8) }
        try folder.write("open.md", bytes: bytes)
        let tooLong = "open.md:1:1: error: front matter (from the --- line) runs past 1 MiB, the limit; it is not read"
        XCTAssertEqual(diagnostics(try loadStore(folder.path, whole: true), "open.md"),
                       [tooLong, "open.md:\(badLine):1: warning: invalid UTF-8; bad bytes are shown as \u{FFFD}"])
        XCTAssertEqual(diagnostics(try loadStore(folder.path), "open.md"), [tooLong])
    }

    /// A small file whose front matter is never closed: an error, and still no summary made of it.
    func testUnclosedFrontMatterIsNoSummary() throws {
        try folder.write("open.md", "---\ntitle: Never closed\n\nBody.\n")
        for whole in [false, true] {
            let store = try loadStore(folder.path, whole: whole)
            XCTAssertEqual(diagnostics(store, "open.md"), ["open.md:1:1: error: front matter opened with --- is never closed by a --- line"])
            XCTAssertEqual(try store.post("open").summary, "")
        }
    }

    func testSummariesAreCutToTheirLimit() throws {
        let words = (0..<1_500).map { "word\($0)" }.joined(separator: " ")
        try folder.write("field.md", "---\ntitle: Field\nsummary: \(words)\n---\nBody.\n")
        try folder.write("paragraph.md", "---\ntitle: Paragraph\n---\n\(words)\n")
        try folder.write("short.md", "---\ntitle: Short\nsummary: A short one.\n---\nBody.\n")
        let store = try loadStore(folder.path)
        for slug in ["field", "paragraph"] {
            let summary = try store.post(slug).summary
            XCTAssertLessThanOrEqual(summary.utf8.count, PostLoader.summaryLimit, slug)
            XCTAssertGreaterThan(summary.utf8.count, PostLoader.summaryLimit - 50, slug)
            XCTAssertTrue(summary.hasPrefix("word0 word1 "), slug)
            XCTAssertTrue(summary.hasSuffix("…"), slug)
            XCTAssertFalse(summary.dropLast().hasSuffix(" "), "cut at a word: \(summary.suffix(20))")
        }
        XCTAssertEqual(try store.post("short").summary, "A short one.")
        XCTAssertEqual(PostLoader.bounded(summary: String(repeating: "長", count: 1_000)).utf8.count, PostLoader.summaryLimit)
    }

    /// A body past the limit: read, searched and counted up to a line end within it; the rest is
    /// never read; a warning says so in `list` and in `check` alike.
    func testALongBodyIsShownSearchedAndCountedUpToItsLimit() throws {
        let line = Array(String(repeating: "lorem ipsum dolor sit amet ", count: 37).utf8) + [0x0A]
        var bytes = Array("---\ntitle: Long\ndate: 2024-04-09\n---\n".utf8)
        while bytes.count < PostLoader.bodyLimit + (2 << 20) { bytes += line }
        bytes += Array("zyzzyva\n".utf8)
        try folder.write("long.md", bytes: bytes)
        let listed = try loadStore(folder.path)
        let checked = try loadStore(folder.path, whole: true)
        let warning = diagnostics(listed, "long.md")
        XCTAssertEqual(warning, ["long.md:5: warning: the body is 4 MiB, more than 2 MiB, the limit; only its first 2 MiB are shown, searched and checked"])
        XCTAssertEqual(diagnostics(checked, "long.md"), warning)

        let number = try XCTUnwrap(listed.number(of: "long"))
        let body = try listed.limitedBody(of: number).get()
        XCTAssertLessThanOrEqual(body.bytes.count, PostLoader.bodyLimit)
        XCTAssertGreaterThan(body.bytes.count, PostLoader.bodyLimit - line.count)
        XCTAssertEqual(body.bytes.last, 0x0A, "cut at a line end")
        XCTAssertEqual(body.omittedBytes, bytes.count - 37 - body.bytes.count)
        XCTAssertEqual(try listed.bodyBytes(of: number).get(), body.bytes)
        XCTAssertEqual(listed.matches(PostQuery(search: "zyzzyva")), [], "the part not shown is not searched")
        XCTAssertEqual(listed.matches(PostQuery(search: "lorem")), [number])
        XCTAssertEqual(listed.wordCount(of: number), body.bytes.count / line.count * 185)
    }

    /// One line longer than the limit, of two-byte characters: cut before a character, valid UTF-8.
    func testAOneLineBodyIsCutAtACharacter() throws {
        var bytes = Array("---\ntitle: Line\n---\n".utf8)
        bytes += Array(String(repeating: "é", count: PostLoader.bodyLimit / 2 + 1_001).utf8)
        try folder.write("line.md", bytes: bytes)
        let store = try loadStore(folder.path)
        let body = try store.limitedBody(of: XCTUnwrap(store.number(of: "line"))).get()
        XCTAssertEqual(body.bytes.count, PostLoader.bodyLimit)
        XCTAssertNotNil(String(validating: body.bytes, as: UTF8.self))
        XCTAssertEqual(body.omittedBytes, 2_002)
    }

    func testShortBodiesAreWhole() throws {
        let store = try loadStore(folder.path)
        let body = try store.limitedBody(of: XCTUnwrap(store.number(of: "good"))).get()
        XCTAssertEqual(body, PostLoader.Body(bytes: Array("Fine.\n".utf8)[...], omittedBytes: 0, firstLine: 5))
    }

    func testCutAndSizes() {
        let text = Array("ab\ncd\nef".utf8)
        XCTAssertEqual(PostLoader.cut(text, from: 0, limit: 100), 8)
        XCTAssertEqual(PostLoader.cut(text, from: 0, limit: 7), 6, "after the last line end within the limit")
        XCTAssertEqual(PostLoader.cut(text, from: 3, limit: 4), 6)
        XCTAssertEqual(PostLoader.cut(Array("aé".utf8), from: 0, limit: 2), 1, "before a character cut in two")
        XCTAssertEqual(PostLoader.sizeText(1 << 20), "1 MiB")
        XCTAssertEqual(PostLoader.sizeText(204_800_000), "195.3 MiB")
        XCTAssertEqual(PostLoader.sizeText(2_048), "2 KiB")
        XCTAssertEqual(PostLoader.sizeText(80), "80 bytes")
    }
}
