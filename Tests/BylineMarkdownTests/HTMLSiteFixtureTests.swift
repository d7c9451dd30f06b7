import BylineCore
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// The HTML-heavy post of Tests/Fixtures/Sites/html (a Jekyll blog exported from WordPress: its bodies
/// are HTML), rendered at 80 columns as the reader shows it.
final class HTMLSiteFixtureTests: XCTestCase {
    static let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Sites/html")

    func testRenderGolden() throws {
        let store = try PostStore.load(root: Self.site.path, options: PostStore.Options(includeDrafts: true, readWholeFiles: true),
                                       inspector: CmarkBodyInspector())
        let golden = Golden(folder: Self.site.deletingLastPathComponent().appendingPathComponent("Goldens/html"))
        let path = "_posts/2023-11-14-html-heavy-migration.md"
        let number = try XCTUnwrap(store.posts.firstIndex { $0.path == path })
        let loaded = LoadedPost(try store.limitedBody(of: number).get())
        let lines = DocumentLayout.lines(for: loaded.document, width: 80)
        XCTAssertTrue(lines.allSatisfy { $0.width <= 80 })
        golden.assert(PlainText.render(lines), named: "2023-11-14-html-heavy-migration.md.w80.txt")
        // Every link of the post is numbered (the 173 KB post kept 3 of its links).
        XCTAssertEqual(loaded.document.references.count, 11)
    }
}
