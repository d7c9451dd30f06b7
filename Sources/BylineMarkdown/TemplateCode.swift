import BylineCore

/// Template code that static-site generators leave in markdown (`{{< shortcode >}}`, `{{% x %}}`,
/// `{% liquid %}`, `{{ .Go }}`): shown as written, dimmed, whatever cmark made of it (it may have read
/// `{{<figure>}}` as an HTML tag). Raw HTML outside template code is dropped.
enum TemplateCode {
    static func mark(_ content: [DocumentBuilder.Inline]) -> [StyledSpan] {
        guard content.contains(where: { inline in
            var text = inline.span.text
            return text.withUTF8 { $0.contains(UInt8(ascii: "{")) }
        }) else {
            return content.compactMap { $0.rawHTML ? nil : $0.span }
        }
        // Find template regions over the whole run of text, then restyle by character.
        let characters = content.flatMap { inline in inline.span.text.map { ($0, inline) } }
        var inTemplate = [Bool](repeating: false, count: characters.count)
        var index = 0
        // Once a closer is missing from some point on, it is missing from every later point: this keeps
        // a line of a million unclosed `{{` linear.
        var closerMissing: Set<Character> = []
        while index + 1 < characters.count {
            let pair = (characters[index].0, characters[index + 1].0)
            if pair.0 == "{", pair.1 == "{" || pair.1 == "%", !closerMissing.contains(pair.1) {
                let closer: (Character, Character) = pair.1 == "%" ? ("%", "}") : ("}", "}")
                var end = index + 2
                while end + 1 < characters.count, !(characters[end].0 == closer.0 && characters[end + 1].0 == closer.1) { end += 1 }
                if end + 1 < characters.count {
                    for marked in index...(end + 1) { inTemplate[marked] = true }
                    index = end + 2
                    continue
                }
                closerMissing.insert(pair.1)
            }
            index += 1
        }
        var spans: [StyledSpan] = []
        for (offset, (character, inline)) in characters.enumerated() {
            if inline.rawHTML, !inTemplate[offset] { continue }
            let style = inTemplate[offset] ? inline.span.style.union(.template) : inline.span.style
            if let last = spans.last, last.style == style, last.link == inline.span.link, last.text != "\n", character != "\n" {
                spans[spans.count - 1].text.append(character)
            } else {
                spans.append(StyledSpan(String(character), style, link: inline.span.link))
            }
        }
        return spans
    }
}
