import Foundation
import BylineTestSupport
import XCTest
@testable import BylineCore

/// A folder's listing kept in one byte buffer (`PostFinder.Listing`) gives back every name and type the
/// folder holds, as strings made from the same bytes.
final class FolderListingTests: XCTestCase {
    /// Every entry but `.` and `..`, with its name (ASCII, long, non-ASCII, hidden) and its type.
    func testListingHoldsEveryNameAndType() throws {
        let folder = try TempFolder()
        let names = ["a.md", String(repeating: "long-name-", count: 20) + ".md", "日本.md", "e\u{301}.md", ".hidden", "..dots.md"]
        for name in names { _ = try folder.write(name, "# T\n") }
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.md", withDestinationPath: folder.path + "/a.md")
        let finder = PostFinder(root: folder.path, includeDrafts: false, giveWay: nil, found: { _ in })
        let listing = finder.listFolder(folder.path)
        let listed = Dictionary(uniqueKeysWithValues: listing.map { ($0.name, $0.type) })
        XCTAssertEqual(listing.count, names.count + 2)
        XCTAssertEqual(Set(listed.keys), Set(names + ["sub", "link.md"]))
        XCTAssertEqual(Set(listed.keys), Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)))
        XCTAssertEqual(listed["sub"], UInt8(DT_DIR))
        XCTAssertEqual(listed["a.md"], UInt8(DT_REG))
        XCTAssertEqual(listed["link.md"], UInt8(DT_LNK))
        // A symlink is neither a regular file nor a folder, nor hidden.
        XCTAssertFalse(listing.onlyHiddenFilesAndFolders)
        XCTAssertTrue(finder.listFolder(folder.path + "/sub").isEmpty)
        XCTAssertTrue(finder.listFolder(folder.path + "/missing").isEmpty)
    }

    /// Names appended one after another read back whole, the empty one too; hidden entries of any type
    /// and plain files and folders keep the listed order usable.
    func testAppendedNamesReadBack() {
        var listing = PostFinder.Listing()
        let entries: [(String, UInt8)] = [("x.md", UInt8(DT_REG)), ("", UInt8(DT_DIR)), ("日本", UInt8(DT_REG)), (".sock", UInt8(DT_SOCK))]
        for (name, type) in entries { listing.append(name: Array(name.utf8), type: type) }
        XCTAssertEqual(listing.map(\.name), entries.map(\.0))
        XCTAssertEqual(listing.map(\.type), entries.map(\.1))
        XCTAssertTrue(listing.onlyHiddenFilesAndFolders)
        listing.append(name: Array("fifo".utf8), type: UInt8(DT_FIFO))
        XCTAssertFalse(listing.onlyHiddenFilesAndFolders)
    }
}
