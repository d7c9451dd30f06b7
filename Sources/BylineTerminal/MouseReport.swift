import BylineCore

/// The body of one SGR mouse report (DEC mode 1006), `b ; x ; y` and `M` (press) or `m` (release),
/// read a value at a time after its `ESC [ <` (which `InputDecoder` recognises, or ncurses hands over
/// as `KEY_MOUSE` where terminfo's `kmous` is `\E[<`). Bounded against hostile or garbled input: at
/// most `maximumLength` values, three numbers of at most `maximumNumber`. A report that breaks those
/// rules is read to its end (`M` or `m`) all the same and yields nothing, so its digits are never typed
/// as keys; a value no report holds (a letter) ends it and is the key it is.
struct MouseReport {
    /// Values after `ESC [ <` before a report is given up: `127;65535;65535M` is 16.
    static let maximumLength = 24
    /// The largest button code or coordinate taken: a terminal is at most 65535 cells a side (the
    /// window size's own type).
    static let maximumNumber = 65535

    /// What one more value did to the report.
    enum Step: Equatable {
        /// It belongs to the report, which goes on.
        case more
        /// It ended the report: its event, or nil for one byline has no use for (motion, a wheel
        /// sideways, a button past the third, a wheel's release).
        case done(MouseEvent?)
        /// It cannot belong to a report: the report is dropped and the value is the key it is.
        case notPart
        /// The report is too long: dropped, value and all; what follows is keys again.
        case garbage
    }

    private var numbers: [Int] = [0]
    private var digits = 0
    private var length = 0
    /// Set when a number is too big or the numbers are not three: read to its end, then dropped.
    private var broken = false

    /// Reads one value.
    mutating func feed(_ value: UInt32) -> Step {
        length += 1
        guard length <= Self.maximumLength else { return .garbage }
        switch value {
        case 0x30...0x39:
            let next = numbers[numbers.count - 1] * 10 + Int(value - 0x30)
            if next > Self.maximumNumber { broken = true } else { numbers[numbers.count - 1] = next }
            digits += 1
            return .more
        case 0x3B:  // ;
            if digits == 0 || numbers.count >= 3 { broken = true }
            if numbers.count < 3 { numbers.append(0) }
            digits = 0
            return .more
        case 0x4D, 0x6D:  // M press, m release
            guard !broken, digits > 0, numbers.count == 3 else { return .done(nil) }
            return .done(Self.event(code: numbers[0], column: numbers[1], row: numbers[2], released: value == 0x6D))
        default:
            return .notPart
        }
    }

    /// The event of a whole report (1-based coordinates in, 0-based out).
    static func event(code: Int, column: Int, row: Int, released: Bool) -> MouseEvent? {
        guard column >= 1, row >= 1 else { return nil }
        let motion = 32, wheel = 64, extraButtons = 128
        guard code & motion == 0, code & extraButtons == 0 else { return nil }
        let button = code & 3  // the bits above (4 Shift, 8 Meta, 16 Ctrl) are modifiers, not used
        let kind: MouseEvent.Kind
        if code & wheel != 0 {
            guard !released else { return nil }
            switch button {
            case 0: kind = .wheelUp
            case 1: kind = .wheelDown
            default: return nil  // sideways
            }
        } else if released {
            kind = .release
        } else {
            guard button < 3 else { return nil }
            kind = .press(button: button)
        }
        return MouseEvent(kind, row: row - 1, column: column - 1)
    }
}
