import BylineTestSupport
import XCTest
@testable import BylineCore

/// A key written twice: the last one is used (as Jekyll's YAML reader, Psych, does), with a warning at
/// the repeat, and the rest of the front matter kept. Before issue 17 the whole front matter was thrown
/// away (the post lost its tags) and the error pointed at the first key.
final class DuplicateKeyTests: XCTestCase {
    func testJekyllPostWithTwoTitlesKeepsItsTags() throws {
        let store = try loadStore(Fixtures.site("jekyll"))
        let post = try store.post("duplicate-title")
        XCTAssertEqual(post.title, "The title that wins")
        XCTAssertEqual(post.tags, ["yaml", "jekyll"])
        let file = "_posts/2024-05-02-duplicate-title.md"
        XCTAssertEqual(store.diagnostics.filter { $0.file == file }.map(\.description),
                       ["\(file):6:1: warning: YAML front matter: field `title` is repeated (first on line 3); the last one is used"])
        XCTAssertEqual(store.diagnostics.filter { $0.file == file }.map(\.kind), [.repeatedKey])
    }

    func testLastValueTakesTheFirstPlaceAtEveryLevel() throws {
        var warnings: [FrontMatterParser.Failure] = []
        let text = "a: 1\nb: 2\nm: {x: 1, y: 2, x: 3}\na: 4\n"
        let entry = try FrontMatterParser.parse(ArraySlice(text.utf8), format: .yaml, firstLine: 2, warnings: &warnings).get()
        XCTAssertEqual(entry["a"]?.value, .string("4"))
        XCTAssertEqual(entry["a"]?.line, 5, "the value's own place")
        XCTAssertEqual(entry["m"]?["x"]?.value, .string("3"))
        guard case let .table(pairs) = entry.value, case let .table(inner)? = entry["m"]?.value else { return XCTFail("\(entry)") }
        XCTAssertEqual(pairs.map(\.key), ["a", "b", "m"], "a key once, where it was first written")
        XCTAssertEqual(inner.map(\.key), ["x", "y"])
        XCTAssertEqual(warnings.map { [$0.line, $0.column] }, [[4, 17], [5, 1]])
    }

    /// Many keys (past the ones compared one by one) and a repeat far down.
    func testARepeatAmongManyKeys() throws {
        var warnings: [FrontMatterParser.Failure] = []
        let text = (0..<40).map { "k\($0): \($0)\n" }.joined() + "k3: last\n"
        let entry = try FrontMatterParser.parse(ArraySlice(text.utf8), format: .yaml, firstLine: 2, warnings: &warnings).get()
        XCTAssertEqual(entry["k3"]?.value, .string("last"))
        XCTAssertEqual(warnings.map(\.line), [42])
    }

    func testTOMLKeepsTheLastAndWarnsAtTheRepeat() throws {
        let folder = try TempFolder()
        try folder.write("post.md", "+++\ntitle = \"First\"\ntags = [\"toml\"]\ntitle = \"Second\"\n+++\nBody.\n")
        let store = try loadStore(folder.path)
        let post = try store.post("post")
        XCTAssertEqual(post.title, "Second")
        XCTAssertEqual(post.tags, ["toml"])
        XCTAssertEqual(store.diagnostics.map(\.description),
                       ["post.md:4:1: warning: TOML front matter: field `title` is repeated (first on line 2); the last one is used"])
    }

    /// A key repeated in a table, and a table repeated: the last is used; a key of the same name in
    /// another table is no repeat.
    func testTOMLRepeatsInTablesAndOfTables() throws {
        var warnings: [FrontMatterParser.Failure] = []
        let text = "title = \"T\"\n[extra]\ntitle = \"x\"\nsummary = \"a\"\nsummary = \"b\"\n[taxonomies]\ntags = [\"a\"]\n[taxonomies]\ntags = [\"b\"]\n"
        let entry = try FrontMatterParser.parse(ArraySlice(text.utf8), format: .toml, firstLine: 2, warnings: &warnings).get()
        XCTAssertEqual(entry["title"]?.value, .string("T"))
        XCTAssertEqual(entry["extra"]?["summary"]?.value, .string("b"))
        XCTAssertEqual(entry["taxonomies"]?["tags"]?.value, .list([FrontMatterEntry(.string("b"))]))
        guard case let .table(pairs) = entry.value else { return XCTFail("\(entry)") }
        XCTAssertEqual(pairs.map(\.key).sorted(), ["extra", "taxonomies", "title"], "no placeholder is left")
        XCTAssertEqual(warnings.map(\.line), [6, 9])
        XCTAssertEqual(warnings.map(\.message), ["TOML front matter: field `summary` is repeated (first on line 5); the last one is used",
                                                 "TOML front matter: table `taxonomies` is repeated (first on line 7); the last one is used"])
    }
}
