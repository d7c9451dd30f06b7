/// The characters that draw structure: Unicode box drawing by default, plain ASCII for terminals
/// (or fonts) that have nothing else.
public struct Glyphs: Hashable, Sendable {
    /// List bullets by depth; the last repeats for deeper levels.
    public var bullets: [String]
    public var taskOpen: String
    public var taskDone: String
    /// The bar before each line of a block quote (with its trailing space).
    public var quoteBar: String
    /// Thematic breaks and the underline of level-2 headings.
    public var rule: Character
    /// The underline of level-1 headings.
    public var doubleRule: Character
    /// At the start of a code line that continues the one above.
    public var continuation: String
    public var table: TableGlyphs
    /// Before the focused pane's name and the selected row: visible without colour.
    public var focus: String
    /// A required tag and an excluded one in the tag pane.
    public var required: String
    public var excluded: String

    /// Box-drawing characters for tables.
    public struct TableGlyphs: Hashable, Sendable {
        public var horizontal: Character, vertical: Character
        public var topLeft: Character, topMiddle: Character, topRight: Character
        public var middleLeft: Character, middle: Character, middleRight: Character
        public var bottomLeft: Character, bottomMiddle: Character, bottomRight: Character
        /// The line under the header row.
        public var headerHorizontal: Character
    }

    public static let unicode = Glyphs(
        bullets: ["•", "◦", "▪", "‣"], taskOpen: "☐", taskDone: "☑", quoteBar: "│ ", rule: "─", doubleRule: "═",
        continuation: "↪",
        table: TableGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topMiddle: "┬", topRight: "┐",
                           middleLeft: "├", middle: "┼", middleRight: "┤", bottomLeft: "└", bottomMiddle: "┴",
                           bottomRight: "┘", headerHorizontal: "─"),
        focus: "▸", required: "✓", excluded: "✗")

    public static let ascii = Glyphs(
        bullets: ["*", "-", "+"], taskOpen: "[ ]", taskDone: "[x]", quoteBar: "| ", rule: "-", doubleRule: "=",
        continuation: ">",
        table: TableGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topMiddle: "+", topRight: "+",
                           middleLeft: "+", middle: "+", middleRight: "+", bottomLeft: "+", bottomMiddle: "+",
                           bottomRight: "+", headerHorizontal: "="),
        focus: ">", required: "+", excluded: "-")

    public func bullet(depth: Int) -> String { bullets[min(depth, bullets.count - 1)] }
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
