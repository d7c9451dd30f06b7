import BylineCore
import BylineMarkdown
import XCTest

/// `byline show` writes `PreviewContent.write`'s parts one after another; the reader and the preview
/// take the same layout as `StyledLine`s a few blocks at a time (`PreviewContent.lines`). For every
/// shipped post, at several widths and themes, both give the same bytes through every sink, with parts
/// small enough that every post is cut many times.
final class FlatShowOutputTests: XCTestCase {
    /// Far smaller than `byline show`'s parts, so that the shipped posts are cut between many blocks.
    static let partBytes = 256

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
                    var parts: [FlatText] = []
                    PreviewContent.write(post, loaded, width: width, glyphs: theme.glyphs, partBytes: Self.partBytes) { parts.append($0) }
                    XCTAssertGreaterThan(parts.count, 2, "\(post.slug) at \(width) is cut into parts")
                    XCTAssertEqual(parts.flatMap { PlainText.bytes($0) }, Array(PlainText.render(lines).utf8), "\(post.slug) at \(width)")
                    for colors in [ANSIText.ColorDepth.none, .sixteen, .palette256] {
                        var written: [UInt8] = []
                        for part in parts {
                            ANSIText.write(part, theme: theme, colors: colors, hyperlinks: true) { written.append(contentsOf: $0) }
                        }
                        XCTAssertEqual(written, Array(ANSIText.render(lines, theme: theme, colors: colors, hyperlinks: true).utf8),
                                       "\(post.slug) at \(width), \(theme.name), \(colors)")
                    }
                }
            }
        }
    }
}
