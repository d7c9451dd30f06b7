import BylineCore
import BylineMarkdown
import XCTest

/// Issue 15 row 6: a body cut to its limit ends, wherever it is drawn (the preview, the reader, the
/// dumb-terminal reader and `show` all lay out through `PreviewContent`), with a note saying how much
/// is not shown. A whole body has none.
final class OmittedBodyNoteTests: XCTestCase {
    private let post = Post(path: "p.md", slug: "p", title: "P", date: nil, tags: [], summary: "", draft: false, fileSize: 300 << 20)

    private func text(_ lines: [StyledLine]) -> [String] { lines.map { $0.spans.map(\.text).joined() } }

    func testACutBodyEndsWithTheNote() {
        // Cut inside a code block: the note still comes after it, as a paragraph of its own.
        let body = PostLoader.Body(bytes: Array("Some text.\n\n```\ncode\n".utf8)[...], omittedBytes: 200 << 20)
        let loaded = LoadedPost(body)
        XCTAssertEqual(loaded.words, 3, "only the part shown is counted")
        let lines = PreviewContent.lines(post, loaded, width: 100, glyphs: .unicode)
        XCTAssertEqual(text(lines).last, "… the rest of this post (200 MiB) is not shown: posts are shown up to 2 MiB")
        XCTAssertEqual(lines.last?.spans.map(\.style), [.meta])
        XCTAssertTrue(text(lines).contains { $0.contains("code") })
    }

    func testAWholeBodyHasNoNote() {
        let loaded = LoadedPost(PostLoader.Body(bytes: Array("Some text.\n".utf8)[...]))
        XCTAssertEqual(loaded, LoadedPost(markdown: "Some text.\n"))
    }
}
