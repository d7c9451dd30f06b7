/// What a reload of the folder changed, for the status line's note ("2 new posts, 1 post changed") and
/// for the bodies to read again: a post whose file was rewritten has a new body even when its front
/// matter and size stayed the same (a typo fixed), which `Post` equality alone cannot tell.
package struct StoreChanges: Hashable, Sendable {
    /// Paths (relative to the folder) of the files read again since the last store: new or changed.
    package var reread: Set<String>
    /// Whether the status line says what changed: not for the quiet look at the folder behind a cached
    /// first screen, for every reload after it.
    package var announced: Bool
    /// Where each post of the store before went, when the new store was patched from it
    /// (`PostStore.patch`): the reader then finds its posts again without hashing every path.
    package var renumbering: PostStore.Renumbering?

    package init(reread: Set<String>, announced: Bool = false, renumbering: PostStore.Renumbering? = nil) {
        self.reread = reread
        self.announced = announced
        self.renumbering = renumbering
    }

    /// How many posts came, changed and went between `old` and `new` (posts known by path).
    package struct Counts: Hashable, Sendable {
        package var added = 0, changed = 0, removed = 0
        package init(added: Int = 0, changed: Int = 0, removed: Int = 0) {
            (self.added, self.changed, self.removed) = (added, changed, removed)
        }

        /// "2 new posts, 1 post changed, 1 post removed"; nil when nothing changed.
        package var note: String? {
            var parts: [String] = []
            func posts(_ count: Int) -> String { "\(StatusLine.grouped(count)) post\(count == 1 ? "" : "s")" }
            if added > 0 { parts.append("\(StatusLine.grouped(added)) new post\(added == 1 ? "" : "s")") }
            if changed > 0 { parts.append("\(posts(changed)) changed") }
            if removed > 0 { parts.append("\(posts(removed)) removed") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
    }

    /// The counts from the old store's post paths to the new store's (`newNumbers`: each new path's
    /// post number, which the replacement builds anyway), `reread` saying which of the kept ones changed.
    package static func counts(old: PostList, newNumbers: [String: Int], reread: Set<String>) -> Counts {
        var kept = 0, changed = 0
        for post in old where newNumbers[post.path] != nil {
            kept += 1
            if reread.contains(post.path) { changed += 1 }
        }
        return Counts(added: newNumbers.count - kept, changed: changed, removed: old.count - kept)
    }

    /// The same counts from a patch's renumbering (`PostStore.Renumbering`): an old post is kept when it
    /// has a new number, changed when its file was read again; no path is hashed.
    package static func counts(old: PostList, newCount: Int, renumbering: PostStore.Renumbering, reread: Set<String>) -> Counts {
        let kept = renumbering.newNumbers.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        let changed = renumbering.reread.filter { reread.contains(old[$0].path) }.count
        return Counts(added: newCount - kept, changed: changed, removed: old.count - kept)
    }
}
