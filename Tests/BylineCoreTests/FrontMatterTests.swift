import XCTest
@testable import BylineCore

final class FrontMatterBlockTests: XCTestCase {
    private func locate(_ text: String) -> FrontMatterBlock.Search { FrontMatterBlock.locate(in: Array(text.utf8)) }

    func testYAMLAndTOMLFences() {
        guard case let .found(yaml) = locate("---\ntitle: A\n---\nBody\n") else { return XCTFail("no YAML block") }
        XCTAssertEqual(yaml.format, .yaml)
        XCTAssertEqual(yaml.text, 4..<13)
        XCTAssertEqual(yaml.bodyStart, 17)
        XCTAssertEqual(yaml.bodyFirstLine, 4)
        guard case let .found(toml) = locate("+++\ntitle = \"A\"\n+++  \n") else { return XCTFail("no TOML block") }
        XCTAssertEqual(toml.format, .toml)
        XCTAssertEqual(toml.bodyStart, 22)
    }

    func testYAMLMayCloseWithDots() {
        guard case let .found(block) = locate("---\ntitle: A\n...\nBody") else { return XCTFail("no block") }
        XCTAssertEqual(block.bodyStart, 17)
    }

    func testNoFrontMatterAndUnclosed() {
        XCTAssertEqual(locate("# Title\n---\n"), .none)
        XCTAssertEqual(locate(" ---\ntitle: A\n---\n"), .none)
        XCTAssertEqual(locate("----\n"), .none)
        XCTAssertEqual(locate("---\ntitle: A\n"), .unclosed(.yaml))
        XCTAssertEqual(locate("+++\ntitle = 1\n---\n"), .unclosed(.toml))
        XCTAssertEqual(locate(""), .none)
    }
}

final class FrontMatterParserTests: XCTestCase {
    func testYAMLScalarsStayText() throws {
        let entry = try FrontMatterParser.parse(ArraySlice("title: A\ndate: 2024-04-09\ndraft: true\ncount: 47\n".utf8), format: .yaml, firstLine: 2).get()
        XCTAssertEqual(entry["title"]?.value, .string("A"))
        XCTAssertEqual(entry["date"]?.value, .string("2024-04-09"))
        XCTAssertEqual(entry["draft"]?.value, .string("true"))
        XCTAssertEqual(entry["count"]?.value, .string("47"))
        XCTAssertEqual(entry["date"]?.line, 3, "lines are file lines: the front matter starts on line 2")
    }

    func testYAMLErrorsNameTheFileLine() {
        guard case let .failure(failure) = FrontMatterParser.parse(ArraySlice("title: A\ntags: [a, b\nsummary: x\n".utf8), format: .yaml, firstLine: 2) else {
            return XCTFail("broken YAML parsed")
        }
        XCTAssertTrue(failure.message.hasPrefix("YAML front matter:"), failure.message)
        XCTAssertEqual(failure.line, 4)
        XCTAssertNotNil(failure.column)
    }

    func testYAMLThatIsNotAMapping() {
        guard case let .failure(failure) = FrontMatterParser.parse(ArraySlice("- a\n- b\n".utf8), format: .yaml, firstLine: 2) else {
            return XCTFail("a list was accepted as front matter")
        }
        XCTAssertTrue(failure.message.contains("not a list"), failure.message)
    }

    func testEmptyYAMLIsAnEmptyTable() throws {
        XCTAssertEqual(try FrontMatterParser.parse(ArraySlice("".utf8), format: .yaml, firstLine: 2).get().value, .table([]))
    }

    func testTOMLTypes() throws {
        let text = "title = \"T\"\ndate = 2024-04-09T10:30:00-05:00\nday = 2024-04-09\ndraft = true\nn = 47\n[extra]\nsummary = \"S\"\n"
        let entry = try FrontMatterParser.parse(ArraySlice(text.utf8), format: .toml, firstLine: 2).get()
        XCTAssertEqual(entry["title"]?.value, .string("T"))
        XCTAssertEqual(entry["date"]?.value, .date(PostDateParser.parse("2024-04-09T10:30:00-05:00")!))
        XCTAssertEqual(entry["day"]?.value, .date(PostDateParser.parse("2024-04-09")!))
        XCTAssertEqual(entry["draft"]?.value, .bool(true))
        XCTAssertEqual(entry["n"]?.value, .number("47"))
        XCTAssertEqual(entry["extra"]?["summary"]?.value, .string("S"))
        XCTAssertEqual(entry["draft"]?.line, 5)
    }

