import BylineCore
import BylineMarkdown
import Foundation
import XCTest

/// Each language gets a realistic snippet and assertions on the style of chosen tokens. Every
/// highlight also passes `assertWellFormed`: spans give back each line exactly, in whole characters,
/// all with `.codeBlock`, none empty.
final class CodeHighlighterTests: XCTestCase {
    // MARK: - Lookup, lines and text

    func testInfoStringForms() {
        XCTAssertEqual(CodeHighlighter.definition(for: "go title=\"main.go\"")?.names.first, "go")
        XCTAssertEqual(CodeHighlighter.definition(for: "{.python}")?.names.first, "python")
        XCTAssertEqual(CodeHighlighter.definition(for: "{.python .numberLines}")?.names.first, "python")
        XCTAssertEqual(CodeHighlighter.definition(for: "  GoLang  ")?.names.first, "go")
        XCTAssertEqual(CodeHighlighter.definition(for: "rust,ignore")?.names.first, "rust")
        XCTAssertEqual(CodeHighlighter.definition(for: "language-ts")?.names.first, "typescript")
        XCTAssertNil(CodeHighlighter.definition(for: ""))
        XCTAssertNil(CodeHighlighter.definition(for: "brainfuck"))
        let lines = highlight("func x() {}", "{.go linenos=true}")
        assertToken(lines, 0, "func", .keyword)
    }

    func testAliasesFromTheBrief() {
        let aliases = [
            "go": ["go", "golang"], "swift": ["swift"], "rust": ["rust", "rs"], "python": ["python", "py"],
            "javascript": ["js", "jsx", "javascript"], "typescript": ["ts", "tsx", "typescript"],
            "sh": ["sh", "bash", "zsh", "shell", "console", "shellsession"],
            "sql": ["sql", "mysql", "postgresql", "psql"], "yaml": ["yaml", "yml"], "json": ["json", "jsonc"],
            "toml": ["toml"], "diff": ["diff", "patch"],
        ]
        for (canonical, names) in aliases {
            for name in names { XCTAssertEqual(CodeHighlighter.definition(for: name)?.names.first, canonical, name) }
        }
    }

    func testUnknownLanguageIsOnePlainSpanPerLine() {
        for language in [nil, "brainfuck", ""] as [String?] {
            let lines = highlight("func main() {\n\t\"x\" // y\n}\n", language)
            XCTAssertEqual(lines, [
                [StyledSpan("func main() {", .codeBlock)], [StyledSpan("\t\"x\" // y", .codeBlock)], [StyledSpan("}", .codeBlock)],
            ])
        }
    }

    func testLineSplitting() {
        XCTAssertEqual(highlight("", "go").count, 0, "empty code has no lines")
        XCTAssertEqual(highlight("\n", "go"), [[]], "one empty line, no empty spans")
        XCTAssertEqual(highlight("a\n", "go").count, 1, "a trailing newline makes no extra line")
        XCTAssertEqual(highlight("a\n\nb", nil).count, 3)
        XCTAssertEqual(highlight("a\r\nb\r\n", "go").map { $0.map(\.text).joined() }, ["a\r", "b\r"],
                       "lines split on \\n alone; a \\r is kept as written")
        XCTAssertEqual(highlight("\tx := 1", "go").first?.first?.text, "\tx := ", "tabs are kept for the caller to expand")
    }

    func testWholeWordsAndWordStartNumbers() {
        let lines = highlight("iffy := format + for_each + x1 + a2b + _3 + 7", "go")
        for name in ["iffy", "format", "for_each", "x1", "a2b", "_3"] { assertToken(lines, 0, name, .plain) }
        assertToken(lines, 0, "7", .number)
        assertToken(highlight("SELECTED selected select", "sql"), 0, "SELECTED", .plain)
    }

    func testStateResetsAndUnclosedSingleLineStrings() {
        let lines = highlight("x := \"unclosed\ny := 1 // after\n/* open\nstill\n*/ z := 2", "go")
        assertToken(lines, 0, "\"unclosed", .string)
        assertToken(lines, 1, "y", .plain, "a one-line string ends with its line")
        assertToken(lines, 1, "1", .number)
        assertToken(lines, 3, "still", .comment)
        assertToken(lines, 4, "*/", .comment)
        assertToken(lines, 4, "2", .number)
        let rust = highlight("let s = r#\"one\n\"two\"\n\"# + .5;", "rust")
        assertToken(rust, 1, "\"two\"", .string, "a raw string spans lines until quote and hashes")
        assertToken(rust, 2, "\"#", .string)
        assertToken(rust, 2, ".5", .number)
        let swift = highlight("let s = #\"\"\"\nx\"\"\"\n\"\"\"#.count", "swift")
        assertToken(swift, 1, "x\"\"\"", .string)
        assertToken(swift, 2, "count", .plain)
        let python = highlight("s = '''a\n# not a comment\n'''  # a comment", "py")
        assertToken(python, 1, "# not a comment", .string)
        assertToken(python, 2, "# a comment", .comment)
    }

