import Synchronization

/// Which post a link inside the blog names, looked up, not searched for: the table of every post's
/// path and names (`InternalLink.keys`) is built once per store, the first time it is asked for or
/// warmed off the input thread (`prepare`, after a body with internal links is parsed), and shared by
/// every copy of the store. At 100,000 posts it holds about 300,000 keys (a few tens of MB at most,
/// built in tens of milliseconds); a follow after that is two or three dictionary look-ups.
package final class PostLinkIndex: Sendable {
    /// The posts by path (relative to the folder) and by name (slug and file name, lower case).
    struct Table: Sendable {
        var paths: [String: Int]
        var names: [String: Int]
    }

    private let table = Mutex<Table?>(nil)

    package init() {}

    /// Builds the table for `store` now if it is not built yet: the runtime calls it off the input
    /// thread, so the first follow finds it ready.
    package func prepare(_ store: PostStore) { _ = built(store) }

    /// Whether the table is built (for tests).
    package var isBuilt: Bool { table.withLock { $0 != nil } }

    private func built(_ store: PostStore) -> Table {
        if let ready = table.withLock({ $0 }) { return ready }
        // Built outside the lock: two builders at once make the same table, and the first kept wins.
        let made = Self.make(store)
        return table.withLock { kept in
            if kept == nil { kept = made }
            return kept!
        }
    }

    private static func make(_ store: PostStore) -> Table {
        var paths: [String: Int] = Dictionary(minimumCapacity: store.posts.count)
        var names: [String: Int] = Dictionary(minimumCapacity: 2 * store.posts.count)
        // Newest first: where two posts answer to a name, the newer does (as `show SLUG` picks).
        for number in store.posts.indices {
            let post = store.posts[number]
            if paths[post.path] == nil { paths[post.path] = number }
            for name in InternalLink.keys(of: post) where names[name] == nil { names[name] = number }
        }
        return Table(paths: paths, names: names)
    }

    /// The post `target` (a link's target without its `#anchor`) names, read from the post at
    /// `fromPath`: a path relative to that post (`../other/index.md`, `./sibling.md`), a path from the
    /// folder or the content root (Zola's `@/blog/post.md`, Hugo's `ref`), a slug, a permalink
    /// (`/blog/slug/`, `/2024/04/09/slug.html`), a Jekyll post name (`2024-04-09-slug`), or an old
    /// name of a post (`PostStore.aliases`).
    package func post(for target: String, from fromPath: String, in store: PostStore) -> Int? {
        let table = built(store)
        let path = String(target.prefix { $0 != "#" && $0 != "?" })
        for candidate in Self.candidatePaths(path, from: fromPath) {
            if let number = table.paths[candidate] { return number }
        }
        let name = InternalLink.key(of: path)
        if !name.isEmpty, let number = table.names[name] { return number }
        guard !store.aliases.isEmpty else { return nil }
        return store.aliases[name] ?? RedirectStub.slug(of: path).flatMap { store.aliases[$0] }
    }

    /// The post at `path` (relative to the folder): a history step found again in a newer store.
    package func post(atPath path: String, in store: PostStore) -> Int? { built(store).paths[path] }

    /// The folder paths `target` may mean: beside the linking post, and from the folder (or from the
    /// folder's `content/`, where Zola and Hugo links start); a folder names its `index.md`.
    static func candidatePaths(_ target: String, from fromPath: String) -> [String] {
        var target = target.percentDecoded ?? target
        var bases: [[Substring]] = []
        if target.hasPrefix("@/") {
            target.removeFirst(2)
            bases = [[], ["content"]]
        } else if target.hasPrefix("/") {
            bases = [[], ["content"]]
        } else {
            bases = [Array(fromPath.split(separator: "/").dropLast()), [], ["content"]]
        }
        var candidates: [String] = []
        for base in bases {
            guard let resolved = resolve(target, against: base) else { continue }
            if target.hasSuffix("/") || resolved.isEmpty {
                candidates += ["index.md", "_index.md"].map { resolved.isEmpty ? $0 : resolved + "/" + $0 }
            } else {
                candidates.append(resolved)
            }
        }
        return candidates
    }

    /// `../a/./b.md` against `x/y`: `x/a/b.md`; nil when it climbs out of the folder.
    private static func resolve(_ target: String, against base: [Substring]) -> String? {
        var parts = base
        for part in target.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
