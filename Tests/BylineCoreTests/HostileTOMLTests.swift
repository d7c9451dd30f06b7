import BylineTestSupport
import XCTest
@testable import BylineCore

/// Issue 15 row 2: TOML front matter that made toml++'s assertions abort the process (SIGABRT) now
/// gives a diagnostic at its file and line, and the rest of the blog is listed. The assertions are off
/// because every build passes `-Xcxx -DNDEBUG`; without it toml++ aborted on both (SIGABRT, issue 15).
final class HostileTOMLTests: XCTestCase {
    private func store(with files: [String: String]) throws -> (PostStore, TempFolder) {
        let folder = try TempFolder(name)
        try folder.write("good.md", "---\ntitle: Good\ntags: [ok]\n---\nFine.\n")
        try folder.write("fine.md", "+++\ntitle = \"Fine TOML\"\n+++\nAlso fine.\n")
        for (path, text) in files { try folder.write(path, text) }
        return (try loadStore(folder.path), folder)
    }

    func testNineBytesOfUnclosedTableHeaderAreAnError() throws {
        for whole in [false, true] {
            let folder = try TempFolder(name)
            try folder.write("good.md", "---\ntitle: Good\n---\nFine.\n")
            try folder.write("nine.md", bytes: Array("+++\n[\n+++\n".utf8))
            let store = try loadStore(folder.path, whole: whole)
            XCTAssertEqual(Set(store.posts.map(\.title)), ["Good", "nine"], "the good post is still listed")
            let diagnostic = try XCTUnwrap(store.diagnostics.first { $0.file == "nine.md" })
            XCTAssertEqual(diagnostic.severity, .error)
            XCTAssertEqual(diagnostic.line, 2, "the error is at the `[` line of the file")
            XCTAssertTrue(diagnostic.message.hasPrefix("TOML front matter: "), diagnostic.message)
        }
    }

    func testDateWithAnEmptyTimeIsAnError() throws {
        let (store, _) = try store(with: ["t.md": "+++\ntitle = \"T\"\na = 2024-04-09T:\n+++\nBody.\n"])
        XCTAssertEqual(Set(store.posts.map(\.title)), ["Good", "Fine TOML", "t"])
        let diagnostic = try XCTUnwrap(store.diagnostics.first { $0.file == "t.md" })
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.line, 3)
        XCTAssertTrue(diagnostic.description.hasPrefix("t.md:3:"), diagnostic.description)
    }

    /// toml++ quotes a bad key back in its message; the message is shown through the same escaping as
    /// everything else (`check` prints `VisibleText.escapeLine` of it), never raw.
    func testLibraryMessagesCarryTheFileBytesOnlyThroughEscaping() throws {
        let key = "\"a\u{9B}\u{202E}\u{7}\""
        let (store, _) = try store(with: ["dup.md": "+++\n\(key) = 1\n\(key) = 2\n+++\nBody.\n"])
        let diagnostic = try XCTUnwrap(store.diagnostics.first { $0.file == "dup.md" })
        let shown = VisibleText.escapeLine(diagnostic.description)
        XCTAssertFalse(shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }, shown)
        XCTAssertFalse(shown.contains("\n"))
    }
}
