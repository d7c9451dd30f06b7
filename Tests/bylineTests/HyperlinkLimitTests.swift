import BylineCore
import XCTest

/// `show --hyperlinks` writes an OSC 8 target only up to `ANSIText.maximumHyperlinkBytes`: a 20 KB
/// URL was repeated on every line its text wrapped to, 5.3 MB of output (issue 15 row 9).
final class HyperlinkLimitTests: XCTestCase {
    private func show(_ folder: ScratchFolder, hyperlinks: Bool) throws -> String {
        let result = try BylineRunner.run(["show", "post", folder.path, "--color", "always", "--width", "80"] + (hyperlinks ? ["--hyperlinks"] : []))
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testALinkTooLongForOSC8IsWrittenAsTextAlone() throws {
        let folder = try ScratchFolder()
        let long = "https://example.com/" + String(repeating: "a", count: 20_000)
        try folder.write("post.md", """
            ---
            title: Links
            ---

            See <\(long)> and [this](\(long)), and [a short one](https://example.com/short).
            """)
        let plain = try show(folder, hyperlinks: false)
        let linked = try show(folder, hyperlinks: true)
        XCTAssertGreaterThanOrEqual(linked.filter { $0 == "a" }.count, 20_000, "the URL's text is all there")
        XCTAssertFalse(linked.contains("\u{1B}]8;;https://example.com/aaa"), "the long URL is no OSC 8 target")
        XCTAssertTrue(linked.contains("\u{1B}]8;;https://example.com/short\u{1B}\\"), "short links are still links")
        // Hyperlinks add the short link's sequences, not the long URL again on each of its lines.
        XCTAssertLessThan(linked.utf8.count - plain.utf8.count, 1_000, "\(linked.utf8.count) bytes against \(plain.utf8.count)")
        // Nothing is closed that was not opened.
        XCTAssertEqual(linked.components(separatedBy: "\u{1B}]8;;").count - 1, 2 * (linked.components(separatedBy: "\u{1B}]8;;\u{1B}\\").count - 1))
    }

    func testALinkAtTheLimitIsStillALink() throws {
        let folder = try ScratchFolder()
        let longest = "https://example.com/" + String(repeating: "b", count: ANSIText.maximumHyperlinkBytes - 20)
        try folder.write("post.md", "---\ntitle: Links\n---\n\n[the longest kept](\(longest)) and [one more](\(longest)b).\n")
        let linked = try show(folder, hyperlinks: true)
        XCTAssertTrue(linked.contains("\u{1B}]8;;\(longest)\u{1B}\\"), "a URL at the limit is still a link")
        XCTAssertFalse(linked.contains("\u{1B}]8;;\(longest)b"), "one byte more is not")
    }
}
