@testable import BylineRuntime
import BylineTestSupport
import Foundation
import XCTest

/// The watch's folder reads hand each name on as read (`FolderWatch.forEachEntry`), keeping no listing.
final class FolderWatchListingTests: XCTestCase {
    /// Every name but `.` and `..`, with its type; the subfolders a walk may enter, links to folders too.
    func testEntriesAndSubfoldersFromAStreamedRead() throws {
        let folder = try TempFolder()
        _ = try folder.write("a.md", "# A\n")
        _ = try folder.write(".hidden/x.md", "# X\n")
        _ = try folder.write("node_modules/y.md", "# Y\n")
        _ = try folder.write("posts/z.md", "# Z\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/linked", withDestinationPath: folder.path + "/posts")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/file-link.md", withDestinationPath: folder.path + "/a.md")
        var seen: [String: UInt8] = [:]
        FolderWatch.forEachEntry(of: folder.path) { name, type in seen[name] = type }
        XCTAssertEqual(Set(seen.keys), ["a.md", ".hidden", "node_modules", "posts", "linked", "file-link.md"])
        XCTAssertEqual(seen["posts"], UInt8(DT_DIR))
        XCTAssertEqual(seen["a.md"], UInt8(DT_REG))
        XCTAssertEqual(Set(FolderWatch.subfolders(of: folder.path)), [folder.path + "/posts", folder.path + "/linked"])
        var none = 0
        FolderWatch.forEachEntry(of: folder.path + "/missing") { _, _ in none += 1 }
        XCTAssertEqual(none, 0)
    }
}
