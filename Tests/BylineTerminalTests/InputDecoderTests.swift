import BylineCore
@preconcurrency import CNcursesw
import XCTest
@testable import BylineTerminal

/// What `wget_wch` hands over for keys and bracketed pastes, decoded without a terminal. ncurses knows
/// no key for the paste markers, so they come as Escape and five characters, as fed here.
final class InputDecoderTests: XCTestCase {
    private static let start = "\u{1B}[200~"
    private static let end = "\u{1B}[201~"


    func testAPasteIsOneKeyAndItsLettersAreNoCommands() {
        XCTAssertEqual(keys(Self.start + "qx" + Self.end), [.paste("qx")])
        XCTAssertEqual(keys("j" + Self.start + "hello world" + Self.end + "k"), [.character("j"), .paste("hello world"), .character("k")])
    }

    func testTwoPastesInARow() {
        XCTAssertEqual(keys(Self.start + "a" + Self.end + Self.start + "b" + Self.end), [.paste("a"), .paste("b")])
    }

    func testWideTextAndLineEndsArePastedControlsAreNot() {
        XCTAssertEqual(keys(Self.start + "日本🎉\tx\ry\nz" + Self.end), [.paste("日本🎉\tx\ry\nz")])
        XCTAssertEqual(keys(Self.start + "a\u{7}b\u{0}c\u{7F}d\u{85}e\u{1B}f" + Self.end), [.paste("abcdef")],
                       "BEL, NUL, DEL, C1 and a lone Escape are dropped")
        XCTAssertEqual(keys(Self.start + "\u{1B}[2J" + Self.end), [.paste("[2J")], "an escape sequence pasted: its Escape dropped")
        XCTAssertEqual(keys(Self.start + "\u{1B}[20" + Self.end), [.paste("[20")], "a near end marker is text")
        XCTAssertEqual(keys(Self.start + "\u{1B}[201" + Self.end), [.paste("[201")])
    }

    func testValuesThatAreNoScalarsAreDroppedFromAPaste() {
        var decoder = InputDecoder()
        _ = keys(Self.start + "a", into: &decoder)
        for value: UInt32 in [0xD800, 0xDFFF, 0x110000, UInt32.max] { decoder.feed(.character(value)) }
        XCTAssertEqual(keys("b" + Self.end, into: &decoder), [.paste("ab")])
    }

    func testAKeyCodeInsideAPasteIsNotText() {
        var decoder = InputDecoder()
        _ = keys(Self.start + "a", into: &decoder)
        decoder.feed(.keyCode(KEY_UP))
        decoder.feed(.keyCode(KEY_F0 + 1))
        XCTAssertNil(decoder.takeKey())
        XCTAssertEqual(keys("b" + Self.end, into: &decoder), [.paste("ab")])
    }

    func testAnEmptyPasteIsNoKey() {
        var decoder = InputDecoder()
        XCTAssertEqual(keys(Self.start + Self.end, into: &decoder), [])
        XCTAssertEqual(decoder.holding, .nothing)
        XCTAssertEqual(keys(Self.start + "\u{7}\u{1B}" + Self.end), [], "nothing but controls")
    }

    func testEscapeAloneIsStillTheEscapeKey() {
        var decoder = InputDecoder()
        XCTAssertEqual(keys("\u{1B}", into: &decoder), [], "held: it may start a paste")
        XCTAssertEqual(decoder.holding, .escape)
        decoder.pause()
        XCTAssertEqual(decoder.takeKey(), .escape)
        XCTAssertEqual(decoder.holding, .nothing)
        XCTAssertEqual(keys("\u{1B}", pause: true), [.escape])
    }

    func testWhatOnlyStartsLikeAMarkerIsTheKeysItWas() {
        XCTAssertEqual(keys("\u{1B}j"), [.escape, .character("j")])
        XCTAssertEqual(keys("\u{1B}[A"), [.escape, .character("["), .character("A")])
        XCTAssertEqual(keys("\u{1B}[20q"), [.escape, .character("["), .character("2"), .character("0"), .character("q")])
        XCTAssertEqual(keys("\u{1B}[2", pause: true), [.escape, .character("["), .character("2")])
        XCTAssertEqual(keys("\u{1B}\u{1B}", pause: true), [.escape, .escape])
        XCTAssertEqual(keys("\u{1B}" + Self.start + "x" + Self.end), [.escape, .paste("x")], "Escape, then a paste")
        var decoder = InputDecoder()
        _ = keys("\u{1B}[", into: &decoder)
        XCTAssertEqual(decoder.holding, .sequence)
        decoder.feed(.keyCode(KEY_DOWN))
        XCTAssertEqual([decoder.takeKey(), decoder.takeKey(), decoder.takeKey()], [.escape, .character("["), .down])
    }

