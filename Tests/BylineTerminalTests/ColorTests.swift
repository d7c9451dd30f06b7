import BylineCore
import XCTest
@testable import BylineTerminal

/// Colour modes, pair allocation and the look of styles at 256, 16, 8 and no colours.
final class ColorModeTests: XCTestCase {
    func testModeFromWhatNcursesReports() {
        XCTAssertEqual(ColorMode(hasColors: false, colors: 256), .none)
        XCTAssertEqual(ColorMode(hasColors: true, colors: 0), .none)
        XCTAssertEqual(ColorMode(hasColors: true, colors: 8), .eight)
        XCTAssertEqual(ColorMode(hasColors: true, colors: 16), .sixteen)
        XCTAssertEqual(ColorMode(hasColors: true, colors: 88), .sixteen)
        XCTAssertEqual(ColorMode(hasColors: true, colors: 256), .palette256)
        XCTAssertEqual(ColorMode(hasColors: true, colors: 0x1000000), .direct)
    }

    func testColorCount() {
        XCTAssertEqual([ColorMode.none, .eight, .sixteen, .palette256, .direct].map(\.colorCount), [0, 8, 16, 256, 256])
    }

    func testColorNumbers() {
        let orange = TerminalColor(215, basic: 11)
        XCTAssertEqual(ColorMode.palette256.number(for: orange), 215)
        XCTAssertEqual(ColorMode.sixteen.number(for: orange), 11)
        XCTAssertEqual(ColorMode.eight.number(for: orange), 3, "bright yellow folds onto yellow")
        XCTAssertEqual(ColorMode.direct.number(for: orange), 0xFFAF5F)
        XCTAssertNil(ColorMode.none.number(for: orange))
        XCTAssertEqual(ColorMode.palette256.number(for: nil), -1, "nil is the terminal's default")
        XCTAssertEqual(ColorMode.eight.number(for: nil), -1)
    }

    func testBrightForegroundNeedsBoldOnlyWithEightColors() {
        XCTAssertTrue(ColorMode.eight.needsBoldForBright(TerminalColor(39, basic: 12)))
        XCTAssertFalse(ColorMode.eight.needsBoldForBright(TerminalColor(39, basic: 4)))
        XCTAssertFalse(ColorMode.eight.needsBoldForBright(nil))
        XCTAssertFalse(ColorMode.sixteen.needsBoldForBright(TerminalColor(39, basic: 12)))
    }

    func testXtermPaletteAsRGB() {
        XCTAssertEqual(ColorMode.rgb(forPaletteIndex: 3), 3, "ANSI colours stay the user's")
        XCTAssertEqual(ColorMode.rgb(forPaletteIndex: 9), 0xFF0000)
        XCTAssertEqual(ColorMode.rgb(forPaletteIndex: 16), 0x000000)
        XCTAssertEqual(ColorMode.rgb(forPaletteIndex: 196), 0xFF0000)
        XCTAssertEqual(ColorMode.rgb(forPaletteIndex: 39), 0x00AFFF)
        XCTAssertEqual(ColorMode.rgb(forPaletteIndex: 231), 0xFFFFFF)
        XCTAssertEqual(ColorMode.rgb(forPaletteIndex: 232), 0x080808)
        XCTAssertEqual(ColorMode.rgb(forPaletteIndex: 255), 0xEEEEEE)
    }
}

final class ColorPairTableTests: XCTestCase {
    private let blueOnDefault = ColorPair(foreground: 39, background: -1)
    private let orangeOnGrey = ColorPair(foreground: 215, background: 236)

    func testDefaultColorsArePairZero() {
        var table = ColorPairTable(colorPairs: 256)
        XCTAssertTrue(table.number(for: .terminalDefault) == (0, false))
        XCTAssertTrue(table.numbers.isEmpty)
    }

    func testPairsAreNumberedOnFirstUseAndReused() {
        var table = ColorPairTable(colorPairs: 256)
        XCTAssertTrue(table.number(for: blueOnDefault) == (1, true))
        XCTAssertTrue(table.number(for: orangeOnGrey) == (2, true))
        XCTAssertTrue(table.number(for: blueOnDefault) == (1, false))
        XCTAssertEqual(table.numbers.count, 2)
    }

