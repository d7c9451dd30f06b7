import BylineCore
import BylineMarkdown
import Foundation
import XCTest

/// `byline show` of a long post: parsed from the body's bytes with its words counted on the second
/// core, laid out into flat buffers a part at a time (`PreviewContent.write`) and written to a real
/// pipe in several 64 KB parts. What it prints must be what the preview and the reader lay out:
/// `PreviewContent.lines` in this process. (That the parts and the lines agree is unit-tested on short
/// posts in FlatShowOutputTests; this is the whole command, on a post of several parts.)
final class LongPostShowTests: XCTestCase {
    func testALongPostPrintsWhatTheStyledLinesSay() throws {
        let shipped = try FileManager.default.contentsOfDirectory(atPath: BylineRunner.shippedPosts).filter { $0.hasSuffix(".md") }.sorted()
        var body = ""
        while body.utf8.count < 3 * MarkdownDocument.parallelBytes {
            for name in shipped {
                let text = try String(contentsOfFile: BylineRunner.shippedPosts + "/" + name, encoding: .utf8)
                // Front matter off; links repeated across the halves keep their numbers.
                body += text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n") + "\n\n"
            }
        }
        let folder = try ScratchFolder()
        try folder.write("long.md", "---\ntitle: Long\ndate: 2024-05-01\ntags: [go]\n---\n" + body)

        let store = try PostStore.load(root: folder.path, inspector: CmarkBodyInspector())
        let number = try XCTUnwrap(store.number(of: "long"))
        guard case let .success(stored) = store.body(of: number) else { return XCTFail("cannot read the post") }
        XCTAssertGreaterThanOrEqual(stored.utf8.count, MarkdownDocument.parallelBytes, "long enough for the word count beside the parse and the layout in halves")
        let document = MarkdownDocument.parse(stored)
        let loaded = LoadedPost(document: document, words: WordCount.count(stored))
        XCTAssertGreaterThan(document.references.count, 5)

        for width in [40, 100] {
            let result = try BylineRunner.run(["show", "long", folder.path, "--width", "\(width)", "--color", "never"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let expected = PlainText.render(PreviewContent.lines(store.posts[number], loaded, width: width, glyphs: Theme.dark.glyphs))
            XCTAssertEqual(result.stdout, expected, "at width \(width)")
        }
    }
}
