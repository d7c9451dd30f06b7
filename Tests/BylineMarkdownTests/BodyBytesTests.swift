import BylineCore
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// `byline show` parses a body from its bytes, without making a String of them: the same post, with
/// the same word count, as the String every other view parses, and the bytes are the String's.
final class BodyBytesTests: XCTestCase {
    func testBytesParseAsTheStringParses() throws {
        for name in MarkdownFixtures.names {
            let text = try MarkdownFixtures.text(name)
            let bytes = Array(text.utf8)[...]
            XCTAssertEqual(LoadedPost(markdownUTF8: bytes), LoadedPost(markdown: text), name)
            // Long enough to be parsed beside its word count.
            let long = String(repeating: text + "\n\n", count: max(2, MarkdownDocument.parallelBytes / max(1, bytes.count) + 1))
            XCTAssertEqual(LoadedPost(markdownUTF8: Array(long.utf8)[...]), LoadedPost(markdown: long), "\(name), repeated")
        }
    }

    func testBodyBytesAreTheBody() throws {
        let folder = try TempFolder()
        let files = [
            "front.md": "---\ntitle: T\n---\nBody with *words*.\r\nAnd a second line. 漢字\n",
            "bare.md": "\u{FEFF}# No front matter\n\nText.\n",
            "invalid.md": "---\ntitle: Bad\n---\nbroken \u{FFFD} here\n",
            "empty.md": "---\ntitle: Empty\n---\n",
        ]
        for (name, text) in files { try folder.write(name, text) }
        // Invalid UTF-8 and a carriage return, written as raw bytes.
        let raw = folder.path + "/raw.md"
        XCTAssertTrue(FileManager.default.createFile(atPath: raw, contents: Data([0x23, 0x20, 0x41, 0xFF, 0x0D, 0x0A, 0x42, 0x0A])))
        for path in files.keys.map({ folder.path + "/" + $0 }) + [raw] {
            let string = try PostLoader.body(at: path).get()
            let bytes = try PostLoader.bodyBytes(at: path).get()
            XCTAssertEqual(Array(bytes), Array(string.utf8), path)
        }
        XCTAssertThrowsError(try PostLoader.bodyBytes(at: folder.path + "/missing.md").get())
    }
}
