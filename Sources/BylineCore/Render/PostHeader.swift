/// The header above a rendered post: its title, then date, authors, tags and reading time on one line.
/// The preview, the reader and `byline show` all show a post under this header.
package enum PostHeader {
    /// Words a minute for reading-time estimates; a common figure for reading on a screen.
    package static let wordsPerMinute = 230

    package static func readingMinutes(words: Int) -> Int { max(1, (words + wordsPerMinute - 1) / wordsPerMinute) }

    package static func lines(_ post: Post, words: Int, width: Int, glyphs: Glyphs = .unicode) -> [StyledLine] {
        var lines = TextWrapper.wrap(SafeText.lineSpans(post.title, [.title, .heading2]), width: width)
        var meta: [StyledSpan] = []
        func separate() { if !meta.isEmpty { meta.append(StyledSpan(" · ", .meta)) } }
        if let date = post.date { meta.append(StyledSpan(date.dayString, .meta)) }
        if !post.authors.isEmpty {
            separate()
            meta += SafeText.lineSpans("by " + post.authors.joined(separator: ", "), .meta)
        }
        for (index, tag) in post.tags.enumerated() {
            if index == 0 { separate() } else { meta.append(StyledSpan(" ", .meta)) }
            meta += SafeText.lineSpans("#" + tag, .tag)
        }
        separate()
        meta.append(StyledSpan("\(readingMinutes(words: words)) min read", .meta))
        if post.draft {
            separate()
            meta.append(StyledSpan("draft", [.meta, .strong]))
        }
        lines += TextWrapper.wrap(meta, width: width)
        lines.append(StyledLine(Blank.repeated(glyphs.rule, width), .rule))
        return lines
    }
}

/// Text from a post as spans: every control character and bidi override replaced by its visible symbol
/// (see `VisibleText`), styled `.escaped` so a reader sees that something was there.
package enum SafeText {
    /// Newlines and tabs are kept (the layout decides what they mean).
    package static func spans(_ text: String, _ style: TextStyle, link: String? = nil) -> [StyledSpan] {
        guard !VisibleText.isSafe(text) else { return [StyledSpan(text, style, link: link)] }
        var spans: [StyledSpan] = []
        var run = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if VisibleText.needsEscape(scalar) {
                if !run.isEmpty { spans.append(StyledSpan(String(run), style, link: link)); run = String.UnicodeScalarView() }
                spans.append(StyledSpan(VisibleText.symbol(for: scalar), style.union(.escaped), link: link))
            } else {
                run.append(scalar)
            }
        }
        if !run.isEmpty { spans.append(StyledSpan(String(run), style, link: link)) }
        return spans
    }

    /// On one line: newlines and tabs become spaces (titles, tags, summaries).
    package static func lineSpans(_ text: String, _ style: TextStyle) -> [StyledSpan] {
        spans(String(text.map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 }), style)
    }
}
