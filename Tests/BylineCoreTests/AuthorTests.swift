import BylineTestSupport
import XCTest
@testable import BylineCore

/// Authors, however a generator's front matter names them: `author` (a name, or a table with a
/// `name`), `authors` (a list), `by`, Zola's `[extra]` `author` and `authors`. Before issue 17 none
/// was read.
final class AuthorTests: XCTestCase {
    func testEverySpellingInTheFixtureSites() throws {
        let hugo = try loadStore(Fixtures.site("hugo"))
        XCTAssertEqual(try hugo.post("authors-and-aliases").authors, ["Ada Lovelace", "Charles Babbage"])
        XCTAssertEqual(try hugo.post("by-line").authors, ["Alan Turing"])
        let jekyll = try loadStore(Fixtures.site("jekyll"))
        XCTAssertEqual(try jekyll.post("duplicate-title").authors, ["Ada Lovelace"])
        XCTAssertEqual(try jekyll.post("redirect-target").authors, ["Grace Hopper"], "a table's `name`")
        let zola = try loadStore(Fixtures.site("zola"))
        XCTAssertEqual(try zola.post("path-dates").authors, ["Ada Lovelace"], "`[extra] author`")
        XCTAssertEqual(try zola.post("2015-01-02-slug-dates").authors, ["Grace Hopper", "Alan Turing"])
        XCTAssertEqual(try zola.post("file-name-dates").authors, [])
    }

    func testListsOfTablesRepeatsAndBadValues() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\nauthors:\n  - name: Ada\n  - Grace\n  - ada\nauthor: Grace\n---\nBody.\n")
        try folder.write("b.md", "---\nauthor: {email: a@example.org}\nby: [[Nested]]\n---\nBody.\n")
        try folder.write("c.md", "+++\nby = true\n+++\nBody.\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(try store.post("a").authors, ["Ada", "Grace"], "each once, in its first spelling")
        XCTAssertEqual(try store.post("b").authors, ["Nested"], "a table without a name names nobody")
        XCTAssertEqual(try store.post("c").authors, [])
        XCTAssertEqual(store.diagnostics.map(\.description), ["c.md:2:1: warning: `by` should be a name or a list of names, not true/false; ignored"])
    }

    /// The header over the preview, the reader and `byline show`.
    func testTheHeaderNamesThem() throws {
        let post = try loadStore(Fixtures.site("hugo")).post("authors-and-aliases")
        let lines = PostHeader.lines(post, words: 20, width: 80).map(\.text)
        XCTAssertEqual(lines[1], "2024-06-01 · by Ada Lovelace, Charles Babbage · #hugo · 1 min read")
    }

    /// Search finds a post by its author's name, in the scan as in the index.
    func testSearchFindsAnAuthor() throws {
        let store = try loadStore(Fixtures.site("hugo"))
        XCTAssertEqual(store.matches(PostQuery(search: "babbage")).map { store.posts[$0].slug }, ["authors-and-aliases"])
    }
}
