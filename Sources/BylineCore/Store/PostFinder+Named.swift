#if canImport(Glibc)
import Glibc
#endif

extension PostFinder {
    /// Decides, file by file, which of `paths` (relative, as the watch named them) are posts now, by
    /// the walk's own rules (`addFileIfPost`, bundles, hidden and machinery folders, `_drafts`, Jekyll's
    /// `_posts`), without walking the folder: what a live reload of a few files costs in a blog of
    /// 100,000. The folder's `layout` is as the last walk found it (the watch names no file whose change
    /// could alter it).
    ///
    /// Each path's answer is its candidate, or nil when it is no post (gone, skipped). The whole answer
    /// is nil when some path cannot be decided alone, and the folder is then walked as a whole: a bundle's
    /// `index` file (it decides its folder's other files), a symlink (the walk keeps one way to a file),
    /// a folder reached through a link, a markdown entry that is no regular file (the walk reports it).
    package static func decide(_ paths: Set<String>, root: String, layout: SiteLayout, includeDrafts: Bool) -> [String: Candidate?]? {
        guard let real = realPath(root) else { return nil }
        let found = FoundCandidates()
        var finder = PostFinder(root: real, includeDrafts: includeDrafts, giveWay: nil) { found.list.append($0) }
        finder.realRoot = real
        finder.layout = layout
        if layout == .hugoOrZola {
            finder.siteLanguage = siteLanguage(realRoot: real) { name in access(real + "/" + name, F_OK) == 0 }
        }
        var start = ""
        if let content = layout.contentFolder, finder.isFolder(real + "/" + content) { start = content }
        var decided: [String: Candidate?] = [:]
        for path in paths {
            found.list = []
            guard finder.decide(path, start: start) else { return nil }
            decided[path] = found.list.first { $0.path == path }
        }
        return decided
    }

    /// Hands `path` on (`found`) when it is a post; false when it cannot be decided alone.
    private mutating func decide(_ path: String, start: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { return false }
        // Hidden names are passed over by the walk, and it starts at the content folder.
        if parts.contains(where: { $0.hasPrefix(".") }) { return true }
        if !start.isEmpty, !path.hasPrefix(start + "/") { return true }
        let name = parts[parts.count - 1]
        let parent = parts.dropLast().joined(separator: "/")
        let startDepth = start.isEmpty ? 0 : start.split(separator: "/").count
        // The folders the walk passes through below its start: skipped ones end it there.
        let folders = parts.dropLast().dropFirst(startDepth)
        if folders.contains(where: { SiteLayout.machineryFolders.contains($0) || ($0 == "_drafts" && !includeDrafts) }) { return true }
        let absoluteParent = parent.isEmpty ? realRoot : realRoot + "/" + parent
        // A folder reached through a link, or gone (its removal names it as a folder, in a burst of its own).
        guard !parent.isEmpty ? realPath(absoluteParent) == absoluteParent : true else { return false }
        let isTop = parent.isEmpty || parent == layout.contentFolder
        if !isTop, name.hasPrefix("index.") || name.hasPrefix("_index.") { return false }
        // A bundle (a folder holding `index.md`) anywhere below the start: its other files are no posts.
        var folder = start
        for part in folders {
            folder = folder.isEmpty ? part : folder + "/" + part
            if folder == layout.contentFolder { continue }
            if listFolder(realRoot + "/" + folder).contains(where: { isIndexName($0.name) }),
               layout != .jekyll || isUnderPosts(folder) { return true }
        }
        let absolute = realRoot + "/" + path
        var info = stat()
        guard lstat(absolute, &info) == 0 else { return true }  // gone
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return false
        default: return !isMarkdown(name)
        }
        addFileIfPost(name: name, relative: path, absolute: absolute, isTop: isTop,
                      inDrafts: parent.split(separator: "/").contains("_drafts"),
                      folderLanguage: LanguageTag.ofFolder(parent, layout: layout) ?? siteLanguage)
        return true
    }
}

/// The candidates `decide` hands on, gathered.
private final class FoundCandidates {
    var list: [PostFinder.Candidate] = []
}
