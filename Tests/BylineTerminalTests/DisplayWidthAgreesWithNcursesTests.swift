import BylineCore
@preconcurrency import CNcursesw
import XCTest
@testable import BylineTerminal

/// `DisplayWidth` (pure, in BylineCore) must lay text out exactly as ncurses will draw it, and ncurses
/// uses glibc's `wcwidth`. This compares the two over every printable code point.
final class DisplayWidthAgreesWithNcursesTests: XCTestCase {
    func testEveryCodePointAgreesWithWcwidth() throws {
        let codeset = TerminalLocale.ensureUTF8()
        try XCTSkipUnless(codeset == "UTF-8", "no UTF-8 locale on this machine (codeset \(codeset))")
        var disagreements: [String] = []
        for value in UInt32(0x20)...0x3FFFF {
            guard let scalar = Unicode.Scalar(value), value != 0x7F, !(0x80...0x9F).contains(value) else { continue }
            let system = Int(wcwidth(wchar_t(bitPattern: value)))
            guard system >= 0 else { continue }  // unassigned in glibc: ncurses draws a replacement
            let ours = DisplayWidth.of(scalar)
            if ours != system, disagreements.count < 40 {
                disagreements.append("U+\(String(value, radix: 16, uppercase: true)) ours \(ours) wcwidth \(system)")
            }
        }
        XCTAssertEqual(disagreements, [])
    }

    func testLayoutCasesFromTheNotes() {
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("🎉✅"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "a combining accent takes no column")
        XCTAssertEqual(DisplayWidth.of("❤"), 1)
        XCTAssertEqual(DisplayWidth.of("❤\u{FE0F}"), 1, "ncurses lays out VS16 as 0")
        XCTAssertEqual(DisplayWidth.of("👨\u{200D}👩\u{200D}👧"), 6, "a ZWJ family is the sum of its parts")
    }
}
