import XCTest
@testable import BylineCore

/// The speed-ups of rendering keep their promises: each fast path gives exactly what the plain
/// definition it replaces gives, over many random inputs full of the awkward cases.
final class FastPathTests: XCTestCase {
    /// Pieces of text that cover ASCII, CJK, emoji, combining marks, blanks and controls.
    private static let fragments = ["a", "word", " ", "  ", "\t", "\n", "é", "e\u{301}", "漢字", "。", "🎉", "👩‍👩‍👧", "\u{202E}",
                                    "\u{85}", "\u{1B}", "\u{7F}", "\r\n", "x y", "", "longer-than-fifteen-bytes", "─"]
    private static let styles: [TextStyle] = [.plain, .strong, .link, [.codeBlock, .keyword], .code]
    private static let links: [String?] = [nil, nil, "https://a.example", "https://b.example"]

    private func randomText(maxFragments: Int) -> String {
        (0..<Int.random(in: 0...maxFragments))
            .map { _ in Self.fragments.randomElement()! }.joined()
    }

    private func randomSpan() -> StyledSpan {
        StyledSpan(randomText(maxFragments: 4), Self.styles.randomElement()!,
                   link: Self.links.randomElement()!)
    }

    func testIsSafeAgreesWithTheScalarDefinition() {
        var samples = Self.fragments
        for value: UInt32 in [0x00, 0x08, 0x09, 0x0A, 0x0B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9B, 0x9F, 0xA0, 0xFF, 0x2029,
                              0x202A, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A, 0x2080, 0x20AC] {
            samples.append("ab" + String(Unicode.Scalar(value)!) + "cd")
        }
        for _ in 0..<3000 { samples.append(randomText(maxFragments: 6)) }
        for text in samples {
            XCTAssertEqual(VisibleText.isSafe(text), !text.unicodeScalars.contains(where: VisibleText.needsEscape), text.debugDescription)
        }
    }

    func testWordCountAgreesWithCountingScalars() {
        var samples = Self.fragments + ["## Heading", "- item | --- |", "日本語のテキスト", "naïve café 42", "١٢٣ x", "\u{3000}a\u{3000}b"]
        for _ in 0..<2000 { samples.append(randomText(maxFragments: 10)) }
        for text in samples {
            XCTAssertEqual(WordCount.count(text), Self.referenceWordCount(text), text.debugDescription)
        }
    }

    /// The scalar-by-scalar count `WordCount` used to be.
    private static func referenceWordCount(_ text: String) -> Int {
        var words = 0, inWord = false, wordHasContent = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let blank = scalar.isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : scalar.properties.isWhitespace
            if blank {
                if inWord, wordHasContent { words += 1 }
                inWord = false
                wordHasContent = false
                continue
            }
            switch value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
                if inWord, wordHasContent { words += 1 }
                words += 1
                inWord = false
                wordHasContent = false
                continue
            default: break
            }
            inWord = true
            if scalar.isASCII {
                if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { wordHasContent = true }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                wordHasContent = true
            }
        }
        if inWord, wordHasContent { words += 1 }
        return words
    }
}

/// The byte-range wrapper and the one-pass code-block layout against the versions they replaced.
final class LayoutFastPathTests: XCTestCase {
    private static let fragments = ["a", "word", " ", "  ", "\t", "\n", "é", "e\u{301}", "漢字", "漢字漢字漢字", "。", "」", "🎉",
                                    "👩‍👩‍👧", "\u{85}", "\u{A0}", "\r\n", "x y", "", "longer-than-fifteen-bytes", "─", "a\u{3000}b",
                                    "supercalifragilisticexpialidocious"]
    private static let styles: [TextStyle] = [.plain, .strong, .link, [.codeBlock, .keyword], .code]
    private static let links: [String?] = [nil, nil, "https://a.example"]

    private func randomSpans() -> [StyledSpan] {
        (0..<Int.random(in: 0...10)).map { _ in
            if Int.random(in: 0..<12) == 0 { return StyledSpan("\n") }
            let text = (0..<Int.random(in: 0...4)).map { _ in Self.fragments.randomElement()! }.joined()
            return StyledSpan(text, Self.styles.randomElement()!, link: Self.links.randomElement()!)
        }
    }

