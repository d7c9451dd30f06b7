import BylineCore
@preconcurrency import CNcursesw

/// Turns what `wget_wch` returns into a `Key`. Pure, so every mapping is tested without a terminal.
package enum KeyDecoder {
    /// Decodes one value from `wget_wch`: a character when it returned `OK`, a key code when it
    /// returned `KEY_CODE_YES` (`isFunctionKey`). Returns nil for what byline has no use for (mouse
    /// events, keys no binding can name, C1 controls): the caller ignores those instead of guessing.
    /// `KEY_RESIZE` is not a key; the terminal handles it before asking here.
    package static func decode(_ value: UInt32, isFunctionKey: Bool) -> Key? {
        isFunctionKey ? decodeKeyCode(Int32(truncatingIfNeeded: value)) : decodeCharacter(value)
    }

    /// Function keys F1 to F12, the ones `Key.function` promises; shifted F-keys (F13 and up) are not.
    static let functionKeys = 1...12

    private static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace  // Ctrl-H is what many terminals send for Backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60) + UInt8(value))))
        case 0, 28...31, 0x80...0x9F: return nil  // Ctrl-@, Ctrl-\ ] ^ _, C1 controls: nothing to bind
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }  // surrogates, beyond U+10FFFF
            return .character(Character(scalar))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE, KEY_A3: return .pageUp  // A1/A3/C1/C3: the numeric keypad's corners
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_F0 + 1 ... KEY_F0 + 12:
            let number = Int(code - KEY_F0)
            return functionKeys.contains(number) ? .function(number) : nil
        default: return nil
        }
    }
}
