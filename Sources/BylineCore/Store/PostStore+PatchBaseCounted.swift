/// The patch base of the first live reload after a start from the cache: the store the reader already
/// has (decoded from the cache's snapshot, or made from its rows), with the counts the cache gives by
/// a query of a few columns. Assembling that store again from every file's row first was 1.3 s of a
/// first reload at 100,000 posts.
extension PostStore.PatchBase {
    /// The base of `store` given its counts as `init(store:posts:...)` would work them out: the tag
    /// spellings of the listed posts' files (`spellings`) and whether any file is a redirect stub.
    /// A store of a snapshot's records gets its posts made into one array (what a patch copies).
    package init(store: PostStore, spellings: [String: Int], hasStubs: Bool, finderDiagnostics: [Diagnostic]) {
        self.store = store.postsInOneArray()
        self.spellings = spellings
        self.hasStubs = hasStubs
        finderFiles = Set(finderDiagnostics.map(\.file))
    }
}

extension PostStore {
    /// This store with its posts held as one array (a snapshot's or a store file's records made into posts, once), the
    /// rest as it is; itself when they are held so already.
    func postsInOneArray() -> PostStore {
        guard posts.array == nil else { return self }
        let store = PostStore(root: root, realRoot: realRoot, layout: layout, posts: PostList(Array(posts)), tags: tags,
                              languages: languages, diagnostics: diagnostics, aliases: aliases, absolutePaths: allAbsolutePaths)
        guard let searchIndex else { return store }
        return store.searching(with: searchIndex, documentIDs: documentIDs)
    }
}
