/// What a piece of text is, never how it looks: a theme decides the look. Styles nest (a link inside
/// strong text inside a quote), so they combine as a set.
package struct TextStyle: OptionSet, Hashable, Sendable {
    package let rawValue: UInt64
    package init(rawValue: UInt64) { self.rawValue = rawValue }

    package static let heading1 = TextStyle(rawValue: 1 << 0)
    package static let heading2 = TextStyle(rawValue: 1 << 1)
    package static let heading3 = TextStyle(rawValue: 1 << 2)
    /// Headings of level 4 to 6.
    package static let heading4 = TextStyle(rawValue: 1 << 3)
    package static let emphasis = TextStyle(rawValue: 1 << 4)
    package static let strong = TextStyle(rawValue: 1 << 5)
    package static let strikethrough = TextStyle(rawValue: 1 << 6)
    /// Inline code.
    package static let code = TextStyle(rawValue: 1 << 7)
    /// Every cell of a fenced or indented code block, padding included.
    package static let codeBlock = TextStyle(rawValue: 1 << 8)
    package static let keyword = TextStyle(rawValue: 1 << 9)
    package static let string = TextStyle(rawValue: 1 << 10)
    package static let comment = TextStyle(rawValue: 1 << 11)
    package static let number = TextStyle(rawValue: 1 << 12)
    /// A type or builtin name, for languages whose definition lists them.
    package static let type = TextStyle(rawValue: 1 << 13)
    package static let diffAdded = TextStyle(rawValue: 1 << 14)
    package static let diffRemoved = TextStyle(rawValue: 1 << 15)
    /// A diff's `@@` hunk header and file lines.
    package static let diffMeta = TextStyle(rawValue: 1 << 16)
    /// Link text.
    package static let link = TextStyle(rawValue: 1 << 17)
    /// The `[3]` after a link or image, and the numbers of the reference list.
    package static let reference = TextStyle(rawValue: 1 << 18)
    package static let quote = TextStyle(rawValue: 1 << 19)
    /// Bullets, numbers, checkboxes, quote bars: structure, not content.
    package static let marker = TextStyle(rawValue: 1 << 20)
    /// Table borders and thematic breaks.
    package static let rule = TextStyle(rawValue: 1 << 21)
    package static let tableHeader = TextStyle(rawValue: 1 << 22)
    /// `[image: alt]`.
    package static let image = TextStyle(rawValue: 1 << 23)
    /// Template code left by site generators (`{{< shortcode >}}`), shown as written but quiet.
    package static let template = TextStyle(rawValue: 1 << 24)
    /// A control character or bidi override from the post, shown as a visible symbol.
    package static let escaped = TextStyle(rawValue: 1 << 25)
    /// Secondary text: dates, counts, reading time, a code block's language label.
    package static let meta = TextStyle(rawValue: 1 << 26)
    /// The line under a level 1 or 2 heading.
    package static let headingRule = TextStyle(rawValue: 1 << 27)
    /// A match of the reader's search.
    package static let match = TextStyle(rawValue: 1 << 28)
    /// The selected row of a list.
    package static let selection = TextStyle(rawValue: 1 << 29)
    /// Titles of panes and the post's title in its header.
    package static let title = TextStyle(rawValue: 1 << 30)
    /// A tag name.
    package static let tag = TextStyle(rawValue: 1 << 31)
    /// Code that continues from the line above because it was too long (the continuation mark).
    package static let continuation = TextStyle(rawValue: 1 << 32)
    /// The current match of the reader's find (`n` and `N` step to it), set apart from the other matches.
    package static let currentMatch = TextStyle(rawValue: 1 << 33)
    /// The reader's current link (Tab, Shift-Tab): drawn so it shows without colour (reverse video).
    package static let currentLink = TextStyle(rawValue: 1 << 34)

    package static let plain: TextStyle = []
}

/// A run of text in one style. The text is already safe for a terminal (see `VisibleText`).
package struct StyledSpan: Hashable, Sendable {
    package var text: String
    package var style: TextStyle
    /// The URL a link's text points to, for terminals that show OSC 8 hyperlinks.
    package var link: String?

    package init(_ text: String, _ style: TextStyle = .plain, link: String? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }

    package var width: Int { DisplayWidth.of(text) }
}

/// One line of a rendered document, at most the width it was laid out for.
package struct StyledLine: Hashable, Sendable {
    package var spans: [StyledSpan]

    package init(_ spans: [StyledSpan] = []) { self.spans = spans }

    package init(_ text: String, _ style: TextStyle = .plain) { self.spans = text.isEmpty ? [] : [StyledSpan(text, style)] }

    package var width: Int { spans.reduce(0) { $0 + $1.width } }
    package var text: String { spans.map(\.text).joined() }

    /// Appends a span, merging it into the last one when the style is the same.
    package mutating func append(_ span: StyledSpan) {
        guard !span.text.isEmpty else { return }
        if let last = spans.last, last.style == span.style, last.link == span.link {
            spans[spans.count - 1].text += span.text
        } else {
            spans.append(span)
        }
    }

    package mutating func append(_ text: String, _ style: TextStyle = .plain) { append(StyledSpan(text, style)) }

    package mutating func append(contentsOf line: StyledLine) {
        for span in line.spans { append(span) }
    }

    /// Adds `style` to every span (a quote's body, a table header).
    package func adding(_ style: TextStyle) -> StyledLine {
        StyledLine(spans.map { StyledSpan($0.text, $0.style.union(style), link: $0.link) })
    }
}

extension TextStyle: CustomStringConvertible {
    private static let named: [(TextStyle, String)] = [
        (.heading1, "h1"), (.heading2, "h2"), (.heading3, "h3"), (.heading4, "h4"), (.emphasis, "em"), (.strong, "strong"),
        (.strikethrough, "strike"), (.code, "code"), (.codeBlock, "codeblock"), (.keyword, "keyword"), (.string, "string"),
        (.comment, "comment"), (.number, "number"), (.type, "type"), (.diffAdded, "added"), (.diffRemoved, "removed"),
        (.diffMeta, "diffmeta"), (.link, "link"), (.reference, "ref"), (.quote, "quote"), (.marker, "marker"), (.rule, "rule"),
        (.tableHeader, "th"), (.image, "image"), (.template, "template"), (.escaped, "escaped"), (.meta, "meta"),
        (.headingRule, "hrule"), (.match, "match"), (.selection, "selection"), (.title, "title"), (.tag, "tag"),
        (.continuation, "cont"), (.currentMatch, "current"), (.currentLink, "curlink"),
    ]

    /// The styles by short name, `title+selection`, for goldens and debugging.
    package var description: String {
        let names = TextStyle.named.filter { contains($0.0) }.map(\.1)
        return names.isEmpty ? "plain" : names.joined(separator: "+")
    }
}
