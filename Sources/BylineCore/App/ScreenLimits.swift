/// The largest screen the core lays out and draws. A terminal (or an SSH client, which any visitor
/// controls) may claim any size up to 65535x65535; a `Screen` is a cell per column and row, so the size
/// is bounded here, in the core, whatever the terminal layer does: a claimed size past these is used
/// as these, and no memory or work depends on a claim beyond them.
package enum ScreenLimits {
    /// Columns laid out at most: wider than any real monitor's text at a readable size (a 4K screen at a
    /// 6-pixel font is 640 columns; past about 400 no line of text is read comfortably).
    package static let maximumWidth = 1000
    /// Rows laid out at most: taller than any real monitor's text at a readable size (a 4K screen at a
    /// 10-pixel font is 216 rows).
    package static let maximumHeight = 500
    /// Scalars a `Screen` cell holds at most: a spacing character and four zero-width ones after it
    /// (as an ncurses `cchar_t` holds), see `Screen.put`.
    package static let scalarsPerCell = 5
    /// The longest one-line text (a title, a tag, a summary, the filter) measured or drawn on a frame:
    /// no more than this can reach even the widest screen, so what lies past it is cut before any work.
    /// Without it a tag of 50,000 combining marks (one column wide) cost 80 ms of measuring per key.
    package static let maximumLineScalars = maximumWidth * scalarsPerCell

    /// `width` and `height` within the limits (and never negative).
    package static func clamped(width: Int, height: Int) -> (width: Int, height: Int) {
        (min(max(0, width), maximumWidth), min(max(0, height), maximumHeight))
    }
}
