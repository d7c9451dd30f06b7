import Foundation
@testable import BylineCore
import XCTest

/// The one set of rules for URLs written inside terminal control strings (OSC 8 from `show` and the
/// reader, OSC 52 copies): a table of hostile URLs, none of which reaches the terminal raw.
final class TerminalURLTests: XCTestCase {
    /// URLs a hostile post can hold, with what must not survive of each.
    static let hostile: [(url: String, why: String)] = [
        ("https://x.example/\u{1B}]8;;https://evil.example\u{1B}\\", "ESC ends the OSC and opens another"),
        ("https://x.example/\u{7}\u{1B}[2J", "BEL ends an OSC in xterm; ESC [ 2 J clears the screen"),
        ("https://x.example/\u{9B}31m\u{9D}0;title\u{9C}", "C1 CSI, OSC and ST (U+009B, U+009D, U+009C)"),
        ("https://x.example/\u{7F}del", "DEL"),
        ("https://x.example/a\nb\rc\td", "newline, carriage return, tab"),
        ("https://x.example/a b", "a space"),
        ("https://x.example/$<500>/pad", "terminfo padding `$<500>` (tputs would sleep, and eat it)"),
        ("https://x.example/\u{202E}gpj.exe", "a bidi override"),
        ("https://x.example/\"<>\\^`{|}", "characters RFC 3986 keeps out of URIs"),
    ]

    func testHostileURLsAreWrittenWithNoControlAndNoPadding() throws {
        for (url, why) in Self.hostile {
            let target = try XCTUnwrap(TerminalURL.safe(url), why)
            XCTAssertTrue(target.utf8.allSatisfy { (0x21...0x7E).contains($0) }, "\(why): \(target)")
            XCTAssertFalse(target.contains("$<"), why)
            let open = try XCTUnwrap(TerminalURL.openHyperlink(url), why)
            XCTAssertEqual(Array(open.prefix(4)), Array("\u{1B}]8;".utf8))
            XCTAssertEqual(open.filter { $0 == 0x1B }.count, 2, "\(why): only the OSC's own ESCs")
            XCTAssertFalse(open.contains(0x07), why)
            // What ANSIText (`show`) writes is the same bytes: one set of rules.
            XCTAssertEqual(ANSIText.openLink(url), open, why)
        }
        XCTAssertEqual(TerminalURL.safe("https://x.example/a b"), "https://x.example/a%20b")
        XCTAssertEqual(TerminalURL.safe("https://x.example/\u{1B}"), "https://x.example/%1B")
        XCTAssertEqual(TerminalURL.safe("https://x.example/\u{9B}"), "https://x.example/%C2%9B")
        XCTAssertEqual(TerminalURL.safe("https://x.example/$<5>"), "https://x.example/$%3C5%3E")
        XCTAssertEqual(TerminalURL.safe("https://example.com/a?b=c&d=%20#e"), "https://example.com/a?b=c&d=%20#e", "a plain URL is kept")
    }

    func testVeryLongURLsAreNoLinks() {
        XCTAssertNil(TerminalURL.safe("https://x.example/" + String(repeating: "a", count: 20_000)))
        XCTAssertNil(TerminalURL.openHyperlink(String(repeating: " ", count: TerminalURL.maximumBytes / 3 + 1)), "too long once encoded")
        XCTAssertNotNil(TerminalURL.safe(String(repeating: "a", count: TerminalURL.maximumBytes)))
    }

    func testBase64() {
        XCTAssertEqual(String(decoding: Base64.encode(Array("".utf8)), as: UTF8.self), "")
        XCTAssertEqual(String(decoding: Base64.encode(Array("f".utf8)), as: UTF8.self), "Zg==")
        XCTAssertEqual(String(decoding: Base64.encode(Array("fo".utf8)), as: UTF8.self), "Zm8=")
        XCTAssertEqual(String(decoding: Base64.encode(Array("foo".utf8)), as: UTF8.self), "Zm9v")
        XCTAssertEqual(String(decoding: Base64.encode(Array("foobar".utf8)), as: UTF8.self), "Zm9vYmFy")
        XCTAssertEqual(String(decoding: Base64.encode([0xFF, 0xFE, 0x00]), as: UTF8.self), "//4A")
    }

    /// The decoded payload of an OSC 52 sequence, checking its frame.
    private func payload(_ sequence: [UInt8]) throws -> String {
        let head = Array("\u{1B}]52;c;".utf8), tail = Array("\u{1B}\\".utf8)
        XCTAssertEqual(Array(sequence.prefix(head.count)), head)
        XCTAssertEqual(Array(sequence.suffix(tail.count)), tail)
        let body = sequence.dropFirst(head.count).dropLast(tail.count)
        XCTAssertTrue(body.allSatisfy { (0x2B...0x7A).contains($0) }, "base64 only between the frame")
        let data = try XCTUnwrap(Data(base64Encoded: Data(body)))
        return String(decoding: data, as: UTF8.self)
    }

    func testOSC52CarriesTheTextSanitised() throws {
        XCTAssertEqual(try payload(try XCTUnwrap(ClipboardText.sequence(for: "https://example.com/post"))), "https://example.com/post")
        XCTAssertEqual(try payload(try XCTUnwrap(ClipboardText.sequence(for: "日本 🎉"))), "日本 🎉")
        for (url, why) in Self.hostile {
            let copied = try payload(try XCTUnwrap(ClipboardText.sequence(for: url), why))
            XCTAssertFalse(copied.unicodeScalars.contains { VisibleText.needsEscape($0) || $0 == "\n" || $0 == "\t" }, "\(why): \(copied.debugDescription)")
            XCTAssertFalse(copied.contains("$<"), why)
        }
        // Text that is no URL keeps its words; its controls are shown, never pasted raw.
        let text = try payload(try XCTUnwrap(ClipboardText.sequence(for: "a\u{1B}[201~b\nc")))
        XCTAssertEqual(text, "a␛[201~b␊c")
    }

    func testOSC52IsBounded() {
        XCTAssertNil(ClipboardText.sequence(for: ""), "nothing to copy")
        XCTAssertNil(ClipboardText.sequence(for: String(repeating: "a", count: ClipboardText.maximumBytes + 1)), "too long: not cut, not copied")
        let longest = ClipboardText.sequence(for: String(repeating: "a", count: ClipboardText.maximumBytes))
        XCTAssertEqual(longest?.count, 7 + (ClipboardText.maximumBytes + 2) / 3 * 4 + 2)
    }
}
