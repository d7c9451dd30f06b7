/// A document's top-level headings, for the reader's outline, the section its status line names and an
/// internal link's `#anchor`. Width-independent: the line each starts on is the layout's
/// (`DocumentLayout.Progressive.headingLines`, in the same order).
package struct DocumentHeading: Hashable, Sendable {
    package var level: Int
    /// The heading's text on one line.
    package var title: String
    /// The name an `#anchor` gives it: GitHub's (and Hugo's and Zola's default) slug of the title,
    /// with `-1`, `-2` added to repeats, as those sites number them.
    package var anchor: String
}

extension Document {
    /// The top-level headings in order.
    package var headings: [DocumentHeading] {
        var seen: [String: Int] = [:]
        return blocks.compactMap { block in
            guard case let .heading(level, spans) = block else { return nil }
            let title = spans.map(\.text).joined().split(whereSeparator: \.isNewline).joined(separator: " ")
            var anchor = DocumentHeading.slug(title)
            if let count = seen[anchor] {
                seen[anchor] = count + 1
                anchor += "-\(count + 1)"
            } else {
                seen[anchor] = 0
            }
            return DocumentHeading(level: level, title: title, anchor: anchor)
        }
    }

    /// The index of the heading `anchor` names (`#Why-Swift`, percent-encoded or not), if any: its
    /// slug first, then its title compared as a slug (a site that kept case or punctuation).
    package func heading(anchor: String) -> Int? {
        let wanted = anchor.percentDecoded ?? anchor
        let all = headings
        if let exact = all.firstIndex(where: { $0.anchor == wanted }) { return exact }
        let slugged = DocumentHeading.slug(wanted)
        return all.firstIndex { $0.anchor == slugged }
    }
}

extension DocumentHeading {
    /// GitHub's heading slug: lower case, letters, digits, `-` and `_` kept, spaces to `-`, the rest dropped.
    package static func slug(_ title: String) -> String {
        var out = ""
        for character in title.lowercased() {
            if character == " " { out.append("-") } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            }
        }
        return out
    }
}
