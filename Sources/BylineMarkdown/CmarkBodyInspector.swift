import BylineCore
@preconcurrency import CCmarkGFM

/// Finds a post's title and summary in its body with cmark-gfm, for posts whose front matter lacks them.
package struct CmarkBodyInspector: BodyInspector {
    package init() {}

    package func firstHeading(in markdown: String) -> String? {
        let document = CmarkDocument(markdown.utf8)
        var node = cmark_node_first_child(document.root)
        while let current = node {
            if current.cmarkType == CMARK_NODE_HEADING, cmark_node_get_heading_level(current) == 1 {
                return nonEmpty(current.cmarkPlainText)
            }
            node = cmark_node_next(current)
        }
        return nil
    }

    /// The first top-level paragraph that says something: not an image alone, not template code.
    /// With a `<!--more-->` marker, the top-level paragraphs before it, as Hugo, Jekyll and Zola summarise.
    package func firstParagraph(in markdown: String) -> String? {
        let marker = SummaryText.moreMarker(in: markdown)
        let document = CmarkDocument(marker.map { markdown.utf8[..<$0] } ?? markdown.utf8[...])
        var paragraphs: [String] = []
        var node = cmark_node_first_child(document.root)
        while let current = node {
            let text = current.cmarkType == CMARK_NODE_PARAGRAPH ? nonEmpty(current.cmarkPlainText)
                : current.cmarkType == CMARK_NODE_HTML_BLOCK ? htmlParagraph(current.cmarkLiteral) : nil
            if let text, !text.hasPrefix("{{"), !text.hasPrefix("{%"), let clean = nonEmpty(SummaryText.clean(text)) {
                if marker == nil { return clean }
                paragraphs.append(clean)
            }
            node = cmark_node_next(current)
        }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: " ")
    }

    /// The text of an HTML block's first paragraph (`<p>`, or loose text), read as the renderer reads
    /// HTML: a post exported from WordPress is HTML from its first line.
    private func htmlParagraph(_ html: String) -> String? {
        for case let .paragraph(spans) in MarkdownDocument.parse(html).blocks {
            // Without images and the `[n]` markers, as cmark's plain text of a markdown paragraph.
            let text = spans.filter { !$0.style.contains(.reference) && !$0.style.contains(.image) }.map(\.text).joined()
            if let line = nonEmpty(text) { return line }
        }
        return nil
    }

    private func nonEmpty(_ text: String) -> String? {
        let line = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        return line.isEmpty ? nil : line
    }
}
