import BylineCore

extension LoadedPost {
    /// A post's body parsed once, with its word count: what every view of a post starts from.
    package init(markdown body: String) {
        self.init(document: MarkdownDocument.parse(body), words: WordCount.count(body))
    }

    /// The same from a body's bytes (`PostStore.bodyBytes`), as the reader and `byline show` load it:
    /// a long body's words are counted on the second core while cmark parses it on the first.
    package init(markdownUTF8 body: ArraySlice<UInt8>) {
        let (document, words) = MarkdownDocument.parse(utf8: body) { WordCount.count(utf8: body) }
        self.init(document: document, words: words)
    }

    /// A body as `show` and the reader show it (`PostStore.limitedBody`): when it was cut to its
    /// limit, a note at the end says how much is not shown.
    package init(_ body: PostLoader.Body) {
        self.init(markdownUTF8: SiteSyntax.prepare(body.bytes, mdx: body.mdx).bytes)
        if body.omittedBytes > 0 { document.blocks.append(Self.omissionNote(body.omittedBytes)) }
    }

    /// "… the rest of this post (195.3 MiB) is not shown: posts are shown up to 2 MiB".
    static func omissionNote(_ omitted: Int) -> Block {
        .paragraph([StyledSpan("… the rest of this post (\(PostLoader.sizeText(omitted))) is not shown: "
                               + "posts are shown up to \(PostLoader.sizeText(PostLoader.bodyLimit))", .meta)])
    }
}