    func testAFullTableFallsBackToDefaultColors() {
        var table = ColorPairTable(colorPairs: 2)  // only pair 1 is free
        XCTAssertTrue(table.number(for: blueOnDefault) == (1, true))
        XCTAssertTrue(table.number(for: orangeOnGrey) == (0, false), "never redefine a pair in use")
        XCTAssertTrue(table.number(for: blueOnDefault) == (1, false))
    }

    func testLimitRespectsColorPairsAndShort() {
        XCTAssertEqual(ColorPairTable(colorPairs: 64).limit, 64)
        XCTAssertEqual(ColorPairTable(colorPairs: 65536).limit, 32768, "setcchar takes a short")
        XCTAssertEqual(ColorPairTable(colorPairs: 0).limit, 1)
        var none = ColorPairTable(colorPairs: 0)
        XCTAssertTrue(none.number(for: blueOnDefault) == (0, false))
    }

    func testPairZeroWithoutDefaultColors() {
        let whiteOnBlack = ColorPair(foreground: 7, background: 0)
        var table = ColorPairTable(colorPairs: 64, pairZero: whiteOnBlack)
        XCTAssertTrue(table.number(for: whiteOnBlack) == (0, false))
        XCTAssertTrue(table.number(for: .terminalDefault) == (1, true))
    }
}

final class CellLookTests: XCTestCase {
    private func look(_ style: TextStyle, _ mode: ColorMode, theme: Theme = .dark, italic: Bool = true) -> CellLook {
        CellLook.make(theme.attributes(for: style), mode: mode, italicAvailable: italic)
    }

    func testLinkAt256Colors() {
        XCTAssertEqual(look(.link, .palette256), CellLook(attributes: .underline, colors: ColorPair(foreground: 39, background: -1)))
    }

    func testLinkAt16Colors() {
        XCTAssertEqual(look(.link, .sixteen), CellLook(attributes: .underline, colors: ColorPair(foreground: 12, background: -1)))
    }

    func testLinkAt8ColorsIsBoldBlue() {
        XCTAssertEqual(look(.link, .eight), CellLook(attributes: [.underline, .bold], colors: ColorPair(foreground: 4, background: -1)))
    }

    func testNoColorsKeepsAttributesOnly() {
        XCTAssertEqual(look(.link, .none), CellLook(attributes: .underline, colors: nil))
        XCTAssertEqual(look(.selection, .none, theme: .mono), CellLook(attributes: [.bold, .reverse], colors: nil))
    }

    func testPlainTextUsesTheTerminalsColors() {
        XCTAssertEqual(look(.plain, .palette256), CellLook(attributes: [], colors: .terminalDefault))
    }

    func testBackgroundColors() {
        XCTAssertEqual(look(.code, .palette256).colors, ColorPair(foreground: 215, background: 236))
        XCTAssertEqual(look(.code, .sixteen).colors, ColorPair(foreground: 11, background: 0))
        XCTAssertEqual(look(.match, .eight), CellLook(attributes: [], colors: ColorPair(foreground: 0, background: 3)))
    }

    func testItalicOnlyWhereTheTerminalHasIt() {
        XCTAssertEqual(look(.quote, .none, theme: .mono, italic: true).attributes, .italic)
        XCTAssertEqual(look(.quote, .none, theme: .mono, italic: false).attributes, [])
    }

    func testStrikethroughIsDrawnDim() {
        XCTAssertEqual(look(.strikethrough, .none, theme: .mono).attributes, .dim)
    }

    func testDefaultColorsWithoutUseDefaultColors() {
        let whiteOnBlack = ColorPair(foreground: 7, background: 0)
        let link = CellLook.make(Theme.dark.attributes(for: .link), mode: .palette256, italicAvailable: true, defaultColors: whiteOnBlack)
        XCTAssertEqual(link.colors, ColorPair(foreground: 39, background: 0))
    }

    func testWithoutColorsThemeHasNoPairsButColorTerminalStillGetsDefaults() {
        let look = CellLook.make(Theme.dark.withoutColors.attributes(for: .link), mode: .palette256, italicAvailable: true)
        XCTAssertEqual(look, CellLook(attributes: .underline, colors: .terminalDefault))
    }
}
