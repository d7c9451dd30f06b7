/// A JSX element's tag in an MDX line: `<Chart data={x} />`, `<Note>` or `</Note>`. A capital first
/// letter is what tells a component from an HTML tag, as MDX itself decides.
struct JSXTag {
    var name: String
    var closing: Bool
    /// Just past the tag's `>`.
    var end: Int

    /// The tag starting at `start` (a `<`), when it ends on the line. `endMissing` remembers that no
    /// `>` is left on the line, so a line of many unclosed `<A` is read once.
    static func at(_ start: Int, in line: ArraySlice<UInt8>, endMissing: inout Bool) -> JSXTag? {
        var index = start + 1
        let closing = index < line.endIndex && line[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        guard !endMissing, index < line.endIndex, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(line[index]) else { return nil }
        let nameStart = index
        while index < line.endIndex, isNameByte(line[index]) { index += 1 }
        let name = String(decoding: line[nameStart..<index], as: UTF8.self)
        // Attributes: `>` inside quotes or `{…}` does not end the tag.
        var depth = 0
        var quote: UInt8?
        while index < line.endIndex {
            let byte = line[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: ">"), depth == 0 {
                return JSXTag(name: name, closing: closing, end: index + 1)
            }
            index += 1
        }
        endMissing = true
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }
}
