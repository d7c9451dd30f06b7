import BylineTestSupport
import XCTest
@testable import BylineCore

/// Zola posts without a `date`: the day comes from `path` or `slug` (blogs moved from Jekyll keep their
/// old URLs there), else from the file name, as Zola reads it (Tests/Fixtures/Sites/zola).
final class ZolaPathDateTests: XCTestCase {
    func testDatesFromPathSlugAndFileName() throws {
        let store = try loadStore(Fixtures.site("zola"))
        XCTAssertEqual(store.layout, .hugoOrZola)
        XCTAssertEqual(try store.post("path-dates").date?.iso8601, "2014-12-12", "`path = \"2014/12/12/...\"`")
        XCTAssertEqual(try store.post("2015-01-02-slug-dates").date?.iso8601, "2015-01-02", "`slug = \"2015-01-02-...\"`")
        XCTAssertEqual(try store.post("file-name-dates").date?.iso8601, "2016-03-04", "`2016-03-04_file-name-dates.md`")
        let dated = ["file-name-dates", "2015-01-02-slug-dates", "path-dates"]
        XCTAssertEqual(store.posts.map(\.slug).filter { dated.contains($0) }, dated, "newest first")
    }

    func testDateInURLPathShapes() {
        XCTAssertEqual(PostLoader.dateInURLPath("2014/12/12/slug")?.iso8601, "2014-12-12")
        XCTAssertEqual(PostLoader.dateInURLPath("/blog/2014/12/12/")?.iso8601, "2014-12-12")
        XCTAssertEqual(PostLoader.dateInURLPath("blog/2014-12-12-slug")?.iso8601, "2014-12-12")
        XCTAssertNil(PostLoader.dateInURLPath("blog/slug"))
        XCTAssertNil(PostLoader.dateInURLPath("2014/12/slug"), "a month is not a day")
        XCTAssertNil(PostLoader.dateInURLPath("2014/13/40/slug"), "not a date")
    }

    /// A `date` in the front matter still wins over one in `path`.
    func testFrontMatterDateWins() throws {
        let folder = try TempFolder()
        try folder.write("post.md", "+++\ntitle = \"T\"\ndate = 2020-01-01\npath = \"2014/12/12/post\"\n+++\nBody.\n")
        XCTAssertEqual(try loadStore(folder.path).post("post").date?.iso8601, "2020-01-01")
    }
}
