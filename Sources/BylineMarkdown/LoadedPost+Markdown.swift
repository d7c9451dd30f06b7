import BylineCore

extension LoadedPost {
    /// A post's body parsed once, with its word count: what every view of a post starts from.
    public init(markdown body: String) {
        self.init(document: MarkdownDocument.parse(body), words: WordCount.count(body))
    }
}
