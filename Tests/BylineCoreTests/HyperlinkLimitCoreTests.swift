@testable import BylineCore
import BylineMarkdown
import BylineTestSupport
import XCTest

/// An OSC 8 target is written only up to `ANSIText.maximumHyperlinkBytes`, by the styled-line writer
/// and by the flat one `show --hyperlinks` uses: a 20 KB URL was repeated on every line its text
/// wrapped to, 5.3 MB of output (issue 15 row 9).
final class HyperlinkLimitCoreTests: XCTestCase {
    func testTargetsPastTheLimitAreNotLinks() {
        let atLimit = String(repeating: "a", count: ANSIText.maximumHyperlinkBytes)
        let past = atLimit + "a"
        // A space percent-encodes to three bytes: this one is under the limit raw, over it written.
        let encodedPast = String(repeating: " ", count: ANSIText.maximumHyperlinkBytes / 3 + 1)
        let lines = [atLimit, past, encodedPast].map { url in
            StyledLine([StyledSpan("link", .link, link: url), StyledSpan(" after", .plain)])
        }
        let output = ANSIText.render(lines, theme: .dark, colors: .none, hyperlinks: true).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(output[0].contains("\u{1B}]8;;\(atLimit)\u{1B}\\"))
        XCTAssertTrue(output[0].contains("\u{1B}]8;;\u{1B}\\"))
        for line in output[1...2] {
            XCTAssertFalse(line.contains("\u{1B}]8;"), "no link opened or closed: \(line.prefix(80))")
            XCTAssertTrue(line.contains("link"))
        }
    }

    /// The post `post.md` of a blog holding `body`, written as `show --color always --width 80` writes
    /// it: read through the store, parsed, laid out in parts and written by the flat writer.
    /// (Until issue 16 these two tests ran the binary; `ShowCommandTests` checks that `--hyperlinks`
    /// reaches this writer.)
    private func show(_ body: String, hyperlinks: Bool) throws -> String {
        let folder = try TempFolder()
        try folder.write("post.md", "---\ntitle: Links\n---\n\n" + body)
        let store = try loadStore(folder.path)
        let number = try XCTUnwrap(store.number(of: "post"))
        let loaded = LoadedPost(try store.limitedBody(of: number).get())
        var written: [UInt8] = []
        PreviewContent.write(store.posts[number], loaded, width: 80, glyphs: Theme.dark.glyphs, partBytes: 64 * 1024) { part in
            ANSIText.write(part, theme: .dark, colors: .palette256, hyperlinks: hyperlinks) { written.append(contentsOf: $0) }
        }
        return String(decoding: written, as: UTF8.self)
    }

    func testALinkTooLongForOSC8IsWrittenAsTextAlone() throws {
        let long = "https://example.com/" + String(repeating: "a", count: 20_000)
        let body = "See <\(long)> and [this](\(long)), and [a short one](https://example.com/short)."
        let plain = try show(body, hyperlinks: false)
        let linked = try show(body, hyperlinks: true)
        XCTAssertGreaterThanOrEqual(linked.filter { $0 == "a" }.count, 20_000, "the URL's text is all there")
        XCTAssertFalse(linked.contains("\u{1B}]8;;https://example.com/aaa"), "the long URL is no OSC 8 target")
        XCTAssertTrue(linked.contains("\u{1B}]8;;https://example.com/short\u{1B}\\"), "short links are still links")
        // Hyperlinks add the short link's sequences, not the long URL again on each of its lines.
        XCTAssertLessThan(linked.utf8.count - plain.utf8.count, 1_000, "\(linked.utf8.count) bytes against \(plain.utf8.count)")
        // Nothing is closed that was not opened.
        XCTAssertEqual(linked.components(separatedBy: "\u{1B}]8;;").count - 1, 2 * (linked.components(separatedBy: "\u{1B}]8;;\u{1B}\\").count - 1))
    }

    func testALinkAtTheLimitIsStillALink() throws {
        let longest = "https://example.com/" + String(repeating: "b", count: ANSIText.maximumHyperlinkBytes - 20)
        let linked = try show("[the longest kept](\(longest)) and [one more](\(longest)b).\n", hyperlinks: true)
        XCTAssertTrue(linked.contains("\u{1B}]8;;\(longest)\u{1B}\\"), "a URL at the limit is still a link")
        XCTAssertFalse(linked.contains("\u{1B}]8;;\(longest)b"), "one byte more is not")
    }
}
