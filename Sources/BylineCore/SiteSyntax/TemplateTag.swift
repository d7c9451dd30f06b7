/// One piece of template code found on a line: `{% tag args %}`, `{{ output }}`, `{{< shortcode >}}`,
/// `{{% shortcode %}}` or an MDX comment `{/* … */}`. Only the delimiters are recognised; what is
/// inside is split into a name and arguments, never evaluated.
struct TemplateTag {
    enum Delimiter: CaseIterable {
        case hugoAngle, hugoPercent, mdxComment, liquidTag, output

        /// The delimiter's opening and closing marks.
        var marks: (opener: String, closer: String) {
            switch self {
            case .hugoAngle: ("{{<", ">}}")
            case .hugoPercent: ("{{%", "%}}")
            case .mdxComment: ("{/*", "*/}")
            case .liquidTag: ("{%", "%}")
            case .output: ("{{", "}}")
            }
        }
    }

    /// Each delimiter with its opener and closer, made once.
    private static let delimiters = Delimiter.allCases.map { ($0, Array($0.marks.opener.utf8), Array($0.marks.closer.utf8)) }

    let delimiter: Delimiter
    /// The bytes from the opener through the closer, in the line.
    let range: Range<Int>
    /// What is between the delimiters, blanks and Liquid's `-` trim marks taken off.
    let inner: String

    /// The first word (`highlight`, `/highlight`, `site.url`), or a Zola shortcode's name before its `(`.
    var name: Substring {
        let word = inner.prefix { !$0.isWhitespace }
        if let paren = word.firstIndex(of: "("), zolaCall { return word[..<paren] }
        return word
    }

    /// Zola's form: `name(args)` with nothing after the `)`.
    var zolaCall: Bool {
        guard inner.hasSuffix(")"), let paren = inner.firstIndex(of: "(") else { return false }
        let name = inner[..<paren]
        return !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && name.first?.isLetter == true
    }

    /// The words after the name; quotes group words, `key=value` words are named arguments.
    var arguments: (positional: [String], named: [String: String]) {
        var positional: [String] = [], named: [String: String] = [:]
        var rest = inner.drop { !$0.isWhitespace }
        if zolaCall, let open = inner.firstIndex(of: "(") { rest = inner[inner.index(after: open)..<inner.index(before: inner.endIndex)] }
        for word in Self.words(rest) {
            if let equals = word.firstIndex(of: "="), !word[..<equals].contains("\"") {
                named[String(word[..<equals])] = Self.unquoted(word[word.index(after: equals)...])
            } else {
                positional.append(Self.unquoted(Substring(word)))
            }
        }
        return (positional, named)
    }

    /// Words split at blanks and commas outside quotes.
    private static func words(_ text: Substring) -> [String] {
        var words: [String] = [], current = "", quote: Character?
        for character in text {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" || character == "`" {
                quote = character
                current.append(character)
            } else if character.isWhitespace || character == "," {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func unquoted(_ word: Substring) -> String {
        guard let first = word.first, first == "\"" || first == "'" || first == "`", word.count >= 2, word.last == first else { return String(word) }
        return String(word.dropFirst().dropLast())
    }

    /// The tag starting at `start` of `line`, if its closer is on the line. `missing` remembers closers
    /// not found from some point on (they are then missing from every later point), so a line of a
    /// million unclosed `{%` is read once.
    static func at(_ start: Int, in line: ArraySlice<UInt8>, mdx: Bool, missing: inout Set<Int>) -> TemplateTag? {
        guard start + 1 < line.endIndex else { return nil }
        let second = line[start + 1]
        guard second == UInt8(ascii: "{") || second == UInt8(ascii: "%") || second == UInt8(ascii: "/") else { return nil }
        for (index, (delimiter, opener, closer)) in delimiters.enumerated() where mdx || delimiter != .mdxComment {
            guard line[start...].starts(with: opener) else { continue }
            if missing.contains(index) { return nil }
            var end = start + opener.count
            while end + closer.count <= line.endIndex, !line[end...].starts(with: closer) { end += 1 }
            guard end + closer.count <= line.endIndex else {
                missing.insert(index)
                return nil
            }
            let inner = String(decoding: line[(start + opener.count)..<end], as: UTF8.self)
            let trimmed = inner.strippingEnds(delimiter == .mdxComment ? " \t" : " \t-")
            return TemplateTag(delimiter: delimiter, range: start..<(end + closer.count), inner: trimmed)
        }
        return nil
    }
}

extension String {
    /// The string without `characters` at either end.
    func strippingEnds(_ characters: String) -> String {
        let set = Set(characters)
        return String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
