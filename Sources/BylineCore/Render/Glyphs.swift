/// The characters that draw structure: Unicode box drawing by default, plain ASCII for terminals
/// (or fonts) that have nothing else.
package struct Glyphs: Hashable, Sendable {
    /// List bullets by depth; the last repeats for deeper levels.
    package var bullets: [String]
    package var taskOpen: String
    package var taskDone: String
    /// The bar before each line of a block quote (with its trailing space).
    package var quoteBar: String
    /// Thematic breaks and the underline of level-2 headings.
    package var rule: Character
    /// The underline of level-1 headings.
    package var doubleRule: Character
    /// At the start of a code line that continues the one above.
    package var continuation: String
    package var table: TableGlyphs
    /// Before the focused pane's name and the selected row: visible without colour.
    package var focus: String
    /// A required tag and an excluded one in the tag pane.
    package var required: String
    package var excluded: String
    /// Beside an unread post and a saved one in the list (reading state).
    package var unread = "•"
    package var saved = "★"

    /// Box-drawing characters for tables.
    package struct TableGlyphs: Hashable, Sendable {
        package var horizontal: Character, vertical: Character
        package var topLeft: Character, topMiddle: Character, topRight: Character
        package var middleLeft: Character, middle: Character, middleRight: Character
        package var bottomLeft: Character, bottomMiddle: Character, bottomRight: Character
        /// The line under the header row.
        package var headerHorizontal: Character
    }

    package static let unicode = Glyphs(
        bullets: ["•", "◦", "▪", "‣"], taskOpen: "☐", taskDone: "☑", quoteBar: "│ ", rule: "─", doubleRule: "═",
        continuation: "↪",
        table: TableGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topMiddle: "┬", topRight: "┐",
                           middleLeft: "├", middle: "┼", middleRight: "┤", bottomLeft: "└", bottomMiddle: "┴",
                           bottomRight: "┘", headerHorizontal: "─"),
        focus: "▸", required: "✓", excluded: "✗")

    package static let ascii = Glyphs(
        bullets: ["*", "-", "+"], taskOpen: "[ ]", taskDone: "[x]", quoteBar: "| ", rule: "-", doubleRule: "=",
        continuation: ">",
        table: TableGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topMiddle: "+", topRight: "+",
                           middleLeft: "+", middle: "+", middleRight: "+", bottomLeft: "+", bottomMiddle: "+",
                           bottomRight: "+", headerHorizontal: "="),
        focus: ">", required: "+", excluded: "-", unread: "*", saved: "+")

    package func bullet(depth: Int) -> String { bullets[min(depth, bullets.count - 1)] }
}

/// Runs of spaces for padding, without building a new string of blanks each time.
enum Blank {
    private static let spaces = String(repeating: " ", count: 512)
    /// The same blanks as bytes, for sinks and assemblers that copy bytes.
    static let bytes = [UInt8](repeating: 0x20, count: 512)

    static func string(_ count: Int) -> String {
        guard count > 0 else { return "" }
        return count <= 512 ? String(spaces.utf8.prefix(count))! : String(repeating: " ", count: count)
    }

    /// `character` `count` times, made as bytes: `String(repeating:count:)` appends piece by piece,
    /// thousands of instructions for a table border.
    static func repeated(_ character: Character, _ count: Int) -> String {
        guard count > 0 else { return "" }
        let unit = Array(String(character).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(unit.count * count)
        for _ in 0..<count { bytes.append(contentsOf: unit) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
