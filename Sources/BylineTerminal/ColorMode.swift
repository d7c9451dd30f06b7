import BylineCore

/// What the terminal can show in colour, and how a theme's `TerminalColor` becomes an ncurses colour
/// number there. Pure: the terminal measures `COLORS` once and everything after is arithmetic.
package enum ColorMode: Equatable, Sendable {
    /// No colours (or the terminal has none): attributes only.
    case none
    /// The eight ANSI colours: bright colours 8–15 fold onto 0–7, a bright foreground adds bold.
    case eight
    /// The sixteen ANSI colours: the theme's `index16`.
    case sixteen
    /// The xterm 256-colour palette: the theme's `index256`.
    case palette256
    /// A direct-colour terminal (`xterm-direct`, `COLORS` = 2^24): colour numbers are RGB values, so
    /// palette indices are converted to the RGB xterm gives them.
    case direct

    /// Reads the mode from what ncurses reports after `start_color`.
    package init(hasColors: Bool, colors: Int) {
        switch colors {
        case _ where !hasColors: self = .none
        case 0..<8: self = .none
        case 8..<16: self = .eight
        case 16..<256: self = .sixteen
        case 256...256: self = .palette256
        default: self = .direct
        }
    }

    /// The number `Terminal.colorCount` reports: 0, 8, 16 or 256 (a direct-colour terminal shows the
    /// whole 256-colour palette).
    package var colorCount: Int {
        switch self {
        case .none: return 0
        case .eight: return 8
        case .sixteen: return 16
        case .palette256, .direct: return 256
        }
    }

    /// The ncurses colour number for `color`; nil (the terminal's default) stays -1.
    /// Returns nil in `.none`: there is nothing to choose.
    func number(for color: TerminalColor?) -> Int32? {
        guard self != .none else { return nil }
        guard let color else { return -1 }
        switch self {
        case .none: return nil
        case .eight: return Int32(color.index16 % 8)
        case .sixteen: return Int32(color.index16 % 16)
        case .palette256: return Int32(color.index256)
        case .direct: return Self.rgb(forPaletteIndex: color.index256)
        }
    }

    /// Whether a foreground needs bold to look bright here (the 8-colour fold of colours 8–15).
    func needsBoldForBright(_ foreground: TerminalColor?) -> Bool {
        guard self == .eight, let foreground else { return false }
        return foreground.index16 >= 8
    }

    /// The RGB value (0xRRGGBB) xterm gives a 256-palette index. Indices 0–7 stay themselves:
    /// direct-colour terminfo entries send 0–7 as the ANSI colours, so the user's palette still applies.
    static func rgb(forPaletteIndex index: UInt8) -> Int32 {
        switch index {
        case 0..<8:
            return Int32(index)
        case 8..<16:
            let bright: [Int32] = [0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF]
            return bright[Int(index) - 8]
        case 16..<232:
            let levels: [Int32] = [0, 95, 135, 175, 215, 255]
            let cube = Int(index) - 16
            return levels[cube / 36] << 16 | levels[cube / 6 % 6] << 8 | levels[cube % 6]
        default:
            let grey = Int32(8 + 10 * (Int(index) - 232))
            return grey << 16 | grey << 8 | grey
        }
    }
}
