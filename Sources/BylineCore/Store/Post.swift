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
    package var draft: Bool
    /// `draft` and this fill the bytes the date leaves before `tags`' alignment, so that a post stays
    /// 112 bytes with its language and `extras` (a store holds 100,000 posts): 4 GB is more than an
    /// estimate needs.
    private var storedFileSize: UInt32
    /// In their display spelling once the post is in a store (the most common spelling of each tag).
    package var tags: [String]
    /// The front matter's summary or description, else the first paragraph as plain text.
    package var summary: String
    /// The language as `LanguageTag.packed` keeps it: its ASCII bytes in one word, 0 for none. Inline, not
    /// in `extras`, because filtering by language reads it for every post.
    private var packedLanguage: UInt64
    /// What few posts have, in one reference (nil for most): 100,000 posts must stay small.
    private var extras: PostExtras?

    /// Who wrote it, as the front matter names them (`author`, `authors`, `by`); often none.
    package var authors: [String] {
        get { extras?.authors ?? [] }
        set { extras = PostExtras(authors: newValue, aliases: aliases, redirect: redirect) }
    }

    /// Other names that open it: the old URLs of Jekyll's `redirect_from` and Hugo's `aliases`, as slugs
    /// (`RedirectStub.slug(of:)`). A stub's name, which also opens it, is the store's (`PostStore.aliases`).
    package var aliases: [String] {
        get { extras?.aliases ?? [] }
        set { extras = PostExtras(authors: authors, aliases: newValue, redirect: redirect) }
    }

    /// Set when the file is a redirect stub, not a post: the store leaves it out of its posts and opens
    /// its target by its name instead.
    package var redirect: RedirectStub? {
        get { extras?.redirect }
        set { extras = PostExtras(authors: authors, aliases: aliases, redirect: newValue) }
    }

    /// The file's size in bytes (at most 4 GB), for reading-time estimates before the body is read.
    package var fileSize: Int {
        get { Int(storedFileSize) }
        set { storedFileSize = UInt32(clamping: newValue) }
    }

    /// A BCP 47 tag (`en`, `pt-BR`): the front matter's `lang` or `language`, else the file's place
    /// (`LanguageTag`); nil when unknown.
    package var language: String? {
        get { LanguageTag.unpacked(packedLanguage) }
        set { packedLanguage = LanguageTag.packed(newValue) }
    }

    package var id: String { path }

    package init(path: String, slug: String, title: String, date: PostDate?, tags: [String], summary: String,
                draft: Bool, fileSize: Int, authors: [String] = [], language: String? = nil) {
        self.path = path
        self.slug = slug
        self.title = title
        self.date = date
        self.tags = tags
        self.summary = summary
        self.draft = draft
        storedFileSize = UInt32(clamping: fileSize)
        packedLanguage = LanguageTag.packed(language)
        extras = PostExtras(authors: authors, aliases: [], redirect: nil)
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

/// A post's rarer fields, boxed (`Post.extras`); nil when all are empty, so equal posts hold equal boxes.
private final class PostExtras: Hashable, Sendable {
    let authors: [String]
    let aliases: [String]
    let redirect: RedirectStub?

    /// Nil when there is nothing to hold.
    init?(authors: [String], aliases: [String], redirect: RedirectStub?) {
        guard !authors.isEmpty || !aliases.isEmpty || redirect != nil else { return nil }
        self.authors = authors
        self.aliases = aliases
        self.redirect = redirect
    }

    static func == (a: PostExtras, b: PostExtras) -> Bool {
        a === b || a.authors == b.authors && a.aliases == b.aliases && a.redirect == b.redirect
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(authors)
        hasher.combine(aliases)
        hasher.combine(redirect)
    }
}
