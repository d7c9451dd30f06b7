/// A live reload of a few files patches the store it replaces instead of assembling one from all the
/// files: at 100,000 posts `assemble` sorted, indexed and checked every post again (two thirds of a
/// second for one changed file). The patch moves the few posts by binary search, renumbers the tag and
/// language sets through one old-to-new map, and checks the affected slugs alone. What it cannot do
/// exactly as `assemble` would (redirect stubs, old names, clashing slugs, a records-backed store) it
/// declines, and the caller assembles as before.
extension PostStore {
    /// What a patch needs beside the store itself, kept between live reloads: counts `assemble` works
    /// out from every post, maintained here by the few posts a patch changes.
    package struct PatchBase: Sendable {
        /// The store the counts describe.
        package var store: PostStore
        /// How many of the store's posts' files spell a tag each way (the store shows, per tag key, the
        /// most common spelling). By spelling, not by key: no key is made (lower-cased) per post.
        var spellings: [String: Int]
        /// Whether any file is a redirect stub (they change old names and warnings: not patched).
        var hasStubs: Bool
        /// The files the walk's own problems name (a patch of one of them is declined).
        let finderFiles: Set<String>

        /// The counts of `store`, from its files' posts as read (`posts`, nil for a file that gave none)
        /// and the walk's problems `finderDiagnostics`.
        package init(store: PostStore, posts: some Sequence<Post?>, finderDiagnostics: [Diagnostic], includeDrafts: Bool) {
            self.store = store
            finderFiles = Set(finderDiagnostics.map(\.file))
            spellings = [:]
            hasStubs = false
            for post in posts {
                guard let post else { continue }
                if post.redirect != nil { hasStubs = true }
                guard PostStore.isListed(post, includeDrafts: includeDrafts) else { continue }
                count(post, by: 1)
            }
        }

        mutating func count(_ post: Post, by step: Int) {
            for tag in post.tags { spellings[tag, default: 0] += step }
        }

        /// The display spelling of tag `key`: the most common, ties to the one that sorts first.
        func name(of key: String) -> String? {
            spellings.filter { $0.value > 0 && TagName.key($0.key) == key }
                .max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        }
    }

    /// A slug in one language, as clashes are counted.
    struct SlugKey: Hashable, Sendable {
        var slug: String
        var language: String?
    }

    /// Whether a file's post is one of the store's posts (`assemble`'s rule).
    static func isListed(_ post: Post, includeDrafts: Bool) -> Bool {
        post.redirect == nil && (includeDrafts || !post.draft)
    }

    /// How a patch moved the posts: each old post's new number (-1: gone), a post whose file changed
    /// included (known by its path), so that the reader finds its selection without hashing every path.
    package struct Renumbering: Hashable, Sendable {
        package var newNumbers: [Int32]
        /// Old posts whose file was read again and gave a post again (same path): changed, not new.
        package var reread: [Int]
        package init(newNumbers: [Int32], reread: [Int]) {
            self.newNumbers = newNumbers
            self.reread = reread
        }
        package func newNumber(of old: Int) -> Int? {
            guard old >= 0, old < newNumbers.count, newNumbers[old] >= 0 else { return nil }
            return Int(newNumbers[old])
        }
    }

