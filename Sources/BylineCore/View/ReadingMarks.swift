/// The list's read and saved marks before each title: the unread glyph (`•`, `*` in ASCII) and the
/// saved glyph (`★`, `+`), each in its own column so the titles stay aligned, drawn in the marker's
/// style; a glyph, not a colour alone, so they show without colour.
enum ReadingMarks {
    /// Columns the marks take: unread, saved, a space.
    static let width = 3

    static func append(_ marks: PostMarks, glyphs: Glyphs, to line: inout StyledLine) {
        line.append(marks.read ? " " : glyphs.unread, .marker)
        line.append(marks.saved ? glyphs.saved : " ", .marker)
        line.append(" ")
    }
}
