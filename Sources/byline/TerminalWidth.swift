#if canImport(Glibc)
import Glibc
#endif
import BylineCore

/// What `show` needs to know about the terminal without starting ncurses.
enum TerminalWidth {
    /// Widths taken from the terminal or `$COLUMNS`, which anyone (over SSH, the client) sets to
    /// anything: a width past these is used as these. `COLUMNS=100000000` made `show` lay a post out
    /// 100 million columns wide, padding every code line to that, until it was killed.
    static let usableRange = 10...ScreenLimits.maximumWidth

    /// Columns of the terminal on standard output, if it is one (within `usableRange`).
    static func ofStandardOutput() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return usable(Int(size.ws_col))
    }

    /// `$COLUMNS` when it is a positive number (within `usableRange`).
    static func fromEnvironment() -> Int? {
        guard let text = Environment.value("COLUMNS"), !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        // More digits than an Int holds is as wide as can be.
        let columns = Int(text) ?? Int.max
        return columns > 0 ? usable(columns) : nil
    }

    static func usable(_ columns: Int) -> Int { min(max(columns, usableRange.lowerBound), usableRange.upperBound) }

    /// 256 colours when TERM or COLORTERM say so, none for `dumb`, else the 16 basic ones.
    static func colorDepth() -> ANSIText.ColorDepth {
        let term = Environment.value("TERM") ?? ""
        if term == "dumb" { return .none }
        let colorterm = Environment.value("COLORTERM") ?? ""
        if term.contains("256color") || colorterm == "truecolor" || colorterm == "24bit" { return .palette256 }
        return .sixteen
    }
}

/// Reading the environment.
enum Environment {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
