import BylineCore
@preconcurrency import Glibc

/// The window byline draws in: the size the terminal reports, bounded. Over SSH the size is whatever
/// the client claims (up to 65535x65535), and ncurses allocates its three screens (`stdscr`, `curscr`,
/// `newscr`) at that size, about 28 bytes a cell each: 8000x3000 cost 2.76 GB resident, and above
/// 32767 columns ncurses' 16-bit sizes overflow (a SIGSEGV in `doupdate`). A larger window is used as
/// the largest size, drawn in its top-left corner, so memory never depends on a claim beyond it.
package struct WindowSize: Equatable, Sendable {
    package var columns: Int
    package var rows: Int

    package init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The widest window used: the core's own bound (`ScreenLimits`), so that ncurses never holds more
    /// than the core draws. ncurses' three screens at 1000x500 take about 42 MB. Not configurable: it
    /// bounds what a stranger can cost.
    package static let maximumColumns = ScreenLimits.maximumWidth
    /// The tallest window used: see `maximumColumns`.
    package static let maximumRows = ScreenLimits.maximumHeight
    /// A window that reports 0 columns or rows has no known size (a pseudo-terminal nobody sized, a
    /// serial line): it is taken as the classic 80x24, the size ncurses itself assumes then.
    package static let unknownColumns = 80
    /// See `unknownColumns`.
    package static let unknownRows = 24

    /// The size to draw at for a window that reports `columns` x `rows`: each at most its maximum, and
    /// an unknown (zero) one the classic size.
    package static func bounded(columns: Int, rows: Int) -> WindowSize {
        WindowSize(columns: columns <= 0 ? unknownColumns : min(columns, maximumColumns),
                   rows: rows <= 0 ? unknownRows : min(rows, maximumRows))
    }

    /// The bounded size of the terminal on `fileDescriptor` now (TIOCGWINSZ), or nil when it cannot say.
    static func measured(fileDescriptor: Int32 = 1) -> WindowSize? {
        var size = winsize()
        let result = withUnsafeMutablePointer(to: &size) { ioctl(fileDescriptor, UInt(TIOCGWINSZ), $0) }
        guard result == 0 else { return nil }
        return bounded(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }
}
