import BylineCore

/// Raw HTML in a post, reduced to its text: tags dropped, comments, scripts and styles removed, entities
/// decoded. Not an HTML parser: a post's HTML is shown as prose, never interpreted.
enum HTMLText {
    /// The text of an HTML fragment; `<br>`, `<p>` and block ends become newlines.
    static func text(of html: String) -> String {
        var output = ""
        var index = html.startIndex
        var skipUntil: String?
        while index < html.endIndex {
            if let end = skipUntil {
                guard let close = find(end, in: html[index...]) else { break }
                index = close.upperBound
                skipUntil = nil
                continue
            }
            let character = html[index]
            if character == "<" {
                let rest = html[index...]
                if rest.hasPrefix("<!--") { skipUntil = "-->"; continue }
                guard let close = rest.firstIndex(of: ">") else { output += rest; break }
                let tag = rest[rest.index(after: rest.startIndex)..<close].lowercased()
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if !tag.hasPrefix("/"), name == "script" || name == "style" { skipUntil = "</\(name)>" }
                if ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"].contains(String(name)) {
                    output += "\n"
                }
                index = html.index(after: close)
                continue
            }
            output.append(character)
            index = html.index(after: index)
        }
        return decodeEntities(output)
    }

    /// Where `needle` (lower case) first occurs in `text`, ignoring case.
    static func find(_ needle: String, in text: Substring) -> Range<String.Index>? {
        let wanted = Array(needle)
        var start = text.startIndex
        while start < text.endIndex {
            var index = start
            var matched = 0
            while matched < wanted.count, index < text.endIndex, Character(text[index].lowercased()) == wanted[matched] {
                index = text.index(after: index)
                matched += 1
            }
            if matched == wanted.count { return start..<index }
            start = text.index(after: start)
        }
        return nil
    }

    /// `&amp;`, `&#39;`, `&#x9b;` and the common named entities. Unknown ones are left as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") else {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            let name = text[text.index(after: index)..<semicolon]
            if let decoded = decode(name) {
                output += decoded
                index = text.index(after: semicolon)
            } else {
                output.append(character)
                index = text.index(after: index)
            }
        }
        return output
    }

    private static func decode(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return value == nil ? nil : "\u{FFFD}" }
            return String(Character(scalar))
        }
        return named[String(name)]
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "laquo": "«", "raquo": "»", "lsquo": "‘",
        "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·", "times": "×", "divide": "÷",
        "deg": "°", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "larr": "←",
        "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "check": "✓", "shy": "\u{AD}", "zwj": "\u{200D}",
        "zwnj": "\u{200C}",
    ]
}