    func testTOMLErrorsNameTheFileLine() {
        guard case let .failure(failure) = FrontMatterParser.parse(ArraySlice("title = \"T\"\ndate = = 3\n".utf8), format: .toml, firstLine: 2) else {
            return XCTFail("broken TOML parsed")
        }
        XCTAssertTrue(failure.message.hasPrefix("TOML front matter:"), failure.message)
        XCTAssertEqual(failure.line, 3)
    }
}

final class PostMetadataTests: XCTestCase {
    private func read(_ yaml: String) throws -> (PostMetadata, [PostMetadata.Problem]) {
        PostMetadata.read(try FrontMatterParser.parse(ArraySlice(yaml.utf8), format: .yaml, firstLine: 2).get())
    }

    func testTagShapes() throws {
        XCTAssertEqual(try read("tags: [go, Release]").0.tags, ["go", "Release"])
        XCTAssertEqual(try read("tags: go").0.tags, ["go"])
        XCTAssertEqual(try read("tags: go, web dev ,  rust").0.tags, ["go", "web dev", "rust"])
        XCTAssertEqual(try read("tags: 47").0.tags, ["47"])
        XCTAssertEqual(try read("tags: [47, 2024]").0.tags, ["47", "2024"])
        XCTAssertEqual(try read("tags:\n  - machine   learning\n  - ''\n").0.tags, ["machine learning"])
        XCTAssertEqual(try read("tags: [a]\ncategories: [b]\ncategory: c").0.tags, ["a", "b", "c"])
        XCTAssertEqual(try read("taxonomies:\n  tags: [z]\n  categories: [y]").0.tags, ["z", "y"])
    }

    func testSummaryNames() throws {
        XCTAssertEqual(try read("summary: S\ndescription: D").0.summary, "S")
        XCTAssertEqual(try read("description: D").0.summary, "D")
        XCTAssertEqual(try read("extra:\n  summary: E").0.summary, "E")
        XCTAssertEqual(try read("excerpt: X").0.summary, "X")
    }

    func testDraftsAndPublished() throws {
        XCTAssertTrue(try read("draft: true").0.draft)
        XCTAssertTrue(try read("draft: yes").0.draft)
        XCTAssertFalse(try read("draft: false").0.draft)
        XCTAssertTrue(try read("published: false").0.draft)
        XCTAssertFalse(try read("published: 2024-04-09").0.draft)
        XCTAssertEqual(try read("published: 2024-04-09").0.date?.iso8601, "2024-04-09")
    }

    func testDateNames() throws {
        XCTAssertEqual(try read("date: 2024-04-09").0.date?.iso8601, "2024-04-09")
        XCTAssertEqual(try read("pubDate: 'Jul 08 2022'").0.date?.iso8601, "2022-07-08")
        XCTAssertEqual(try read("publishDate: 2021-01-02").0.date?.iso8601, "2021-01-02")
    }

    func testSlugIsOneComponent() throws {
        XCTAssertEqual(try read("slug: my-post").0.slug, "my-post")
        XCTAssertEqual(try read("slug: /blog/my-post/").0.slug, "my-post")
        XCTAssertNil(try read("slug: ''").0.slug)
    }

    func testWrongTypesBecomeProblemsWithPlaces() throws {
        let (metadata, problems) = try read("title: [a, b]\ndate: someday\ntags: {a: 1}\ndraft: maybe\n")
        XCTAssertNil(metadata.title)
        XCTAssertNil(metadata.date)
        XCTAssertEqual(metadata.tags, [])
        XCTAssertFalse(metadata.draft)
        XCTAssertEqual(problems.count, 4)
        XCTAssertEqual(problems.map(\.line), [2, 3, 4, 5])
        XCTAssertTrue(problems[1].message.contains("\"someday\" is not a date"), problems[1].message)
    }
}
