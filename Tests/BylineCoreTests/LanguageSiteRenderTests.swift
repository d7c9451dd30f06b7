import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest
@testable import BylineCore

/// Issue 17: the posts of the language fixtures (`*language-*` in Tests/Fixtures/Sites) as `byline show`
/// renders them at 80 columns, one golden per post under Tests/Fixtures/Sites/Goldens/<generator>/.
/// Translations share a file name, so a golden is named by the post's path (`/` written as `--`).
final class LanguageSiteRenderTests: XCTestCase {
    func testLanguagePostsRenderAt80Columns() throws {
        for site in ["jekyll", "hugo"] {
            let golden = Golden(folder: URL(fileURLWithPath: Fixtures.site("Goldens/\(site)")))
            let store = try loadStore(Fixtures.site(site))
            let numbers = store.posts.indices.filter { store.posts[$0].path.contains("language-") }
            XCTAssertGreaterThan(numbers.count, 1, site)
            for number in numbers {
                let post = store.posts[number]
                guard case let .success(body) = store.body(of: number) else { return XCTFail("cannot read \(post.path)") }
                let lines = PreviewContent.lines(post, LoadedPost(markdown: body), width: 80, glyphs: Theme.dark.glyphs)
                golden.assert(PlainText.render(lines), named: post.path.replacingOccurrences(of: "/", with: "--") + ".w80.txt")
            }
        }
    }
}
