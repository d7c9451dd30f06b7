/// A store's posts found by name (slug, path, old name) and their bodies, read from disk when asked for.
extension PostStore {
    /// The post with this slug, or at this path (relative to the folder, or absolute inside it), or
    /// with this old name (`aliases`).
    package func number(of slugOrPath: String) -> Int? {
        if let exact = posts.firstIndex(where: { $0.slug == slugOrPath }) { return exact }
        if let path = posts.firstIndex(where: { $0.path == slugOrPath }) { return path }
        if let real = realPath(slugOrPath), let index = posts.indices.first(where: { absolutePath(of: $0) == real }) { return index }
        return number(ofSlug: slugOrPath)
    }

    /// The post a slug (or an old URL) names: its own, in any case, else an old name's (`aliases`).
    package func number(ofSlug slug: String) -> Int? {
        if let exact = posts.firstIndex(where: { $0.slug == slug }) { return exact }
        let lowered = slug.lowercased()
        if let number = posts.firstIndex(where: { $0.slug.lowercased() == lowered }) { return number }
        guard !aliases.isEmpty else { return nil }
        return aliases[lowered] ?? RedirectStub.slug(of: slug).flatMap { aliases[$0] }
    }

    /// What a slug or path given by name finds.
    package enum Lookup: Equatable {
        case post(Int)
        /// Several posts answer to the slug (translations), none in the reader's language: by store order.
        case several([Int])
        case none
    }

    /// The post `slugOrPath` names (`number(of:)`); when several posts share the slug (translations),
    /// the one in the reader's language (`LanguageTag.best`), else all of them.
    package func lookup(_ slugOrPath: String, preferring reader: String?) -> Lookup {
        let sameSlug = posts.indices.filter { posts[$0].slug == slugOrPath }
        guard sameSlug.count > 1 else { return number(of: slugOrPath).map(Lookup.post) ?? .none }
        if let reader, let language = LanguageTag.best(of: sameSlug.compactMap { posts[$0].language }, for: reader) {
            let chosen = sameSlug.filter { posts[$0].language == language }
            if chosen.count == 1 { return .post(chosen[0]) }
        }
        return .several(sameSlug)
    }

    /// Where post `number`'s file is (symlinks resolved).
    package func absolutePath(of number: Int) -> String {
        if let mapped = posts.mapped { return mapped.absolutePath(number) ?? realRoot + "/" + mapped.path(number) }
        return (number < absolutePaths.count ? absolutePaths[number] : nil) ?? realRoot + "/" + posts[number].path
    }

    /// The body of post `number`: everything after its front matter, as clean UTF-8 with LF line ends.
    package func body(of number: Int) -> Result<String, PostFile.ReadError> {
        PostLoader.body(at: absolutePath(of: number))
    }

    /// The same body as bytes (`PostLoader.bodyBytes`).
    package func bodyBytes(of number: Int) -> Result<ArraySlice<UInt8>, PostFile.ReadError> {
        PostLoader.bodyBytes(at: absolutePath(of: number))
    }

    /// The body as it is shown: cut to `PostLoader.bodyLimit`, with how much was left out.
    package func limitedBody(of number: Int) -> Result<PostLoader.Body, PostFile.ReadError> {
        PostLoader.limitedBody(at: absolutePath(of: number), path: posts[number].path)
    }

    /// Words in the body: runs of non-blank characters that hold a letter or digit (markup alone is no word).
    package func wordCount(of number: Int) -> Int? {
        guard case let .success(body) = body(of: number) else { return nil }
        return WordCount.count(body)
    }

    /// Word counts of many posts, read on all cores.
    package func wordCounts(of numbers: [Int]) -> [Int?] {
        ParallelMap.map(numbers) { self.wordCount(of: $0) }
    }
}
