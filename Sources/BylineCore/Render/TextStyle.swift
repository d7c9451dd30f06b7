/// What a piece of text is, never how it looks: a theme decides the look. Styles nest (a link inside
/// strong text inside a quote), so they combine as a set.
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let heading1 = TextStyle(rawValue: 1 << 0)
    public static let heading2 = TextStyle(rawValue: 1 << 1)
    public static let heading3 = TextStyle(rawValue: 1 << 2)
    /// Headings of level 4 to 6.
    public static let heading4 = TextStyle(rawValue: 1 << 3)
    public static let emphasis = TextStyle(rawValue: 1 << 4)
    public static let strong = TextStyle(rawValue: 1 << 5)
    public static let strikethrough = TextStyle(rawValue: 1 << 6)
    /// Inline code.
    public static let code = TextStyle(rawValue: 1 << 7)
    /// Every cell of a fenced or indented code block, padding included.
    public static let codeBlock = TextStyle(rawValue: 1 << 8)
    public static let keyword = TextStyle(rawValue: 1 << 9)
    public static let string = TextStyle(rawValue: 1 << 10)
    public static let comment = TextStyle(rawValue: 1 << 11)
    public static let number = TextStyle(rawValue: 1 << 12)
    /// A type or builtin name, for languages whose definition lists them.
    public static let type = TextStyle(rawValue: 1 << 13)
    public static let diffAdded = TextStyle(rawValue: 1 << 14)
    public static let diffRemoved = TextStyle(rawValue: 1 << 15)
    /// A diff's `@@` hunk header and file lines.
    public static let diffMeta = TextStyle(rawValue: 1 << 16)
    /// Link text.
    public static let link = TextStyle(rawValue: 1 << 17)
    /// The `[3]` after a link or image, and the numbers of the reference list.
    public static let reference = TextStyle(rawValue: 1 << 18)
    public static let quote = TextStyle(rawValue: 1 << 19)
    /// Bullets, numbers, checkboxes, quote bars: structure, not content.
    public static let marker = TextStyle(rawValue: 1 << 20)
    /// Table borders and thematic breaks.
    public static let rule = TextStyle(rawValue: 1 << 21)
    public static let tableHeader = TextStyle(rawValue: 1 << 22)
    /// `[image: alt]`.
    public static let image = TextStyle(rawValue: 1 << 23)
    /// Template code left by site generators (`{{< shortcode >}}`), shown as written but quiet.
    public static let template = TextStyle(rawValue: 1 << 24)
    /// A control character or bidi override from the post, shown as a visible symbol.
    public static let escaped = TextStyle(rawValue: 1 << 25)
    /// Secondary text: dates, counts, reading time, a code block's language label.
    public static let meta = TextStyle(rawValue: 1 << 26)
    /// The line under a level 1 or 2 heading.
    public static let headingRule = TextStyle(rawValue: 1 << 27)
    /// A match of the reader's search.
    public static let match = TextStyle(rawValue: 1 << 28)
    /// The selected row of a list.
    public static let selection = TextStyle(rawValue: 1 << 29)
    /// Titles of panes and the post's title in its header.
    public static let title = TextStyle(rawValue: 1 << 30)
    /// A tag name.
    public static let tag = TextStyle(rawValue: 1 << 31)
    /// Code that continues from the line above because it was too long (the continuation mark).
    public static let continuation = TextStyle(rawValue: 1 << 32)

    public static let plain: TextStyle = []
}

/// A run of text in one style. The text is already safe for a terminal (see `VisibleText`).
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var style: TextStyle
    /// The URL a link's text points to, for terminals that show OSC 8 hyperlinks.
    public var link: String?

    public init(_ text: String, _ style: TextStyle = .plain, link: String? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }

    public var width: Int { DisplayWidth.of(text) }
}

/// One line of a rendered document, at most the width it was laid out for.
public struct StyledLine: Hashable, Sendable {
    public var spans: [StyledSpan]

    public init(_ spans: [StyledSpan] = []) { self.spans = spans }

    public init(_ text: String, _ style: TextStyle = .plain) { self.spans = text.isEmpty ? [] : [StyledSpan(text, style)] }

    public var width: Int { spans.reduce(0) { $0 + $1.width } }
    public var text: String { spans.map(\.text).joined() }
    public var isBlank: Bool { spans.allSatisfy { $0.text.allSatisfy { $0 == " " } } }

    /// Appends a span, merging it into the last one when the style is the same.
    public mutating func append(_ span: StyledSpan) {
        guard !span.text.isEmpty else { return }
        if let last = spans.last, last.style == span.style, last.link == span.link {
            spans[spans.count - 1].text += span.text
        } else {
            spans.append(span)
        }
    }

    public mutating func append(_ text: String, _ style: TextStyle = .plain) { append(StyledSpan(text, style)) }

    public mutating func append(contentsOf line: StyledLine) {
        for span in line.spans { append(span) }
    }

    /// Adds `style` to every span (a quote's body, a table header).
    public func adding(_ style: TextStyle) -> StyledLine {
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
        (.continuation, "cont"),
    ]

    /// The styles by short name, `title+selection`, for goldens and debugging.
    public var description: String {
        let names = TextStyle.named.filter { contains($0.0) }.map(\.1)
        return names.isEmpty ? "plain" : names.joined(separator: "+")
    }
}
