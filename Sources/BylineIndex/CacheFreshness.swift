import BylineCore

/// A start's question, "is the folder still the one the cache recorded?", answered in memory that does
/// not grow with the blog past the cache's stamps (`PostCache.StampTable`, 32 bytes a file): each file is
/// stat'ed and compared as the walk finds it, so no list of every file, nor a string of every path, is
/// held. The walk stops at the first difference.
///
/// "Yes" is exact: the same files at the same real paths with the same stamps, the same layout and the
/// same folder problems (what a scan of the whole folder against the cache would find). "No" may only
/// mean "cannot tell this way" (a symlink in the folder, whose files a walk keeping nothing cannot tell
/// apart): the caller then compares the folder with the cache file by file (`BlogLoad.scan`).
package enum CacheFreshness {
    /// The folder's layout and problems when `real` (the posts folder's real path) holds what `cache`
    /// recorded, nothing more or less; nil when it does not, or when this check cannot tell.
    package static func unchanged(root real: String, includeDrafts: Bool, cache: PostCache,
                                  giveWay: GiveWay? = nil) throws(PostCache.Unusable) -> (layout: SiteLayout, diagnostics: [Diagnostic])? {
        guard let table = try cache.stampTable(giveWay: giveWay) else { return nil }
        var found = 0
        let walked = PostFinder.walkKeepingNothing(root: real, includeDrafts: includeDrafts, giveWay: giveWay) { candidate in
            found += 1
            // The stamp is taken as a scan takes it: following symlinks to the real file.
            guard found <= table.count, let stamp = FileStamp(path: candidate.absolutePath) else { return false }
            return table.holds(path: candidate.path, absolutePath: candidate.absolutePath, stamp: stamp)
        }
        guard let walked, found == table.count, walked.layout == table.layout,
              walked.diagnostics == table.folderDiagnostics else { return nil }
        return (walked.layout, walked.diagnostics)
    }
}
