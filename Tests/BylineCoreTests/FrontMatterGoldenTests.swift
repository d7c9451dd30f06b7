import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest
@testable import BylineCore

/// Issue 17's front matter posts of the fixture sites as `byline show` renders them at 80 columns
/// (Tests/Fixtures/Sites/Goldens/<generator>/<file>.w80.txt): the header with the dates from paths,
/// the authors, and the title a repeated key left.
final class FrontMatterGoldenTests: XCTestCase {
    private static let posts = [
        "zola": ["path-dates", "2015-01-02-slug-dates", "file-name-dates"],
        "jekyll": ["duplicate-title", "redirect-target"],
        "hugo": ["authors-and-aliases", "by-line"],
    ]

    func testRendersAt80Columns() throws {
        for (generator, slugs) in Self.posts.sorted(by: { $0.key < $1.key }) {
            let store = try loadStore(Fixtures.site(generator))
            let golden = Golden(folder: URL(fileURLWithPath: Fixtures.site("Goldens/\(generator)")))
            for slug in slugs {
                let number = try XCTUnwrap(store.number(of: slug), slug)
                let body = try store.body(of: number).get()
                let text = PlainText.render(PreviewContent.lines(store.posts[number], LoadedPost(markdown: body), width: 80, glyphs: .unicode))
                let file = URL(fileURLWithPath: store.posts[number].path).deletingPathExtension().lastPathComponent
                golden.assert(text, named: "\(file).w80.txt")
            }
        }
    }
}
