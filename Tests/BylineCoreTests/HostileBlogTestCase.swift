import BylineTestSupport
import XCTest
@testable import BylineCore

/// A blog of three good posts beside which each test puts one hostile post: the hostile-input tests
/// of issue 15 hold that the good posts are still listed, whatever the hostile one does.
class HostileBlogTestCase: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws {
        folder = try TempFolder(name)
        for number in 0..<3 { try folder.write("good\(number).md", "---\ntitle: Good \(number)\ntags: [ok]\n---\nFine.\n") }
    }

    func assertGoodStillListed(_ store: PostStore, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(store.posts.filter { $0.title.hasPrefix("Good ") }.count, 3, "the good posts are still listed", file: file, line: line)
    }
}
