#if canImport(Glibc)
import Glibc
#endif
import BylineCore

/// What `show` needs to know about the terminal without starting ncurses.
enum TerminalWidth {
    /// Columns of the terminal on standard output, if it is one.
    static func ofStandardOutput() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    static func fromEnvironment() -> Int? {
        Environment.value("COLUMNS").flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

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
