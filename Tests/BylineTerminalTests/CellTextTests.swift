import XCTest
@testable import BylineTerminal

/// The characters handed to `setcchar`: one spacing character, up to four zero-width ones, nothing raw.
final class CellTextTests: XCTestCase {
    private func text(_ string: String) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: CellText.scalars(of: string))
        return String(result)
    }

    func testOrdinaryCells() {
        XCTAssertEqual(text("a"), "a")
        XCTAssertEqual(text("日"), "日")
        XCTAssertEqual(text("🎉"), "🎉")
        XCTAssertEqual(text(" "), " ")
    }

    func testZeroWidthCharactersStayWithTheirCell() {
        XCTAssertEqual(text("e\u{301}"), "e\u{301}")
        XCTAssertEqual(text("❤\u{FE0F}"), "❤\u{FE0F}")
        XCTAssertEqual(text("👨\u{200D}"), "👨\u{200D}")
    }

    func testTheAllocationFreePathHandsOverTheSameCharacters() {
        for text in ["a", " ", "~", "", "日", "🎉", "e\u{301}", "\u{7F}", "\u{1B}", "\u{9B}", "\u{301}", "ab", "❤\u{FE0F}",
                     "a" + String(repeating: "\u{301}", count: 7)] {
            let expected = CellText.wideCharacters(of: text)
            let handed = CellText.withWideCharacters(of: text) { pointer in
                Array(UnsafeBufferPointer(start: pointer, count: expected.count))
            }
            XCTAssertEqual(handed, expected, "\(text.unicodeScalars.map { $0.value })")
        }
    }

    func testAtMostFiveCharacters() {
        let marks = "a" + String(repeating: "\u{301}", count: 7)
        XCTAssertEqual(CellText.scalars(of: marks).count, 5)
        XCTAssertEqual(CellText.wideCharacters(of: marks).count, 6, "plus the terminating 0")
    }

    func testEmptyTextIsASpace() {
        XCTAssertEqual(text(""), " ")
    }

    func testALeadingZeroWidthCharacterGetsASpaceToCarryIt() {
        XCTAssertEqual(text("\u{301}"), " \u{301}")
    }

    func testControlsBecomeTheReplacementCharacter() {
        XCTAssertEqual(text("\u{1B}"), "\u{FFFD}")
        XCTAssertEqual(text("\u{7}"), "\u{FFFD}")
        XCTAssertEqual(text("\u{0}"), "\u{FFFD}")
        XCTAssertEqual(text("\u{7F}"), "\u{FFFD}")
        XCTAssertEqual(text("\u{85}"), "\u{FFFD}")
        XCTAssertEqual(text("\u{9B}"), "\u{FFFD}", "CSI as one C1 byte")
    }

    func testControlsAfterTheFirstCharacterAreDropped() {
        XCTAssertEqual(text("d\u{1B}"), "d")
        XCTAssertEqual(text("e\u{9B}\u{301}"), "e\u{301}")
    }

    func testASecondSpacingCharacterIsDropped() {
        XCTAssertEqual(text("ab"), "a", "a cell is one column; the layout never puts two characters in one")
    }

    func testWideCharactersAreWcharValuesWithATerminator() {
        XCTAssertEqual(CellText.wideCharacters(of: "日"), [0x65E5, 0])
        XCTAssertEqual(CellText.wideCharacters(of: "é"), [0xE9, 0])
        XCTAssertEqual(CellText.wideCharacters(of: "🎉"), [0x1F389, 0])
    }

    func testEveryScalarSentIsSafe() {
        for value in UInt32(0)...0xFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for sent in CellText.scalars(of: "x" + String(scalar)) + CellText.scalars(of: String(scalar)) {
                XCTAssertFalse(CellText.isUnsafe(sent), "U+\(String(value, radix: 16)) went through")
            }
        }
    }
}
