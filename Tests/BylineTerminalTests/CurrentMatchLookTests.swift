import BylineCore
import XCTest
@testable import BylineTerminal

/// The find's current match is told apart from the other matches on every terminal: at 256, 16 and 8
/// colours, and with none (`NO_COLOR`, a dumb terminal), by attributes alone.
final class CurrentMatchLookTests: XCTestCase {
    private func look(_ style: TextStyle, _ mode: ColorMode, theme: Theme) -> CellLook {
        let theme = mode == .none ? theme.withoutColors : theme
        return CellLook.make(theme.attributes(for: style), mode: mode, italicAvailable: true)
    }

    func testTheCurrentMatchLooksDifferentFromTheOthersInEveryMode() {
        for theme in [Theme.dark, .light, .mono, .ascii] {
            for mode in [ColorMode.none, .eight, .sixteen, .palette256, .direct] {
                let other = look(.match, mode, theme: theme), current = look([.match, .currentMatch], mode, theme: theme)
                XCTAssertNotEqual(other, current, "\(theme.name) at \(mode)")
            }
        }
    }

    func testWithoutColourTheCurrentMatchIsAlsoBoldAndUnderlined() {
        XCTAssertEqual(look([.match, .currentMatch], .none, theme: .dark), CellLook(attributes: [.bold, .underline, .reverse], colors: nil))
        XCTAssertEqual(look(.match, .none, theme: .dark), CellLook(attributes: .reverse, colors: nil))
        XCTAssertEqual(look([.match, .currentMatch], .eight, theme: .dark).attributes, [.bold, .underline])
    }
}
