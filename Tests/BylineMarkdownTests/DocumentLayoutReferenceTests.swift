@testable import BylineCore
import BylineMarkdown
import XCTest

/// `DocumentLayout`, the one layout engine, against `ReferenceDocumentLayout`, the same rules written
/// the other way (each container prefixing its laid-out body): the same lines for every fixture and for
/// random documents at widths 10 to 200, whether laid out whole (`byline show`) or a block at a time
/// (the reader and the preview), and the same bytes through every sink. Lines are compared with
/// neighbouring spans of one look merged (the flat form always merges them; no sink can tell the
/// difference, which the byte comparisons check).
final class DocumentLayoutReferenceTests: XCTestCase {
    static let prefix = [StyledLine("A title", [.title, .heading2]), StyledLine("2026-01-01", .meta), StyledLine()]

    func testFixturesLayOutAsTheReferenceDoes() throws {
        for name in MarkdownFixtures.names {
            let document = MarkdownDocument.parse(try MarkdownFixtures.text(name))
            for width in [10, 11, 13, 17, 20, 24, 31, 40, 57, 80, 97, 120, 160, 200] {
                for glyphs in [Glyphs.unicode, .ascii] {
                    assertSame(document, width: width, glyphs: glyphs, "\(name) at \(width)")
                }
            }
        }
    }

    func testRandomDocumentsLayOutAsTheReferenceDoes() {
        var random = SeededRandom(seed: 0xF1A7)
        for round in 0..<400 {
            let markdown = RandomMarkdown.document(&random)
            let width = random.int(in: 10...200)
            let glyphs = random.int(in: 0...3) == 0 ? Glyphs.ascii : .unicode
            if !assertSame(MarkdownDocument.parse(markdown), width: width, glyphs: glyphs, "round \(round), width \(width)\n--- markdown:\n\(markdown)") {
                return
            }
        }
    }

    /// Containers in containers, with blocks that lay out to nothing between them: where the prefixes
    /// and the blank lines between blocks are decided.
    func testNestedContainersAndEmptyBlocks() {
        let markdown = """
        > - a
        >
        >   ```
        >   ```
        > - > quoted in a list
        >   >
        >   > 1. one
        >   >
        >   >    two
        > -
        > - [ ] task

        - ```
          ```
        - | a |
          |---|
        -

          para after empty

        > > > > > > > > > > deep quote narrow

        Text[^1] and [a link](http://example.org) twice [again](http://example.org).

        [^1]: > a note that is a quote
        """
        let document = MarkdownDocument.parse(markdown)
        for width in 1...60 {
            for glyphs in [Glyphs.unicode, .ascii] { assertSame(document, width: width, glyphs: glyphs, "width \(width)") }
        }
    }

    func testStyledLinesRoundTripThroughFlatForm() {
        let lines = [StyledLine("a", .strong), StyledLine(), StyledLine([StyledSpan("x", .link, link: "u"), StyledSpan("y", .link, link: "v")])]
        XCTAssertEqual(FlatText(lines).styledLines, lines)
        XCTAssertEqual(FlatText([]).lineCount, 0)
    }

    @discardableResult
    private func assertSame(_ document: Document, width: Int, glyphs: Glyphs, _ context: @autoclosure () -> String) -> Bool {
        let old = Self.prefix + ReferenceDocumentLayout.lines(for: document, width: width, glyphs: glyphs)
        let flat = DocumentLayout.text(for: document, width: width, glyphs: glyphs, prefix: Self.prefix)
        // A block at a time, as the reader and the preview lay a post out: the same lines again.
        var growing = DocumentLayout.Progressive(document, width: width, glyphs: glyphs, prefix: Self.prefix)
        while !growing.isComplete { growing.extend(toAtLeast: growing.lines.count + 1) }
        guard Self.merged(growing.lines) == Self.merged(flat.styledLines) else {
            XCTFail("\(context()): laid out a block at a time, the lines differ")
            return false
        }
        // In parts, as `byline show` writes it: the same bytes.
        var parts: [UInt8] = []
        DocumentLayout.write(document, width: width, glyphs: glyphs, prefix: Self.prefix, partBytes: 64) { part in
            ANSIText.write(part, theme: .dark, colors: .palette256, hyperlinks: true) { parts.append(contentsOf: $0) }
        }
        guard parts == ANSIText.bytes(flat, theme: .dark, colors: .palette256, hyperlinks: true) else {
            XCTFail("\(context()): written in parts, the bytes differ")
            return false
        }
        guard Self.merged(flat.styledLines) == Self.merged(old) else {
            let got = flat.styledLines
            let pairs = Array(zip(Self.merged(got), Self.merged(old)))
            let index = pairs.firstIndex { $0.0 != $0.1 } ?? min(got.count, old.count)
            XCTFail("\(context()): lines differ at \(index) (flat \(got.count) lines, old \(old.count)):\nflat: \(index < got.count ? String(describing: got[index]) : "-")\nold:  \(index < old.count ? String(describing: old[index]) : "-")")
            return false
        }
        for colors in [ANSIText.ColorDepth.none, .sixteen, .palette256] {
            for hyperlinks in [false, true] {
                guard ANSIText.bytes(flat, theme: .dark, colors: colors, hyperlinks: hyperlinks)
                    == Array(ANSIText.render(old, theme: .dark, colors: colors, hyperlinks: hyperlinks).utf8) else {
                    XCTFail("\(context()): ANSI bytes differ (\(colors), hyperlinks \(hyperlinks))")
                    return false
                }
            }
        }
        var chunked: [UInt8] = []
        ANSIText.write(flat, theme: .light, colors: .palette256, hyperlinks: true, chunkSize: 7) { chunked.append(contentsOf: $0) }
        guard chunked == Array(ANSIText.render(old, theme: .light, colors: .palette256, hyperlinks: true).utf8) else {
            XCTFail("\(context()): ANSI bytes written in chunks differ")
            return false
        }
        guard PlainText.bytes(flat) == Array(PlainText.render(old).utf8) else {
            XCTFail("\(context()): plain bytes differ")
            return false
        }
        return true
    }

    /// Lines with empty spans dropped and neighbouring spans of one look joined.
    static func merged(_ lines: [StyledLine]) -> [StyledLine] {
        lines.map { line in
            var merged = StyledLine()
            for span in line.spans { merged.append(span) }
            return merged
        }
    }
}
