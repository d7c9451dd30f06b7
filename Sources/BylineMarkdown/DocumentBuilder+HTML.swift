import BylineCore

/// What an HTML element means to a document. Elements not named here are transparent: their content
/// is kept as if they were not there (`<span>`, `<figure>`, custom elements).
enum HTMLElementKind {
    case style(TextStyle)
    case link, image, lineBreak, rule
    /// Starts and ends a paragraph: `<p>`, `<div>` and the other blocks of text.
    case block
    case heading(Int)
    case pre
    case list(ordered: Bool)
    case item, quote, table, tableHead, row, cell
    case transparent

    init(_ name: String) {
        self = Self.kinds[name] ?? .transparent
    }

    private static let kinds: [String: HTMLElementKind] = {
        var kinds: [String: HTMLElementKind] = [
            "em": .style(.emphasis), "i": .style(.emphasis), "cite": .style(.emphasis),
            "strong": .style(.strong), "b": .style(.strong),
            "code": .style(.code), "kbd": .style(.code), "samp": .style(.code), "tt": .style(.code),
            "del": .style(.strikethrough), "s": .style(.strikethrough), "strike": .style(.strikethrough),
            "a": .link, "img": .image, "br": .lineBreak, "hr": .rule, "pre": .pre,
            "ul": .list(ordered: false), "ol": .list(ordered: true), "li": .item, "blockquote": .quote,
            "table": .table, "thead": .tableHead, "tr": .row, "td": .cell, "th": .cell,
        ]
        for name in ["p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure",
                     "figcaption", "details", "summary", "dl", "dt", "dd", "address", "center"] {
            kinds[name] = .block
        }
        for level in 1...6 { kinds["h\(level)"] = .heading(level) }
        return kinds
    }()
}

/// An inline element still open: `<em>` or `<a href>`, in an HTML block or in a markdown paragraph.
struct OpenTag {
    let name: String
    let style: TextStyle
    /// A link's target; its reference number is added when the tag closes.
    let url: String?
}

extension DocumentBuilder {
    /// The style of inline text: markdown's and that of open HTML tags.
    var inlineStyle: TextStyle { openTags.isEmpty ? style : style.union(tagStyle) }
    /// The target of the innermost open link, HTML or markdown.
    var currentLink: String? { openTags.isEmpty ? links.last : openTags.last(where: { $0.url != nil })?.url ?? links.last }

    mutating func openTag(_ tag: OpenTag) {
        openTags.append(tag)
        tagStyle.formUnion(tag.style)
    }

    /// Closes the innermost open tag; a link gets its reference number after its text.
    mutating func closeTag() {
        let tag = openTags.removeLast()
        tagStyle = openTags.reduce(TextStyle.plain) { $0.union($1.style) }
        if let url = tag.url, startInline() { addReference(url) }
    }

    mutating func addReference(_ url: String) {
        // Numbered before the call: see `exit`'s note on copies.
        let number = referenceNumber(url)
        addInline([StyledSpan("[\(number)]", .reference)])
    }

    /// `[image: alt][n]`, as a markdown image shows.
    mutating func addImage(alt: String, source: String) {
        let imageStyle = inlineStyle.union(.image)
        addInline([StyledSpan("[image: ", imageStyle, link: source)] + (alt.isEmpty ? [] : SafeText.spans(alt, imageStyle, link: source))
                  + [StyledSpan("]", imageStyle, link: source)])
        addReference(source)
    }

    // MARK: Inline HTML in markdown

    /// One tag of inline HTML in a markdown paragraph (cmark gives each tag alone): styles and links
    /// apply to the text up to the matching end tag, or to the end of the paragraph.
    mutating func inlineHTML(_ literal: String) {
        guard literal.hasPrefix("<"), !literal.hasPrefix("<!"), !literal.hasPrefix("<?") else { return }
        if literal.hasPrefix("</") {
            let name = literal.dropFirst(2).prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard let index = openTags.lastIndex(where: { $0.name == name }) else { return }
            // Tags opened inside it and left open end with it.
            while openTags.count > index { closeTag() }
            return
        }
        let name = literal.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        switch HTMLElementKind(name) {
        case let .style(added):
            openTag(OpenTag(name: name, style: added, url: nil))
        case .lineBreak:
            addInline([StyledSpan("\n")])
        case .link, .image:
            // Attributes need a real parser: quoting and entities.
            HTMLTree.walk(literal) { event in
                guard case let .open(element) = event, element.name == name else { return }
                if name == "img" {
                    addImage(alt: element.attribute("alt") ?? "", source: element.attribute("src") ?? "")
                } else if let href = element.attribute("href") {
                    openTag(OpenTag(name: name, style: .link, url: href))
                }
            }
        default:
            break
        }
    }

    /// Inline tags left open when their paragraph, heading or cell ends, closed with it.
    mutating func closeOpenTags() {
        while !openTags.isEmpty { closeTag() }
    }
}
