/// One post of a blog: what lists, filters and previews need, read from the front matter and the place
/// of the file. The body is not kept; `PostStore.body(of:)` reads it when it is shown.
package struct Post: Hashable, Sendable, Identifiable {
    /// Relative to the posts folder, `/`-separated. Unique within a store.
    package var path: String
    /// The name to open the post by: the front matter's `slug`, else the file (or bundle folder) name
    /// without a Jekyll date prefix.
    package var slug: String
    /// The front matter's title, else the first level-1 heading, else the slug.
    package var title: String
    package var date: PostDate?
    /// In their display spelling once the post is in a store (the most common spelling of each tag).
    package var tags: [String]
    /// The front matter's summary or description, else the first paragraph as plain text.
    package var summary: String
    /// The file's size in bytes (for reading-time estimates before the body is read), and whether the
    /// post is a draft in the low bit: one word, not two (a store holds 100,000 posts).
    private var sizeAndDraft: Int
    /// The language as `LanguageTag.packed` keeps it: its ASCII bytes in one word, 0 for none.
    private var packedLanguage: UInt64

    package var draft: Bool {
        get { sizeAndDraft & 1 != 0 }
        set { sizeAndDraft = sizeAndDraft & ~1 | (newValue ? 1 : 0) }
    }

    package var fileSize: Int {
        get { sizeAndDraft >> 1 }
        set { sizeAndDraft = max(0, newValue) << 1 | sizeAndDraft & 1 }
    }

    /// A BCP 47 tag (`en`, `pt-BR`): the front matter's `lang` or `language`, else the file's place
    /// (`LanguageTag`); nil when unknown.
    package var language: String? {
        get { LanguageTag.unpacked(packedLanguage) }
        set { packedLanguage = LanguageTag.packed(newValue) }
    }

    package var id: String { path }

    package init(path: String, slug: String, title: String, date: PostDate?, tags: [String], summary: String,
                draft: Bool, fileSize: Int, language: String? = nil) {
        self.path = path
        self.slug = slug
        self.title = title
        self.date = date
        self.tags = tags
        self.summary = summary
        sizeAndDraft = max(0, fileSize) << 1 | (draft ? 1 : 0)
        packedLanguage = LanguageTag.packed(language)
    }

    /// The store's order as a value: newest first, undated last, then by title and path.
    struct SortKey: Comparable {
        var undated: Bool
        var seconds: Int64
        var nanoseconds: Int
        var title: String
        var path: String

        init(_ post: Post) {
            undated = post.date == nil
            seconds = -(post.date?.secondsSinceEpoch ?? 0)
            nanoseconds = -(post.date?.time?.nanosecond ?? 0)
            title = post.title.lowercased()
            path = post.path
        }

        /// Field by field, as a tuple of them would compare, without building the tuples (and copying
        /// two strings) on each of the million comparisons a large blog's sort makes.
        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.undated != b.undated { return !a.undated }
            if a.seconds != b.seconds { return a.seconds < b.seconds }
            if a.nanoseconds != b.nanoseconds { return a.nanoseconds < b.nanoseconds }
            if a.title != b.title { return a.title < b.title }
            return a.path < b.path
        }
    }

    /// Newest first; posts without a date after all dated ones; then by title and path, so the
    /// order never depends on the order files were read in.
    package static func newestFirst(_ a: Post, _ b: Post) -> Bool {
        switch (a.date, b.date) {
        case let (l?, r?) where l != r: return l > r
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            let (l, r) = (a.title.lowercased(), b.title.lowercased())
            return l != r ? l < r : a.path < b.path
        }
    }
}
