import BylineCore

/// Where a blog's reading state lives: one SQLite file per blog folder under `$XDG_STATE_HOME/byline/`,
/// else `~/.local/state/byline/`, or a folder the user names (`--state-dir`). Named as the cache names
/// its files (`CacheLocation`): the folder's last component and a hash of its real path. Unlike the
/// cache, the drafts setting is not in the name: read and saved marks belong to the blog, drafts or not.
package enum StateLocation {
    /// The default state folder for this environment; nil when neither variable says where home is.
    package static func defaultDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/byline" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/byline" }
        return nil
    }

    /// The state file for the blog at `realRoot` in `directory`.
    package static func file(forFolder realRoot: String, in directory: String) -> String {
        // `.state.sqlite`, not the cache's `.sqlite`: with the cache and the state in one folder (the same
        // XDG home for both), the cache of a blog without drafts would have this very name.
        directory + "/" + FolderFileName.name(forFolder: realRoot, key: realRoot, suffix: ".state.sqlite")
    }

    /// The file of posts the blog at `realRoot` has shown, shared by every SSH visitor, in the folder
    /// that holds the visitors' folders (`visitorsFolder`): the state file's name with `.seen.sqlite`.
    /// Beside the visitors' folders, not in one, so `rm -r STATE/visitors` forgets it with them, and
    /// the pruning of visitors' folders (which removes folders named as a key's, only) leaves it.
    package static func seenFile(forFolder realRoot: String, in visitorsFolder: String) -> String {
        visitorsFolder + "/" + FolderFileName.name(forFolder: realRoot, key: realRoot, suffix: ".seen.sqlite")
    }

    /// Whether `directory` (a real path, or one not made yet) is the posts folder or inside it: state
    /// is never written there (a `--state-dir` pointing into the blog is refused).
    package static func isInside(_ directory: String, folder realRoot: String) -> Bool {
        let root = realRoot.hasSuffix("/") ? String(realRoot.dropLast()) : realRoot
        return directory == root || directory.hasPrefix(root + "/") || root.isEmpty
    }
}
