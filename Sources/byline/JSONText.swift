import BylineCore

/// Minimal JSON text for the `--json` outputs: keys in the order given, strings escaped per RFC 8259.
enum JSONText {
    /// A JSON value, built by the commands.
    indirect enum Value {
        case string(String)
        case number(Int)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])
    }

    /// Pretty-printed with two-space indents, one value per line, and a final newline.
    static func render(_ value: Value) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        return output + "\n"
    }

    private static func write(_ value: Value, indent: Int, into output: inout String) {
        switch value {
        case let .string(text): output += quote(text)
        case let .number(number): output += String(number)
        case let .bool(flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case let .array(items): writeMembers(items.map { (nil, $0) }, between: "[", "]", indent: indent, into: &output)
        case let .object(pairs): writeMembers(pairs, between: "{", "}", indent: indent, into: &output)
        }
    }

    /// An array's items or an object's pairs (those with a key), one a line, inside `open` and `close`.
    private static func writeMembers(_ members: [(String?, Value)], between open: String, _ close: String, indent: Int,
                                     into output: inout String) {
        guard !members.isEmpty else { return output += open + close }
        output += open + "\n"
        for (index, (key, item)) in members.enumerated() {
            output += String(repeating: "  ", count: indent + 1) + (key.map { quote($0) + ": " } ?? "")
            write(item, indent: indent + 1, into: &output)
            output += index == members.count - 1 ? "\n" : ",\n"
        }
        output += String(repeating: "  ", count: indent) + close
    }

    /// A JSON string literal; every control character escaped, so the output is safe on a terminal too.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || VisibleText.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
