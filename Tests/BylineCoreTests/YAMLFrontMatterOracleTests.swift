import Foundation
import BylineTestSupport
import XCTest
import Yams
@testable import BylineCore

/// The front matter reader (`YAMLFrontMatter`, one pass over libyaml's events) must give exactly what
/// byline gave when it composed every front matter with Yams: the same entry (values, file lines,
/// columns) or the same error at the same place. Yams is the oracle here, in the tests only. Inputs:
/// the shipped posts, the fixture blogs, the benchmark corpus, hand-written tricky cases, and
/// thousands of generated and mutated front matters.
final class YAMLFrontMatterOracleTests: XCTestCase {
    /// Runs the reader and the oracle on `text`; true when the text was read (and then agreed with Yams).
    /// Where Yams refuses a repeated key, the reader departs from it on purpose (issue 17: the last one
    /// is used, with a warning; `DuplicateKeyTests` hold the values): it must then warn at a repeat of a
    /// key Yams names, or fail later in the text than Yams did.
    @discardableResult
    private func compare(_ text: String, firstLine: Int = 2, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        var warnings: [FrontMatterParser.Failure] = []
        let read = FrontMatterParser.parse(ArraySlice(text.utf8), format: .yaml, firstLine: firstLine, warnings: &warnings)
        let yams = YamsOracle.parse(text, firstLine: firstLine)
        let duplicatePrefix = "YAML front matter: duplicate field "
        if case let .failure(refusal) = yams, refusal.message.hasPrefix(duplicatePrefix) {
            switch read {
            case .success:
                let named = refusal.message.dropFirst(duplicatePrefix.count).components(separatedBy: ", ")
                // Yams names a key that is a collection `<uncovertable>`.
                XCTAssertTrue(warnings.contains { warning in
                    named.contains { $0 == "<uncovertable>" || warning.message.contains("field `\($0.prefix(60))` is repeated") }
                }, "no warning for a repeated \(named) in:\n\(text)\n\(warnings)", file: file, line: line)
            case let .failure(failure):
                XCTAssertGreaterThanOrEqual(failure.line ?? 0, refusal.line ?? 0, "the reader failed before the repeated key:\n\(text)",
                                            file: file, line: line)
            }
            return false
        }
        if case .success = yams { XCTAssertEqual(warnings, [], "warnings where Yams found no repeated key:\n\(text)", file: file, line: line) }
        XCTAssertEqual(read, yams, "the reader and Yams disagree on:\n\(text)", file: file, line: line)
        if case .success = read { return true }
        return false
    }

