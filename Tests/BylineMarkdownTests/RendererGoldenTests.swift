import BylineCore
import BylineMarkdown
import BylineTestSupport
import XCTest

/// Every fixture at widths 40 and 80, as plain text and as ANSI in the dark theme, against goldens.
final class RendererGoldenTests: XCTestCase {
    let golden = Golden()

    func testGoldens() throws {
        for name in MarkdownFixtures.names {
            let document = MarkdownDocument.parse(try MarkdownFixtures.text(name))
            for width in [40, 80] {
                let lines = DocumentLayout.lines(for: document, width: width)
                golden.assert(PlainText.render(lines), named: "\(name).w\(width).txt")
                golden.assert(Golden.visible(ANSIText.render(lines, theme: .dark, colors: .palette256)),
                              named: "\(name).w\(width).ansi")
                for line in lines {
                    XCTAssertLessThanOrEqual(line.width, width, "\(name) at \(width): \(line.text)")
                }
            }
        }
    }

    func testASCIIThemeGolden() throws {
        let document = MarkdownDocument.parse(try MarkdownFixtures.text("mixed"))
        let lines = DocumentLayout.lines(for: document, width: 60, glyphs: Theme.ascii.glyphs)
        let text = PlainText.render(lines)
        golden.assert(text, named: "mixed.ascii.w60.txt")
        XCTAssertTrue(text.unicodeScalars.allSatisfy { $0.isASCII || !"─│┌┐└┘├┤┬┴┼•☐☑↪═".unicodeScalars.contains($0) })
    }
}