    func testKeysOutsideAPasteDecodeAsBefore() {
        var decoder = InputDecoder()
        for value: UInt32 in [0x6A, 13, 9, 127, 3, 0x65E5, 0x1F389] { decoder.feed(.character(value)) }
        decoder.feed(.keyCode(KEY_NPAGE))
        decoder.feed(.keyCode(KEY_MOUSE))
        decoder.feed(.character(0x9B))
        var decoded: [Key] = []
        while let key = decoder.takeKey() { decoded.append(key) }
        XCTAssertEqual(decoded, [.character("j"), .enter, .tab, .backspace, .control("c"), .character("日"), .character("🎉"), .pageDown])
    }

    func testAStrayEndMarkerIsDropped() {
        XCTAssertEqual(keys("a" + Self.end + "b"), [.character("a"), .character("b")])
    }

    /// The text of the one paste in `keys` and the keys after it, so a failure does not print 64 KiB.
    private func split(_ keys: [Key]) -> (text: String?, after: [Key]) {
        guard case let .paste(text) = keys.first else { return (nil, keys) }
        return (text, Array(keys.dropFirst()))
    }

    func testAPasteIsCutAtItsByteLimitAndReadToItsEnd() {
        let limit = InputDecoder.maximumPasteBytes
        let (text, after) = split(keys(Self.start + String(repeating: "q", count: limit + 1000) + Self.end + "j"))
        XCTAssertEqual(text?.utf8.count, limit)
        XCTAssertEqual(text?.allSatisfy { $0 == "q" }, true)
        XCTAssertEqual(after, [.character("j")], "the rest read and dropped; the key after the paste is a key")
        // Cut at the first character that does not fit: no hole, nothing after it.
        let (cut, _) = split(keys(Self.start + String(repeating: "a", count: limit - 2) + "日x" + Self.end))
        XCTAssertEqual(cut?.utf8.count, limit - 2)
        XCTAssertEqual(cut?.last, "a")
    }

    func testAPasteWithoutItsEndEndsAfterItsLengthLimit() {
        var decoder = InputDecoder()
        _ = keys(Self.start, into: &decoder)
        for _ in 0..<InputDecoder.maximumPasteLength { decoder.feed(.character(0x71)) }
        XCTAssertEqual(decoder.holding, .paste, "still in the paste at its length")
        XCTAssertNil(decoder.takeKey())
        let (text, after) = split(keys("qx", into: &decoder))
        XCTAssertEqual(text?.utf8.count, InputDecoder.maximumPasteBytes)
        XCTAssertEqual(after, [.character("q"), .character("x")], "past the limit the paste ends and keys are keys again")
        XCTAssertEqual(decoder.holding, .nothing)
    }

    func testAPasteWithoutItsEndEndsAtSilence() {
        var decoder = InputDecoder()
        XCTAssertEqual(keys(Self.start + "abc", into: &decoder), [])
        XCTAssertEqual(decoder.holding, .paste)
        decoder.pause()
        XCTAssertEqual(decoder.takeKey(), .paste("abc"))
        XCTAssertEqual(keys("q", into: &decoder), [.character("q")])
        // The end marker cut short by the silence: its Escape dropped, the rest text.
        XCTAssertEqual(keys(Self.start + "abc\u{1B}[20", pause: true), [.paste("abc[20")])
    }

    func testWhatTheDecoderHoldsDecidesTheWait() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.holding, .nothing)
        let steps: [(String, InputDecoder.Holding)] = [("\u{1B}", .escape), ("[", .sequence), ("2", .sequence), ("0", .sequence),
                                                       ("0", .sequence), ("~", .paste), ("a", .paste), ("\u{1B}", .paste)]
        for (text, holding) in steps {
            _ = keys(text, into: &decoder)
            XCTAssertEqual(decoder.holding, holding, "after \(text.debugDescription)")
        }
        XCTAssertEqual(keys("[201~", into: &decoder), [.paste("a")])
        XCTAssertEqual(decoder.holding, .nothing)
    }
}
