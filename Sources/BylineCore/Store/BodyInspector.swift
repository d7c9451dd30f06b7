/// What the store asks of a markdown parser when the front matter is silent. BylineCore parses no
/// markdown itself; `BylineMarkdown.CmarkBodyInspector` answers with cmark-gfm.
package protocol BodyInspector: Sendable {
    /// The text of the first level-1 heading (ATX `#` or setext `===`), as plain text.
    func firstHeading(in markdown: String) -> String?
    /// The first paragraph as plain text: markup removed, links reduced to their text.
    func firstParagraph(in markdown: String) -> String?
}
