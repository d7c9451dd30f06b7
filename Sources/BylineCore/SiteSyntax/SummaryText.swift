/// A summary as plain text: what cmark's plain text of a paragraph still holds of markup, taken out.
/// Links whose definition is not in the part of the body read (`[announced][gsoc-blog-post]`) keep
/// their text, template code and MDX placeholders go, and `<!--more-->` says where a summary ends.
package enum SummaryText {
    /// Longest link label or target looked for after a `]`: a summary is one paragraph.
    static let targetSearch = 512

    /// Where the summary ends: the start of `<!--more-->`, `<!-- more -->` (or MDX's `{/* more */}`,
    /// which `SiteSyntax` writes as the first), or nil.
    package static func moreMarker(in text: String) -> String.Index? {
        var search = text.utf8[...]
        while let open = search.firstIndex(of: UInt8(ascii: "<")) {
            let rest = text.utf8[open...]
            if rest.starts(with: "<!--".utf8) {
                let inner = rest.dropFirst(4).drop { $0 == 0x20 }
                if inner.starts(with: "more".utf8), inner.dropFirst(4).drop(while: { $0 == 0x20 }).starts(with: "-->".utf8) { return open }
            }
            search = text.utf8[text.utf8.index(after: open)...]
        }
        return nil
    }

    /// `text` with template code, placeholders and the brackets of unresolved links removed, blanks collapsed.
    package static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "]") || $0 == 0xEF }) else { return text }
        let characters = Array(text)
        var output: [Character] = []
        var opens: [Int] = []
        var missing: Set<Character> = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if character == "{", next == "{" || next == "%", !missing.contains(next) {
                let closer: Character = next == "%" ? "%" : "}"
                if let end = find(closer, "}", in: characters, from: index + 2, limit: characters.count) {
                    index = end + 2
                    continue
                }
                missing.insert(next)
            } else if character == Character(SiteSyntax.placeholderStart) {
                index = find(Character(SiteSyntax.placeholderEnd), nil, in: characters, from: index, limit: index + targetSearch).map { $0 + 1 } ?? index + 1
                continue
            } else if character == "[" {
                opens.append(output.count)
            } else if character == "]", let open = opens.popLast(), output[(open + 1)...].contains(where: \.isLetter),
                      next == "[" || next == "(", let end = find(next == "[" ? "]" : ")", nil, in: characters, from: index + 2, limit: index + targetSearch) {
                // `[text][label]`, `[text][]` and `[text](target)` are the text.
                output.remove(at: open)
                opens.removeAll()
                index = end + 1
                continue
            }
            output.append(character)
            index += 1
        }
        return String(output).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// The first `first` (followed by `second`, when given) in `characters` from `start`, before `limit`.
    private static func find(_ first: Character, _ second: Character?, in characters: [Character], from start: Int, limit: Int) -> Int? {
        var index = start
        let end = min(limit, characters.count)
        while index < end {
            if characters[index] == first, second.map({ index + 1 < characters.count && characters[index + 1] == $0 }) ?? true { return index }
            index += 1
        }
        return nil
    }
}
