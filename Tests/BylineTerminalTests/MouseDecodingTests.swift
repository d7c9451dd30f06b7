import BylineCore
@preconcurrency import CNcursesw
import XCTest
@testable import BylineTerminal

/// SGR mouse reports (`ESC [ < b ; x ; y M` or `m`) decoded into `Key.mouse`, as `wget_wch` hands them
/// over: all as characters (tmux-256color, whose `kmous` is `\E[M`), or `KEY_MOUSE` for `ESC [ <`
/// and the rest as characters (xterm-256color, `kmous=\E[<`; seen with ncurses 6.4). Bounded and
/// never turned into command keys when broken.
final class MouseDecodingTests: XCTestCase {

    private func mouse(_ kind: MouseEvent.Kind, row: Int, column: Int) -> Key { .mouse(MouseEvent(kind, row: row, column: column)) }

    func testPressesReleasesAndTheWheel() {
        XCTAssertEqual(keys("\u{1B}[<0;10;5M"), [mouse(.press(button: 0), row: 4, column: 9)], "1-based in, 0-based out")
        XCTAssertEqual(keys("\u{1B}[<1;1;1M"), [mouse(.press(button: 1), row: 0, column: 0)])
        XCTAssertEqual(keys("\u{1B}[<2;80;24M"), [mouse(.press(button: 2), row: 23, column: 79)])
        XCTAssertEqual(keys("\u{1B}[<0;10;5m"), [mouse(.release, row: 4, column: 9)])
        XCTAssertEqual(keys("\u{1B}[<64;3;4M"), [mouse(.wheelUp, row: 3, column: 2)])
        XCTAssertEqual(keys("\u{1B}[<65;3;4M"), [mouse(.wheelDown, row: 3, column: 2)])
        XCTAssertEqual(keys("\u{1B}[<0;300;200M"), [mouse(.press(button: 0), row: 199, column: 299)], "past column 223, where X10 stops")
    }

    func testModifiersAreIgnoredMotionAndOtherButtonsDropped() {
        XCTAssertEqual(keys("\u{1B}[<4;2;2M\u{1B}[<8;2;2M\u{1B}[<16;2;2M"), Array(repeating: mouse(.press(button: 0), row: 1, column: 1), count: 3))
        XCTAssertEqual(keys("\u{1B}[<80;2;2M"), [mouse(.wheelUp, row: 1, column: 1)], "Ctrl and the wheel")
        XCTAssertEqual(keys("\u{1B}[<32;2;2M\u{1B}[<35;2;2M"), [], "motion (1002/1003) is not used")
        XCTAssertEqual(keys("\u{1B}[<66;2;2M\u{1B}[<67;2;2M"), [], "the wheel sideways")
        XCTAssertEqual(keys("\u{1B}[<128;2;2M\u{1B}[<3;2;2M"), [], "buttons 8 and up; 3 is no press")
        XCTAssertEqual(keys("\u{1B}[<64;2;2m"), [], "a wheel's release")
        XCTAssertEqual(keys("\u{1B}[<0;0;5M\u{1B}[<0;5;0M"), [], "a zero coordinate is no cell")
    }

    func testKeysAroundReportsAreKeys() {
        XCTAssertEqual(keys("j\u{1B}[<0;1;1Mk\u{1B}[<0;1;1mq"),
                       [.character("j"), mouse(.press(button: 0), row: 0, column: 0), .character("k"), mouse(.release, row: 0, column: 0), .character("q")])
        XCTAssertEqual(keys("\u{1B}[200~a\u{1B}[201~\u{1B}[<0;2;3M"), [.paste("a"), mouse(.press(button: 0), row: 2, column: 1)])
        XCTAssertEqual(keys("\u{1B}", pause: true), [.escape], "a lone Escape is still Escape")
        XCTAssertEqual(keys("\u{1B}[", pause: true), [.escape, .character("[")], "a near paste marker is still its keys")
    }