    func testNonASCIITextStaysWholeCharacters() {
        let lines = highlight("// 日本語のコメント\n变量 := \"漢字👩‍👩‍👧\"\u{301} + for\u{1F3FB}\ns := \"é\" + 'ü'", "go")
        assertToken(lines, 0, "// 日本語のコメント", .comment)
        assertToken(lines, 1, "变量", .plain)
        assertToken(lines, 1, "\"漢字👩‍👩‍👧\"\u{301}", .string, "a combining mark after the quote stays with it")
        assertToken(lines, 1, "for\u{1F3FB}", .plain, "a keyword with a modifier attached is another word")
        assertToken(lines, 2, "\"é\"", .string)
        assertToken(lines, 2, "'ü'", .string)
    }

    func testEverySnippetInEveryLanguageRoundTrips() {
        let snippets = [
            "r#\"x\"# 'a' `b` \"\"\"c\"\"\" $x ${y} #if @a /* /* */ */ -- [[ ]] <!-- x -->",
            "key: 'it''s' # c\n[s]\nk = \"v\\\"\" ; c\n- a: b\n$$ body $$ 0x1F_u8 1e5 .5 1..2",
            "\u{301}\"\u{301}x\"\u{301} \u{600}\"a\" 👍🏽'b'👍🏽 #\"\u{301}\"# \t\r",
            "unterminated \" ' ` /* \"\"\" ''' r#\" ${ $( #",
        ]
        for definition in LanguageDefinition.builtIn {
            for snippet in snippets { _ = highlight(snippet + "\n" + snippet, definition.names[0]) }
        }
    }

    func testEveryNameIsUniqueAndFindsItsDefinition() {
        var seen = Set<String>()
        for definition in LanguageDefinition.builtIn {
            for name in definition.names {
                XCTAssertTrue(seen.insert(name).inserted, "\(name) is listed twice")
                XCTAssertEqual(CodeHighlighter.definition(for: name.uppercased())?.names, definition.names)
            }
        }
    }

    // MARK: - Size

    /// A quadratic scan would take minutes on these; a linear one takes well under a second even in a
    /// debug build. The bound is loose so a slow machine does not fail it.
    func testLargeInputsHighlightInLinearTime() {
        let goLine = "x := fetch(\"https://example.com\", 0x1F, 3.5) /* c */ + len(y) // done\n"
        let piece = goLine.replacingOccurrences(of: " // done\n", with: "; ")
        let oneLine = String(repeating: piece, count: (1 << 20) / piece.utf8.count + 1)
        let manyLines = String(repeating: goLine, count: 20_000)
        let pathological: [(String, String)] = [
            (String(repeating: "${", count: 500_000), "sh"),
            (String(repeating: "#", count: 1_000_000), "swift"),
            (String(repeating: "r#", count: 500_000), "rust"),
            (String(repeating: "'a", count: 500_000), "rust"),
            (String(repeating: "[", count: 1_000_000), "toml"),
            (String(repeating: "- ", count: 500_000), "yaml"),
            (String(repeating: "\"\\", count: 500_000), "go"),
            (String(repeating: "e\u{301}", count: 300_000), "go"),
        ]
        for (code, language) in [(oneLine, "go"), (manyLines, "go")] + pathological {
            let start = Date()
            let lines = CodeHighlighter.highlight(code, language: language)
            let seconds = Date().timeIntervalSince(start)
            XCTAssertLessThan(seconds, 10, "\(language), \(code.utf8.count) bytes")
            XCTAssertEqual(lines.reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.utf8.count } } + lines.count - 1,
                           code.utf8.count - (code.utf8.last == 0x0A ? 1 : 0))
            if code == oneLine {
                print("CodeHighlighter: 1 MB of Go on one line in \(Int(seconds * 1000)) ms")
            } else if code == manyLines {
                print("CodeHighlighter: \(code.utf8.count / 1000) kB of Go in 20,000 lines in \(Int(seconds * 1000)) ms")
            }
        }
    }
}