    func testWrapMatchesTheReference() {
        for _ in 0..<4000 {
            let spans = randomSpans()
            let width = Int.random(in: 1...40)
            let made = TextWrapper.wrap(spans, width: width)
            XCTAssertEqual(made, ReferenceWrapper.wrap(spans, width: width), "\(spans.map(\.text)) at \(width)")
            XCTAssertEqual(made.map(bytes), ReferenceWrapper.wrap(spans, width: width).map(bytes))
        }
    }

    func testANSIBytesMatchTheReference() {
        for _ in 0..<500 {
            let lines = (0..<Int.random(in: 0...5)).map { _ in
                StyledLine(randomSpans().map { StyledSpan($0.text, [.plain, .heading1, .quote, [.link, .strong], .escaped, .codeBlock].randomElement()!, link: $0.link) })
            }
            for theme in [Theme.dark, .light, .mono, .ascii] {
                for colors in [ANSIText.ColorDepth.none, .sixteen, .palette256] {
                    for hyperlinks in [false, true] {
                        // Written from the flat form the layout makes, which keeps no empty span (a laid-out
                        // line has none): the reference gets the same lines without them.
                        let made = ANSIText.bytes(FlatText(lines), theme: theme, colors: colors, hyperlinks: hyperlinks)
                        let nonEmpty = lines.map { StyledLine($0.spans.filter { !$0.text.isEmpty }) }
                        let expected = ReferenceANSIText.render(nonEmpty, theme: theme, colors: colors, hyperlinks: hyperlinks)
                        XCTAssertEqual(made, Array(expected.utf8))
                    }
                }
            }
        }
    }

    func testCodeBlocksMatchTheReference() {
        for _ in 0..<2000 {
            let code = (0..<Int.random(in: 0...4)).map { _ in randomSpans().filter { $0.text != "\n" } }
            let width = Int.random(in: 1...30)
            let language = [nil, "", "swift", "a-language-name-longer-than-the-width"].randomElement()!
            for glyphs in [Glyphs.unicode, .ascii] {
                var writer = FlatTextWriter()
                CodeBlockLayout.write(language: language, code: code, width: width, glyphs: glyphs, into: &writer)
                let made = writer.finish().styledLines
                let expected = ReferenceCodeBlockLayout.lines(language: language, code: code, width: width, glyphs: glyphs)
                XCTAssertEqual(made, expected, "\(code.map { $0.map(\.text) }) at \(width)")
                XCTAssertEqual(made.map(bytes), expected.map(bytes))
            }
        }
    }
}

/// A line's spans as bytes: `String`'s `==` treats canonically equivalent text as equal, and a
/// terminal receives bytes.
func bytes(_ line: StyledLine) -> [[UInt8]] {
    line.spans.flatMap { [Array($0.text.utf8), Array(($0.link ?? "").utf8), withUnsafeBytes(of: $0.style.rawValue) { Array($0) }] }
}

/// A post's file is kept only when it is not `realRoot/path` (a symlink followed, say); the check
/// compares bytes in place.
final class UsualPathTests: XCTestCase {
    func testOnlyTheRootSlashPathIsUsual() {
        XCTAssertTrue(PostStore.isUsualPath("/srv/blog/posts/a.md", of: "posts/a.md", in: "/srv/blog"))
        XCTAssertTrue(PostStore.isUsualPath("/srv/blog/é/ü.md", of: "é/ü.md", in: "/srv/blog"))
        XCTAssertFalse(PostStore.isUsualPath("/srv/blog/posts/b.md", of: "posts/a.md", in: "/srv/blog"))
        XCTAssertFalse(PostStore.isUsualPath("/srv/blox/posts/a.md", of: "posts/a.md", in: "/srv/blog"))
        XCTAssertFalse(PostStore.isUsualPath("/srv/blog-posts/a.md", of: "posts/a.md", in: "/srv/blog"), "no slash after the root")
        XCTAssertFalse(PostStore.isUsualPath("/srv/blog/posts/a.md", of: "posts/a.m", in: "/srv/blog"), "lengths differ")
        XCTAssertFalse(PostStore.isUsualPath("/other/posts/a.md", of: "posts/a.md", in: "/srv/blog"))
        XCTAssertTrue(PostStore.isUsualPath("//a.md", of: "a.md", in: "/"), "the root itself")
    }
}