    func testNcursesMouseKeyStartsAReport() {
        var decoder = InputDecoder()
        decoder.feed(.keyCode(KEY_MOUSE))
        XCTAssertEqual(decoder.holding, .sequence, "the rest of the report comes within the escape delay")
        XCTAssertEqual(keys("0;10;5M", into: &decoder), [mouse(.press(button: 0), row: 4, column: 9)])
        decoder.feed(.keyCode(KEY_MOUSE))
        XCTAssertEqual(keys("64;3;4Mj", into: &decoder), [mouse(.wheelUp, row: 3, column: 2), .character("j")])
    }

    func testAnX10ReportIsDroppedWholeNotTyped() {
        var decoder = InputDecoder()
        decoder.mouseKeyIsX10 = true
        decoder.feed(.keyCode(KEY_MOUSE))
        // Button 0 at column 'q' - 32, row 'x' - 32: its bytes must not quit or exclude a tag.
        XCTAssertEqual(keys(" qxj", into: &decoder), [.character("j")])
    }

    /// Garbage, a report that never ends, and huge numbers: no key, no event, nothing held for ever,
    /// and never the report's letters as commands (an `M` or `m` inside, a `q` after, stays what it is).
    func testBrokenReportsAreDroppedAndBounded() {
        XCTAssertEqual(keys("\u{1B}[<0;10M"), [], "two numbers: dropped")
        XCTAssertEqual(keys("\u{1B}[<0;1;2;3M"), [], "four numbers: dropped")
        XCTAssertEqual(keys("\u{1B}[<;1;2M"), [], "an empty number")
        XCTAssertEqual(keys("\u{1B}[<0;1;2q"), [.character("q")], "a letter that ends nothing is the key it is, the report dropped")
        XCTAssertEqual(keys("\u{1B}[<999999999999999999;1;1Mj"), [.character("j")], "a number too big: the report dropped whole")
        XCTAssertEqual(keys("\u{1B}[<0;65535;65535M"), [mouse(.press(button: 0), row: 65534, column: 65534)], "the largest taken")
        XCTAssertEqual(keys("\u{1B}[<0;65536;1M"), [])

        var decoder = InputDecoder()
        XCTAssertEqual(keys("\u{1B}[<" + String(repeating: "1;", count: 1), into: &decoder), [])
        XCTAssertEqual(decoder.holding, .sequence)
        decoder.pause()
        XCTAssertEqual(decoder.holding, .nothing, "a report cut short by silence is dropped")
        XCTAssertNil(decoder.takeKey())

        // A stream of digits that never ends: given up after `MouseReport.maximumLength` values.
        var endless = InputDecoder()
        let flood = keys("\u{1B}[<" + String(repeating: "0", count: 10_000), into: &endless)
        XCTAssertEqual(Set(flood), [.character("0")], "past the bound the digits are keys again, nothing more")
        XCTAssertGreaterThan(flood.count, 10_000 - 2 * MouseReport.maximumLength)

        // A key code inside a report ends it; the key is the key.
        var interrupted = InputDecoder()
        _ = keys("\u{1B}[<0;1", into: &interrupted)
        interrupted.feed(.keyCode(KEY_UP))
        XCTAssertEqual(interrupted.takeKey(), .up)
        XCTAssertEqual(interrupted.holding, .nothing)
    }

    /// The set-up and the end write paste's and the mouse's modes in one write each: the joined strings
    /// are exactly the two.
    func testTheJoinedModeStringsAreBothModes() {
        func text(_ string: StaticString) -> String { String(decoding: UnsafeRawBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount), as: UTF8.self) }
        XCTAssertEqual(text(MouseReporting.onWithPaste), text(BracketedPaste.on) + text(MouseReporting.on))
        XCTAssertEqual(text(MouseReporting.offWithPaste), text(BracketedPaste.off) + text(MouseReporting.off))
    }
}
