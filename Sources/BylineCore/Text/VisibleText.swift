/// Makes text from a post safe to send to a terminal: nothing in it can act as a control sequence.
///
/// A post is untrusted input (over SSH a stranger reads what someone else wrote). Every C0 control
/// except newline and tab becomes its Control Pictures symbol (ESC is `␛`), DEL is `␡`, a C1 control
/// is shown as its hex code in brackets (`⦗9B⦘`), and Unicode bidirectional overrides and isolates are
/// shown by name (`⦗RLO⦘`) so that text cannot be reordered to lie.
package enum VisibleText {
    /// `text` with every control made visible. Newlines and tabs are kept.
    package static func escape(_ text: String) -> String {
        guard !isSafe(text) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { output.append(contentsOf: symbol(for: scalar).unicodeScalars) } else { output.append(scalar) }
        }
        return String(output)
    }

    /// `text` on one line: newlines and tabs become spaces too, for titles, summaries and tags.
    package static func escapeLine(_ text: String) -> String {
        escape(text).map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// `text` with every control made visible, newlines and tabs too (as `␊` and `␉`): for a piece of
    /// untrusted text quoted inside a message, where a newline would forge a line of the message.
    package static func escapeAll(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) || scalar == "\n" || scalar == "\t" {
                output.append(contentsOf: symbol(for: scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether no scalar of `text` needs escaping, decided on its UTF-8 bytes without decoding: the
    /// C1 controls are `C2 80`...`C2 9F`, the bidi controls `E2 80 AA`...`E2 80 AE` and
    /// `E2 81 A6`...`E2 81 A9`. Most text is checked here at a few instructions a byte.
    package static func isSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            let count = utf8.count
            var index = 0
            let base = utf8.baseAddress
            while index < count {
                // Eight printable ASCII bytes at once: the common case.
                if let base, index + 8 <= count, ASCIIScan.isPrintable(word: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                if byte < 0x20 {
                    if byte != 0x0A && byte != 0x09 { return false }
                } else if byte == 0x7F {
                    return false
                } else if byte == 0xC2 {
                    if index + 1 < count, utf8[index + 1] <= 0x9F { return false }
                } else if byte == 0xE2, index + 2 < count {
                    let second = utf8[index + 1], third = utf8[index + 2]
                    if second == 0x80, (0xAA...0xAE).contains(third) { return false }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return false }
                }
                index += 1
            }
            return true
        }
    }

    /// Whether a scalar must not reach a terminal as itself.
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The visible stand-in for a control scalar.
    package static func symbol(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "⦗" + String(scalar.value, radix: 16, uppercase: true) + "⦘"
        default: return "⦗" + (bidiNames[scalar.value] ?? String(scalar.value, radix: 16, uppercase: true)) + "⦘"
        }
    }

    private static let bidiNames: [UInt32: String] = [
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
    ]
}
