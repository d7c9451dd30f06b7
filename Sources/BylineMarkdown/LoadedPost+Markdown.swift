import BylineCore

extension LoadedPost {
    /// A post's body parsed once, with its word count: what every view of a post starts from.
    public init(markdown body: String) {
        // A long body's words are counted on the second core while cmark parses it on the first.
        let (document, words) = MarkdownDocument.parse(body) { WordCount.count(body) }
        self.init(document: document, words: words)
    }

    /// The same from a body's bytes (`PostStore.bodyBytes`), for `byline show`.
    public init(markdownUTF8 body: ArraySlice<UInt8>) {
        let (document, words) = MarkdownDocument.parse(utf8: body) { WordCount.count(utf8: body) }
        self.init(document: document, words: words)
    }
}
