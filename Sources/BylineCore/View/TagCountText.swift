/// A tag pane row's count: the total alone when nothing under the tag is unread (`14`), else unread
/// over total (`3/14`), as newsboat shows its feeds but without the parentheses, which the narrow
/// pane cannot spare. Digits and a slash read the same with and without colour and in ASCII; the
/// unread number is bold, and a row with no posts among the results is dimmed.
enum TagCountText {
    static func line(_ row: AppState.TagRow) -> StyledLine {
        let total = StatusLine.grouped(row.count)
        guard row.count > 0 else { return StyledLine(total, .meta) }
        guard row.unread > 0 else { return StyledLine(total) }
        var line = StyledLine(StatusLine.grouped(row.unread), .strong)
        line.append("/" + total)
        return line
    }
}
