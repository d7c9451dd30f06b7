import BylineCore

/// Template code that static-site generators leave in markdown (`{{< shortcode >}}`, `{{% x %}}`,
/// `{% liquid %}`, `{{ .Go }}`): shown as written, dimmed, whatever cmark made of it (it may have read
/// `{{<figure>}}` as an HTML tag). Raw HTML outside template code is dropped. An MDX element's
/// `[Name]`, which `SiteSyntax` puts between its placeholder marks, is dimmed the same way.
enum TemplateCode {
    static func mark(_ content: [DocumentBuilder.Inline]) -> [StyledSpan] {
        guard content.contains(where: { inline in
            var text = inline.span.text
            return text.withUTF8 { $0.contains(UInt8(ascii: "{")) || holdsPlaceholder($0) }
        }) else {
            return content.compactMap { $0.rawHTML ? nil : $0.span }
        }
        return withoutTemplates(content) ?? characterPass(content)
    }

    /// Template regions found over the whole run of text, and the text restyled by character: the
    /// definition `withoutTemplates` is tested against.
    static func characterPass(_ content: [DocumentBuilder.Inline]) -> [StyledSpan] {
        // Find template regions over the whole run of text, then restyle by character.
        let characters = content.flatMap { inline in inline.span.text.map { ($0, inline) } }
        var inTemplate = [Bool](repeating: false, count: characters.count)
        var index = 0
        // Once a closer is missing from some point on, it is missing from every later point: this keeps
        // a line of a million unclosed `{{` linear.
        var closerMissing: Set<Character> = []
        var placeholder = false
        for (offset, (character, _)) in characters.enumerated() {
            if character == Character(SiteSyntax.placeholderStart) { placeholder = true }
            inTemplate[offset] = placeholder
            if character == Character(SiteSyntax.placeholderEnd) { placeholder = false }
        }
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
            if character == Character(SiteSyntax.placeholderStart) || character == Character(SiteSyntax.placeholderEnd) { continue }
            let style = inTemplate[offset] ? inline.span.style.union(.template) : inline.span.style
            if let last = spans.last, last.style == style, last.link == inline.span.link, last.text != "\n", character != "\n" {
                spans[spans.count - 1].text.append(character)
            } else {
                spans.append(StyledSpan(String(character), style, link: inline.span.link))
            }
        }
        return spans
    }

    /// What `characterPass` gives when there is no template to find, made span
    /// by span: prose with a lone `{` (code-like text) is common, and `characterPass` costs a `String`
    /// per character. Nil when a template might start (`{{` or `{%` anywhere in the bytes, which any
    /// `{{` or `{%` of characters is), a placeholder starts, or a span holds a newline among other text.
    static func withoutTemplates(_ content: [DocumentBuilder.Inline]) -> [StyledSpan]? {
        var previous: UInt8 = 0
        for inline in content {
            var text = inline.span.text
            let plain = text.withUTF8 { bytes -> Bool in
                if holdsPlaceholder(bytes) { return false }
                for byte in bytes {
                    if previous == UInt8(ascii: "{"), byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%") { return false }
                    previous = byte
                }
                return bytes.count <= 1 || !bytes.contains(0x0A)
            }
            if !plain { return nil }
        }
        var spans: [StyledSpan] = []
        for inline in content where !inline.rawHTML && !inline.span.text.isEmpty {
            let span = inline.span
            if let last = spans.last, last.style == span.style, last.link == span.link, last.text != "\n", span.text != "\n" {
                spans[spans.count - 1].text += span.text
            } else {
                spans.append(span)
            }
        }
        return spans
    }

    /// Whether `bytes` hold a placeholder's start mark (U+FFF9: EF BF B9), looked for by its first byte.
    static func holdsPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = bytes[...]
        while let lead = rest.firstIndex(of: 0xEF) {
            if lead + 2 < bytes.count, bytes[lead + 1] == 0xBF, bytes[lead + 2] == 0xB9 { return true }
            rest = bytes[(lead + 1)...]
        }
        return false
    }
}