    /// The store `assemble` would give after the files `old` became `new` (same paths, either side may
    /// lack a file: added, removed), or nil when the patch declines (see the type's note); `base` then is
    /// no longer of use (its counts are changed in place, not copied) and is made again from the
    /// assembled store. `documents` gives each new file's document in the search index (by path).
    package static func patch(_ base: inout PatchBase, old: [LoadedFile], new: [LoadedFile], documents: [String: Int64],
                              includeDrafts: Bool) -> (store: PostStore, renumbering: Renumbering)? {
        let store = base.store
        guard !base.hasStubs, let oldPosts = store.posts.array else { return nil }
        let changedPaths = Set(old.map(\.path)).union(new.map(\.path))
        for entry in old + new {
            guard entry.diagnostics.allSatisfy({ $0.file == entry.path }) else { return nil }
            if let post = entry.post, post.redirect != nil || !post.aliases.isEmpty { return nil }
        }
        // A clash of slugs before or after: its warnings name other files; `assemble` works them out.
        if store.diagnostics.contains(where: { $0.kind == .duplicateSlug && changedPaths.contains($0.file) }) { return nil }
        var removedNumbers: [Int] = []
        var removedByPath: [String: Int] = [:]
        for entry in old {
            guard let post = entry.post, isListed(post, includeDrafts: includeDrafts) else { continue }
            guard let number = store.position(of: post, in: oldPosts) else { return nil }
            removedNumbers.append(number)
            removedByPath[post.path] = number
            base.count(post, by: -1)
        }
        var added: [(key: Post.SortKey, post: Post, path: String)] = []
        for entry in new {
            guard let post = entry.post, isListed(post, includeDrafts: includeDrafts) else { continue }
            added.append((Post.SortKey(post), post, entry.absolutePath))
            base.count(post, by: 1)
        }
        // Only the files' own problems are replaced: the walk's naming one of them would go too.
        if !base.finderFiles.isDisjoint(with: changedPaths) { return nil }

        // The posts: the old ones less the removed, the new ones put in by binary search.
        removedNumbers.sort()
        var posts = oldPosts
        var paths = store.allAbsolutePaths
        var documentIDs = store.documentIDs
        for number in removedNumbers.reversed() {
            posts.remove(at: number)
            if number < paths.count { paths.remove(at: number) }
            if number < documentIDs.count { documentIDs.remove(at: number) }
        }
        paths += [String?](repeating: nil, count: max(0, posts.count - paths.count))
        added.sort { $0.key < $1.key }
        var insertedAt: [Int] = []
        for item in added {
            var low = 0, high = posts.count
            while low < high {
                let middle = (low + high) / 2
                if Post.SortKey(posts[middle]) < item.key { low = middle + 1 } else { high = middle }
            }
            posts.insert(item.post, at: low)
            paths.insert(isUsualPath(item.path, of: item.post.path, in: store.realRoot) ? nil : item.path, at: low)
            if store.searchIndex != nil { documentIDs.insert(documents[item.post.path], at: low) }
            insertedAt.append(low)
        }
        // A slug of a changed file shared before or after: its warnings name other files (`assemble`'s).
        let affected = Set((old + new).compactMap { $0.post.map { SlugKey(slug: $0.slug, language: $0.language) } })
        if affected.contains(where: { slugClashes($0, in: oldPosts) || slugClashes($0, in: posts) }) { return nil }
        // Each insertion after the earlier ones (in order), so the positions found are final.
        var newNumbers = renumbering(oldCount: oldPosts.count, removed: removedNumbers, inserted: insertedAt)
        var reread: [Int] = []
        for (number, item) in zip(insertedAt, added) {
            guard let old = removedByPath[item.post.path] else { continue }
            newNumbers[old] = Int32(number)
            reread.append(old)
        }

        // The tag index: sets renumbered, the new posts' tags added, spellings and order worked out again.
        let tagKeys = Set(old.compactMap(\.post).flatMap(\.tags).map(TagName.key) + added.flatMap(\.post.tags).map(TagName.key))
        // The sets leave out the posts read again: they are put back with their tags as they are now.
        var kept = newNumbers
        for old in reread { kept[old] = -1 }
        let tags = store.tags.patched(newNumbers: kept, count: posts.count, identity: \.key,
                                      adding: zip(insertedAt, added).map { ($0, $1.post.tags.map(TagName.key)) }) { key, oldName in
            tagKeys.contains(key) ? base.name(of: key) ?? oldName ?? key : oldName ?? key
        }
        let languages = store.languages.patched(newNumbers: kept, count: posts.count, identity: \.name,
                                                adding: zip(insertedAt, added).map { ($0, $1.post.language.map { [$0] } ?? []) }) { language, _ in language }
        // Tags whose display spelling changed are spelled again in every post that has them.
        for tag in tags.tags where store.tags.tag(named: tag.key).map({ $0.name != tag.name }) ?? false {
            for number in tag.posts {
                posts[number].tags = posts[number].tags.map { TagName.key($0) == tag.key ? tag.name : $0 }
            }
        }
        for number in insertedAt where !posts[number].tags.isEmpty {
            posts[number].tags = posts[number].tags.map { tags.displayName($0) }
        }

        // Problems: the changed files' own replaced, kept sorted by file, line and column.
        let order: (Diagnostic, Diagnostic) -> Bool = { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
        var diagnostics = store.diagnostics.filter { !changedPaths.contains($0.file) }
        for diagnostic in new.flatMap(\.diagnostics).sorted(by: order) {
            var low = 0, high = diagnostics.count
            while low < high {
                let middle = (low + high) / 2
                if !order(diagnostic, diagnostics[middle]) { low = middle + 1 } else { high = middle }
            }
            diagnostics.insert(diagnostic, at: low)
        }
        // Old names belong to unchanged posts (a changed one with old names is declined): renumbered.
        let aliases = store.aliases.mapValues { Int(kept[$0]) }
        assert(!aliases.values.contains(-1), "old names of unchanged posts only")

        var patched = PostStore(root: store.root, realRoot: store.realRoot, layout: store.layout, posts: PostList(posts), tags: tags,
                                languages: languages, diagnostics: diagnostics, aliases: aliases,
                                absolutePaths: paths.contains { $0 != nil } ? paths : [])
        if let index = store.searchIndex { patched = patched.searching(with: index, documentIDs: documentIDs) }
        base.store = patched
        return (patched, Renumbering(newNumbers: newNumbers, reread: reread))
    }

    /// Each old post's new number: `removed` (sorted) are gone (-1), and the kept ones fill the places
    /// the `inserted` posts (final numbers) leave free, in their order.
    package static func renumbering(oldCount: Int, removed: [Int], inserted: [Int]) -> [Int32] {
        var numbers = [Int32](repeating: -1, count: oldCount)
        let taken = inserted.sorted()
        var removedIndex = 0, takenIndex = 0, next = 0
        for old in 0..<oldCount {
            if removedIndex < removed.count, removed[removedIndex] == old {
                removedIndex += 1
                continue
            }
            while takenIndex < taken.count, taken[takenIndex] == next {
                takenIndex += 1
                next += 1
            }
            numbers[old] = Int32(next)
            next += 1
        }
        return numbers
    }

    /// Whether two of `posts` have this slug in this language: one pass comparing slugs (a table of
    /// 100,000 slugs, kept between reloads, cost more to make than the passes of many reloads).
    private static func slugClashes(_ key: SlugKey, in posts: [Post]) -> Bool {
        var seen = 0
        return posts.withUnsafeBufferPointer { posts in
            for number in posts.indices where posts[number].slug == key.slug && posts[number].language == key.language {
                seen += 1
                if seen > 1 { return true }
            }
            return false
        }
    }

    /// Where `post` (as the store holds it, up to tag spelling) is in `posts`, by binary search on the
    /// store's order; nil when it is not there.
    private func position(of post: Post, in posts: [Post]) -> Int? {
        let key = Post.SortKey(post)
        var low = 0, high = posts.count
        while low < high {
            let middle = (low + high) / 2
            if Post.SortKey(posts[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low < posts.count && posts[low].path == post.path ? low : nil
    }
}

extension TagIndex {
    /// This index after the posts were renumbered (`newNumbers`, -1: gone) and posts added with the
    /// given keys (`identity` names a tag), in a store of `count` posts; each tag named by `name(key,
    /// its old name)`, empty tags dropped, ordered as `init(posts:)` orders them.
    func patched(newNumbers: [Int32], count: Int, identity: KeyPath<Tag, String>, adding: [(Int, [String])],
                 name: (String, String?) -> String) -> TagIndex {
        var sets: [String: (posts: PostSet, oldName: String?)] = [:]
        for tag in tags {
            var set = PostSet(capacity: count)
            for member in tag.posts where newNumbers[member] >= 0 { set.insert(Int(newNumbers[member])) }
            sets[tag[keyPath: identity]] = (set, tag.name)
        }
        for (number, keys) in adding {
            for key in keys { sets[key, default: (PostSet(capacity: count), nil)].posts.insert(number) }
        }
        var counted: [(tag: Tag, count: Int)] = []
        for (id, entry) in sets {
            let members = entry.posts.count
            guard members > 0 else { continue }
            let tagName = name(id, entry.oldName)
            counted.append((Tag(key: TagName.key(tagName), name: tagName, posts: entry.posts), members))
        }
        counted.sort { a, b in a.count != b.count ? a.count > b.count : TagIndex.byName(a.tag, b.tag) }
        return TagIndex(tags: counted.map(\.tag))
    }
}
