import BylineCore
@preconcurrency import CNcursesw
import XCTest
@testable import BylineTerminal

/// Every value `wget_wch` can hand over, decoded without a terminal.
final class KeyDecoderTests: XCTestCase {
    private func character(_ value: UInt32) -> Key? { KeyDecoder.decode(value, isFunctionKey: false) }
    private func code(_ value: Int32) -> Key? { KeyDecoder.decode(UInt32(value), isFunctionKey: true) }

    func testPrintableASCII() {
        XCTAssertEqual(character(0x6A), .character("j"))
        XCTAssertEqual(character(0x20), .character(" "))
        XCTAssertEqual(character(0x2F), .character("/"))
        XCTAssertEqual(character(0x7E), .character("~"))
    }

    func testWideAndAccentedCharacters() {
        XCTAssertEqual(character(0x65E5), .character("日"))
        XCTAssertEqual(character(0x672C), .character("本"))
        XCTAssertEqual(character(0xE9), .character("é"))
        XCTAssertEqual(character(0x1F389), .character("🎉"))
        XCTAssertEqual(character(0xA0), .character("\u{A0}"), "no-break space is printable")
    }

    func testControlLetters() {
        XCTAssertEqual(character(1), .control("a"))
        XCTAssertEqual(character(3), .control("c"), "raw mode: Ctrl-C is a key")
        XCTAssertEqual(character(4), .control("d"))
        XCTAssertEqual(character(12), .control("l"))
        XCTAssertEqual(character(21), .control("u"))
        XCTAssertEqual(character(26), .control("z"))
        let letters = (1...26).filter { ![8, 9, 10, 13].contains($0) }
        for value in letters {
            let letter = Character(Unicode.Scalar(UInt8(0x60 + value)))
            XCTAssertEqual(character(UInt32(value)), .control(letter), "byte \(value)")
        }
    }

    func testControlsWithTheirOwnKeys() {
        XCTAssertEqual(character(9), .tab)
        XCTAssertEqual(character(13), .enter)
        XCTAssertEqual(character(10), .enter)
        XCTAssertEqual(character(27), .escape)
        XCTAssertEqual(character(127), .backspace)
        XCTAssertEqual(character(8), .backspace, "Ctrl-H is Backspace on many terminals")
    }

    func testControlsWithNothingToBindAreIgnored() {
        for value: UInt32 in [0, 28, 29, 30, 31] { XCTAssertNil(character(value), "byte \(value)") }
        for value: UInt32 in 0x80...0x9F { XCTAssertNil(character(value), "C1 \(value)") }
    }

    func testInvalidScalarsAreIgnored() {
        XCTAssertNil(character(0xD800), "a lone surrogate")
        XCTAssertNil(character(0x110000), "beyond Unicode")
        XCTAssertNil(character(UInt32.max))
    }

    func testArrowsAndPaging() {
        XCTAssertEqual(code(KEY_UP), .up)
        XCTAssertEqual(code(KEY_DOWN), .down)
        XCTAssertEqual(code(KEY_LEFT), .left)
        XCTAssertEqual(code(KEY_RIGHT), .right)
        XCTAssertEqual(code(KEY_PPAGE), .pageUp)
        XCTAssertEqual(code(KEY_NPAGE), .pageDown)
        XCTAssertEqual(code(KEY_HOME), .home)
        XCTAssertEqual(code(KEY_END), .end)
    }

    func testKeypadCorners() {
        XCTAssertEqual(code(KEY_A1), .home)
        XCTAssertEqual(code(KEY_A3), .pageUp)
        XCTAssertEqual(code(KEY_C1), .end)
        XCTAssertEqual(code(KEY_C3), .pageDown)
        XCTAssertNil(code(KEY_B2), "the keypad's centre does nothing")
    }

    func testEditingKeys() {
        XCTAssertEqual(code(KEY_BTAB), .backTab)
        XCTAssertEqual(code(KEY_DC), .delete)
        XCTAssertEqual(code(KEY_BACKSPACE), .backspace)
        XCTAssertEqual(code(KEY_ENTER), .enter)
    }

    func testFunctionKeys() {
        for number in 1...12 { XCTAssertEqual(code(KEY_F0 + Int32(number)), .function(number)) }
        XCTAssertEqual(code(byline_key_f(5)), .function(5), "agrees with ncurses' KEY_F(n)")
        XCTAssertNil(code(KEY_F0), "F0 does not exist on keyboards")
        XCTAssertNil(code(KEY_F0 + 13), "shifted F-keys are not promised by Key")
        XCTAssertNil(code(KEY_F0 + 63))
    }

    func testUnknownKeyCodesAreIgnored() {
        XCTAssertNil(code(KEY_MOUSE))
        XCTAssertNil(code(KEY_RESIZE), "the terminal reports resizes itself")
        XCTAssertNil(code(KEY_SLEFT))
        XCTAssertNil(code(KEY_MAX))
        XCTAssertNil(code(0))
        XCTAssertNil(KeyDecoder.decode(UInt32.max, isFunctionKey: true))
        XCTAssertNil(KeyDecoder.decode(0x1F389, isFunctionKey: true))
    }

    func testACharacterIsNeverTakenForAKeyCodeWithTheSameNumber() {
        // KEY_UP is 0403; as a character that number is U+0103, ă.
        XCTAssertEqual(character(UInt32(KEY_UP)), .character("ă"))
        XCTAssertEqual(character(UInt32(KEY_F0 + 1)), .character("\u{109}"))
    }
}
