/// The box the overlays (help, the outline) are drawn in over the screen: cleared, then framed.
enum OverlayFrame {
    static func draw(x: Int, top: Int, bottom: Int, width: Int, glyphs: Glyphs, on screen: inout Screen) {
        let t = glyphs.table
        screen.fill(row: top, column: x, width: width, height: bottom - top + 1, style: .plain)
        let horizontal = String(repeating: t.horizontal, count: max(0, width - 2))
        screen.put(StyledLine(String(t.topLeft) + horizontal + String(t.topRight), .rule), row: top, column: x, limit: width)
        screen.put(StyledLine(String(t.bottomLeft) + horizontal + String(t.bottomRight), .rule), row: bottom, column: x, limit: width)
        for row in (top + 1)..<bottom {
            screen.put(StyledLine(String(t.vertical), .rule), row: row, column: x, limit: 1)
            screen.put(StyledLine(String(t.vertical), .rule), row: row, column: x + width - 1, limit: 1)
        }
    }
}
