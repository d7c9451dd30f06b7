/// Queries: the tag filter, and the search, answered by the index for the posts it holds and by
/// reading the others' bodies in list order.
extension PostStore {
    /// The numbers of the posts that the query's tags allow, newest first, without the search.
    package func tagMatches(_ query: PostQuery) -> PostSet {
        var result = PostSet.all(posts.count)
        let required = query.requiredTags.map { tags.tag(named: $0)?.posts ?? PostSet(capacity: posts.count) }
        if !required.isEmpty {
            switch query.match {
            case .all: result = required.reduce(result) { $0.intersection($1) }
            case .any: result = required.reduce(PostSet(capacity: posts.count)) { $0.union($1) }
            }
        }
        for name in query.excludedTags {
            if let tag = tags.tag(named: name) { result = result.subtracting(tag.posts) }
        }
        // A post has one language: languages asked for combine as "any of them", whatever `match` says.
        if !query.languages.isEmpty {
            let empty = PostSet(capacity: posts.count)
            result = result.intersection(query.languages.reduce(empty) { $0.union(languages.tag(named: $1)?.posts ?? empty) })
        }
        for name in query.excludedLanguages {
            if let language = languages.tag(named: name) { result = result.subtracting(language.posts) }
        }
        return result
    }

    /// The blog's languages that `wanted` names (`LanguageTag.matches`: `pt` names `pt` and `pt-BR`), or
    /// `wanted` itself when it names none of them, so that a filter by it leaves no post.
    package func languages(named wanted: String) -> [String] {
        let found = languages.tags.map(\.name).filter { LanguageTag.matches($0, wanted) }
        return found.isEmpty ? [LanguageTag.normalized(wanted) ?? wanted] : found
    }

    /// The posts the whole query leaves, newest first. Searching reads the bodies of the candidates
    /// the search index (if any) does not hold.
    package func matches(_ query: PostQuery) -> [Int] {
        matches(query, cancelled: { false }) ?? []
    }

    /// The same, giving up (nil) as soon as `cancelled` says so: a search superseded by the next
    /// keystroke stops reading bodies instead of competing with it.
    /// `progress` hears, after each block of bodies, what the scan has settled (`SearchPartial`).
    package func matches(_ query: PostQuery, cancelled: @escaping @Sendable () -> Bool,
                        progress: (SearchPartial) -> Void = { _ in }) -> [Int]? {
        let candidates = Array(tagMatches(query))
        let terms = query.searchTerms
        guard !terms.isEmpty else { return candidates }
        // Posts the index holds are answered by it; the rest (or all, without an index) are scanned, and
        // so are its candidates for the terms it could not settle (`unsettled`), for those terms alone.
        var indexed = PostSet(capacity: posts.count)
        var found = PostSet(capacity: posts.count)
        var unsettled: [SearchTerm] = []
        var unchecked = PostSet(capacity: posts.count)
        if let searchIndex, let answer = searchIndex.candidates(matchingAll: terms) {
            indexed = indexedPosts
            unsettled = answer.unsettled
            for document in answer.documents {
                guard let number = post(ofDocument: document) else { continue }
                if unsettled.isEmpty { found.insert(number) } else { unchecked.insert(number) }
            }
        }
        guard !cancelled() else { return nil }
        let scanned = candidates.filter { !indexed.contains($0) || unchecked.contains($0) }
        let (held, toSettle) = (indexed, unsettled)
        // In list order and in blocks, so that what is settled can be told between them; the first
        // blocks are small, so the first screen of results is told after a few hundred bodies.
        var settled: [Int] = []
        var cursor = 0
        var start = 0
        var block = Self.firstScanBlock
        while start < scanned.count {
            let part = Array(scanned[start..<min(start + block, scanned.count)])
            let keep = ParallelMap.map(part) { number in
                !cancelled() && self.post(number, containsAll: held.contains(number) ? toSettle : terms, cancelled: cancelled)
            }
            guard !cancelled() else { return nil }
            for (number, kept) in zip(part, keep) where kept { found.insert(number) }
            start += part.count
            block = min(block * 2, Self.scanBlock)
            let through = start == scanned.count ? (candidates.last ?? -1) : part[part.count - 1]
            while cursor < candidates.count, candidates[cursor] <= through {
                if found.contains(candidates[cursor]) { settled.append(candidates[cursor]) }
                cursor += 1
            }
            progress(SearchPartial(query: query, found: settled, settledThrough: through, done: start, total: scanned.count))
        }
        return candidates.filter { found.contains($0) }
    }

    /// Bodies read in the scan's first block, and at most in any block (each block after the first is
    /// twice the one before).
    static let firstScanBlock = 256
    static let scanBlock = 2048

    /// The scan: the title, summary, tags and authors first (no disk), then the body.
    private func post(_ number: Int, containsAll terms: [SearchTerm], cancelled: () -> Bool = { false }) -> Bool {
        Self.post(posts[number], bodyAt: absolutePath(of: number), containsAll: terms, cancelled: cancelled)
    }

    /// The scan's test of one post whose body is the file at `absolutePath`: also how the search index
    /// checks the candidates it cannot answer exactly (terms of several words), so that both agree.
    package static func post(_ post: Post, bodyAt absolutePath: String, containsAll terms: [SearchTerm],
                             cancelled: () -> Bool = { false }) -> Bool {
        let fields = searchFields(of: post)
        let missing = terms.filter { term in !fields.contains { term.occurs(in: $0) } }
        guard !missing.isEmpty else { return true }
        guard case let .success(body) = PostLoader.bodyBytes(at: absolutePath) else { return false }
        return body.withUnsafeBufferPointer { SearchText.containsAll(missing, inWordsOf: $0, cancelled: cancelled) }
    }

    /// The fields search looks in, besides the body, normalized: title, summary, tags (one field),
    /// authors (one field, when there are any).
    package static func searchFields(of post: Post) -> [[UInt8]] {
        let fields = [SearchText.normalized(post.title), SearchText.normalized(post.summary),
                      SearchText.normalized(post.tags.joined(separator: " "))]
        return post.authors.isEmpty ? fields : fields + [SearchText.normalized(post.authors.joined(separator: " "))]
    }
}
