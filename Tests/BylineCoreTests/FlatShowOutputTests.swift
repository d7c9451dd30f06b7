import BylineCore
import BylineMarkdown
import XCTest

/// `byline show` writes `PreviewContent.flatText` whole; the reader and the preview take the same
/// layout as `StyledLine`s a few blocks at a time (`PreviewContent.lines`). For every shipped post, at
/// several widths and themes, both give the same bytes through every sink.
final class FlatShowOutputTests: XCTestCase {
    func testShippedPostsShowTheSameBytesAsTheStyledLines() throws {
        let store = try loadStore(Fixtures.shippedPosts, drafts: true)
        XCTAssertFalse(store.posts.isEmpty)
        for number in store.posts.indices {
            guard case let .success(body) = store.body(of: number) else { return XCTFail("cannot read \(store.posts[number].path)") }
            let loaded = LoadedPost(markdown: body)
            for width in [10, 40, 80, 120] {
                for theme in [Theme.dark, .light, .ascii] {
                    let post = store.posts[number]
                    let lines = PreviewContent.lines(post, loaded, width: width, glyphs: theme.glyphs)
                    let flat = PreviewContent.flatText(post, loaded, width: width, glyphs: theme.glyphs)
                    XCTAssertEqual(PlainText.bytes(flat), Array(PlainText.render(lines).utf8), "\(post.slug) at \(width)")
                    for colors in [ANSIText.ColorDepth.none, .sixteen, .palette256] {
                        var written: [UInt8] = []
                        ANSIText.write(flat, theme: theme, colors: colors, hyperlinks: true) { written.append(contentsOf: $0) }
                        XCTAssertEqual(written, Array(ANSIText.render(lines, theme: theme, colors: colors, hyperlinks: true).utf8),
                                       "\(post.slug) at \(width), \(theme.name), \(colors)")
                    }
                }
            }
        }
    }
}