    /// The YAML front matter of each markdown file under `folder`.
    private func frontMatters(under folder: String) throws -> [String] {
        var texts: [String] = []
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: folder))
        for case let relative as String in walker where relative.hasSuffix(".md") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
            let bytes = PostText.clean(Array(data)).bytes
            if case let .found(block) = FrontMatterBlock.locate(in: bytes), block.format == .yaml {
                texts.append(String(decoding: bytes[block.text], as: UTF8.self))
            }
        }
        return texts
    }

    func testShippedPostsAndFixtures() throws {
        let shipped = try frontMatters(under: Fixtures.shippedPosts)
        XCTAssertEqual(shipped.count, 14)
        XCTAssertEqual(shipped.filter { compare($0) }.count, shipped.count, "the shipped posts are all read")
        let fixtures = try frontMatters(under: Fixtures.root)
        XCTAssertGreaterThan(fixtures.count, 10)
        let accepted = fixtures.filter { compare($0) }.count
        XCTAssertGreaterThan(accepted, 0)
        print("YAML front matter: \(shipped.count) shipped posts, all read; \(fixtures.count) fixture front matters, \(accepted) read")
    }

    /// The benchmark corpus (bench/corpus.py), the shape the start-up figures are measured on.
    func testBenchmarkCorpus() throws {
        let repository = URL(fileURLWithPath: Fixtures.shippedPosts).deletingLastPathComponent().path
        let folder = try TempFolder()
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", repository + "/bench/corpus.py", "400", folder.path + "/corpus"]
        try python.run()
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0, "bench/corpus.py needs python3")
        let texts = try frontMatters(under: folder.path + "/corpus")
        XCTAssertEqual(texts.count, 400)
        XCTAssertEqual(texts.filter { compare($0) }.count, 400, "every corpus front matter is read")
    }

    func testHandWrittenCases() {
        // Each of these must be read: the forms real blogs use.
        let common = [
            "title: Hello\n",
            "title: \"Hello, world\"\ndate: 2024-04-09\ntags: [go, rust]\nsummary: 'It''s fine'\n",
            "title: Hello # a comment\n",
            "# leading comment\n\ntitle: Hello\n\n",
            "tags:\n  - go\n  - \"rust\"\n  - 'c'\ndate: 2024-04-09T10:30:00Z\n",
            "tags:\n- go\n- rust\n",
            "tags: []\n",
            "tags: [ go ,  rust  ]\n",
            "tags: [\"a, b\", 'c']\n",
            "draft: true\npublished: no\n",
            "slug: my-post\nx: ~\ny: null\nz: NULL\nw: Null\n",
            "title: \"Quote \\\" and backslash \\\\\"\n",
            "title: 日本語のタイトル\ntags: [日本, \"🎉 party\"]\n",
            "title: a:b\n",
            "title: a#b\n",
            "title: x, y, z\n",
            "title: ends with ]\n",
            "Title: Upper\n",
            "pubDate: 2024-01-02\n",
            "tags:   # list below\n  - a\n  # between\n  - b\n",
            "title: Hello\n   \n",
            "",
            "# only a comment\n",
            "title: \"\"\n",
            "title: ''\n",
            "title: \"  padded  \"\n",
            "title: two  spaces\n",
            "date: 2024-04-09 # updated\n",
            "last-modified: x\nkey_2.b: y\n",
            "title: 'a''b''c'\n",
            "tags: ['a''b', \"c\\\\d\"]\n",
            "tags: [~, null, a]\n",
            "tags:\n  - ~\n  - x\n",
            "tags: [a] # comment\n",
            "title: \"x\" # comment\n",
            "summary: café ünïcödé — dash\n",
        ]
        for text in common {
            XCTAssertTrue(compare(text), "not read:\n\(text)")
        }
        // The rest of YAML, and its errors: each read or refused as Yams did (the flat reader left these to Yams).
        let left = [
            "title: &a x\nslug: *a\n", "title: !!str 12\n", "title: |\n  block\n", "title: >\n  folded\n",
            "title: first\n  second\n", "title:\n  indented\n", "meta: {a: 1}\n", "extra:\n  summary: x\n",
            "title: \"escape \\n\"\n", "title: \"unclosed\n", "title: 'multi\n  line'\n", "title:\n",
            "title: a\ntitle: b\n", "title:\ttab\n", "\ttitle: x\n", "tags: [a, b,]\n", "tags: [a,\n  b]\n",
            "tags: [a, [b]]\n", "tags: [a: b]\n", "tags:\n  - a\n   - b\n", "tags:\n  - a\n    b\n",
            "tags:\n  -\n", "tags:\n  - - a\n", "tags:\n  - a: b\n", "title: a: b\n", "title: a:\n",
            "- a\n- b\n", "just text\n", "? complex\n: key\n", "%YAML 1.2\n", "title: @x\n", "title: `x`\n",
            "title: -x\n", "title: [a] b\n", "title: \"a\" b\n", "title: \"a\"#b\n", "\"title\": x\n",
            "my title: x\n", "title:x\n", "--- x\n", "title: x\u{85}y\n", "title: x\u{2028}y\n",
            "title: \u{FEFF}x\n", "title: x\r\n", "title: x\u{7F}\n", "tags: [c#]\n",
        ]
        for text in left { compare(text) }
    }

    /// What the flat reader never read, now read by the one reader as Yams read it: anchors and
    /// aliases (also as keys and nested), tags, repeated keys, keys that are collections, nesting past
    /// the depth limit (also brought in by an alias), several documents, YAML's errors.
    func testTheRestOfYAML() {
        let deep = String(repeating: "[", count: 40) + "x" + String(repeating: "]", count: 40)
        let deepMap = (0..<40).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v\n"
        let cases = [
            "a: &x [1, 2]\nb: *x\n", "a: *x\n", "a: [*x]\n", "a: [b, *x]\n", "a:\n  - *x\n", "a:\n  - &x b\n",
            "a: &x b\n", "&x a: b\n", "*x : b\n", "&x a: b\n*x : c\n", "a: &x b\nc: *x\nd: *x\n",
            "title: 5 * 3 & more\n", "a: &x [&y b, *y]\nc: *x\n", "a: &x {k: v}\nb: *x\n", "a: &x [*x]\n",
            "a: &x 1\nb: &x 2\nc: *x\n", "t: !!str 12\n", "t: !!int 12\n", "t: !custom x\n", "t: ! x\n",
            "t: !!map {a: 1}\n", "t: !!seq [a]\n", "!!map {a: b}\n", "t: !<tag:x> y\n", "%TAG !e! tag:e.com,2000:\n---\nt: !e!x y\n",
            "a: 1\na: 2\n", "a: 1\nb: 2\na: 3\nb: 4\n", "b: 1\na: 1\nb: 2\na: 2\n", "a: 1\n\"a\": 2\n",
            "a: 1\n!!str a: 2\n", "1: a\n!!int 1: b\n", "m: {x: 1, x: 2}\n", "? [a, b]\n: 1\n? [a, b]\n: 2\n",
            "? [a, b]\n: 1\n? [a, c]\n: 2\n", "? {k: v}\n: 1\n? {k: v}\n: 2\n", "? [a]\n: 1\n? !!set [a]\n: 2\n",
            "? &k [a]\n: 1\n? *k\n: 2\n", "? {!!value k: v}\n: 1\n", "? {a: b, !!value k: v}\n: 1\nz: 2\n",
            "? [a]\n: 1\n", "? {a: b}\n: 1\n", "k: " + deep + "\n", deepMap,
            "a: &d " + deep + "\nb: [[[*d]]]\n", "x: [[[[&d " + deep + "]]]]\nb: *d\n",
            "---\na: 1\n---\nb: 2\n", "a: 1\n...\n", "---\n", "--- x\n", "a: 1\n---\n- b\n",
            "a: [1, 2\n", "a: 'x\n", "a: b: c\n", "- a\n- b\n", "x\n", "a: *undefined\nb: c\n",
            "a: *undefined\nb: [\n", "a: 1\na: 2\nb: *undefined\n", "a: \"\\u263A \\x41 \\0 \\t\"\n",
            "a: |\n  block\n  text\nb: >-\n  folded\n  text\n", "a: 'multi\n  line'\n", "a:\n  b:\n    c: d\n",
            "a: null\nb: ~\nc:\nd: 'null'\ne: \"~\"\n", "a: [~, '', \"\"]\n", "{a: 1, b: [x, {c: d}]}\n",
            "a: b\n  c: d\n", "\ta: b\n", "a: \u{85}\n", "a: x\u{2028}y\n", "%YAML 1.1\n---\na: b\n", "a: \u{FEFF}\u{FEFF}x\n", "\u{FEFF}a: x\n", "a: [\u{FEFF}]\n", "a: '\u{FEFF}'\n", "%YAML 2.0\n---\na: b\n",
        ]
        for text in cases { compare(text) }
    }

    /// Front matters built from pieces that real blogs and YAML's corners use, then mutated byte by byte.
    func testGeneratedAndMutatedFrontMatters() {
        var random = SplitMix(seed: 6)
        var total = 0, accepted = 0, mutatedAccepted = 0
        for round in 0..<9000 {
            var text = generatedFrontMatter(&random)
            if round % 2 == 1 { text = mutated(text, &random) }
            total += 1
            if compare(text, firstLine: 1 + Int(random.next() % 3)) {
                accepted += 1
                if round % 2 == 1 { mutatedAccepted += 1 }
            }
        }
        print("YAML front matter: \(total) generated front matters, \(accepted) read (\(mutatedAccepted) of them mutated)")
        XCTAssertGreaterThan(accepted, total / 4, "the generator should mostly make front matter that reads")
        XCTAssertGreaterThan(mutatedAccepted, total / 20, "mutations should make readable front matter too")
    }

    private static let keys = ["title", "date", "tags", "summary", "draft", "slug", "categories", "description",
                               "published", "Title", "pubDate", "x-y", "a.b", "_k", "2024", "category"]
    /// Scalars front matter commonly holds, as written after `key: ` or `- ` or inside `[...]`.
    private static let plainScalars = [
        "Hello", "Hello world", "2024-04-09", "2024-04-09T10:30:00Z", "true", "no", "~", "null", "NULL", "Null",
        "nul", "47", "3.5", "a:b", "a#b", "x # comment", "日本語", "🎉 emoji", "café", "a'b", "a\"b", "\"dq\"",
        "'sq'", "\"esc \\\" q\"", "\"esc \\\\ b\"", "'it''s'", "''", "\"\"", "'a' # c", "\u{A0}nbsp", "ü.ü",
        "=", "<<", "x  ", "\"  padded \"", "a  b",
    ]
    /// Scalars that YAML reads otherwise, or that are errors.
    private static let trickyScalars = [
        "  spaced  ", "-3", "a: b", "a #b", "x,y", "[x]", "x]", "{x}", "&a", "*a", "!tag", "|", ">", "@x", "`x`",
        "%x", "?x", "? x", "- x", ":x", "\"esc \\n\"", "\"esc \\t\"", "\"unclosed", "'unclosed", "\"a\" b", "",
        " ", "#c", "a\tb", "\u{85}", "\u{2028}", "x\u{FEFF}", "ü:ü", "--- x", "...", "[a, b]", "a:", "x\n  y",
    ]

    private func scalar(_ random: inout SplitMix) -> String {
        let pool = random.next() % 8 == 0 ? Self.trickyScalars : Self.plainScalars
        return pool[Int(random.next() % UInt64(pool.count))]
    }

    private func generatedFrontMatter(_ random: inout SplitMix) -> String {
        var lines: [String] = []
        for _ in 0..<(1 + Int(random.next() % 6)) {
            let key = Self.keys[Int(random.next() % UInt64(Self.keys.count))]
            switch random.next() % 10 {
            case 0...4:
                lines.append("\(key): \(scalar(&random))")
            case 5, 6:
                let items = (0..<Int(random.next() % 4)).map { _ in scalar(&random) }
                let separator = random.next() % 3 == 0 ? " , " : ", "
                lines.append("\(key): [\(items.joined(separator: separator))]")
            case 7, 8:
                lines.append("\(key):" + (random.next() % 4 == 0 ? " # list" : ""))
                let indent = String(repeating: " ", count: Int(random.next() % 3) * 2)
                for _ in 0..<Int(random.next() % 4) { lines.append("\(indent)- \(scalar(&random))") }
            default:
                lines.append(["# comment", "", "   ", "  # indented comment"][Int(random.next() % 4)])
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let mutationBytes = Array(" :-#[]{},'\"\\\n\t&*!|>%@~?.aZ0é".unicodeScalars).map(String.init)

    private static let insertedLines = ["  - x", "- y", "  extra: 1", "   continued", "tags: [a, b]", "title: again",
                                        "# note", "", "? k", "&a x", "  # indented note", "\t- tab", "...", "--- x"]

    private func mutated(_ text: String, _ random: inout SplitMix) -> String {
        if random.next() % 3 == 0 { return mutatedLines(text, &random) }
        var characters = Array(text.unicodeScalars).map(String.init)
        for _ in 0..<(1 + Int(random.next() % 3)) {
            let at = characters.isEmpty ? 0 : Int(random.next() % UInt64(characters.count))
            let piece = Self.mutationBytes[Int(random.next() % UInt64(Self.mutationBytes.count))]
            switch random.next() % 3 {
            case 0: characters.insert(piece, at: at)
            case 1: if !characters.isEmpty { characters.remove(at: at) }
            default: if !characters.isEmpty { characters[at] = piece }
            }
        }
        return characters.joined()
    }
}

extension YAMLFrontMatterOracleTests {
    /// Whole lines indented, repeated, dropped, swapped or inserted: the shapes that change what a
    /// line belongs to (a list, a multi-line scalar, a nested mapping).
    fileprivate func mutatedLines(_ text: String, _ random: inout SplitMix) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + Int(random.next() % 2)) {
            guard !lines.isEmpty else { break }
            let at = Int(random.next() % UInt64(lines.count))
            switch random.next() % 5 {
            case 0: lines[at] = String(repeating: " ", count: 1 + Int(random.next() % 4)) + lines[at]
            case 1: lines.insert(lines[at], at: at)
            case 2: lines.remove(at: at)
            case 3: lines.swapAt(at, Int(random.next() % UInt64(lines.count)))
            default: lines.insert(Self.insertedLines[Int(random.next() % UInt64(Self.insertedLines.count))], at: at)
            }
        }
        return lines.joined(separator: "\n")
    }
}
