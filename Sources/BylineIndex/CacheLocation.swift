import BylineCore

/// Where a blog's cache lives: one SQLite file per folder (and drafts setting) under
/// `$XDG_CACHE_HOME/byline/`, else `~/.cache/byline/`, or a folder the user names (`--cache-dir`).
package enum CacheLocation {
    /// The default cache folder for this environment; nil when neither variable says where home is.
    package static func defaultDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/byline" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/byline" }
        return nil
    }

    /// The cache file for a folder: its last path component (for people looking in the folder) and a
    /// hash of its real path and the drafts setting (so two blogs never share a file).
    package static func file(forFolder realRoot: String, includeDrafts: Bool, in directory: String) -> String {
        directory + "/" + FolderFileName.name(forFolder: realRoot, key: realRoot + (includeDrafts ? "\u{0}drafts" : ""), suffix: ".sqlite")
    }

    /// FNV-1a (`FolderFileName.fnv1a64`): the cache's keys for paths.
    static func fnv1a64(_ text: String) -> UInt64 { FolderFileName.fnv1a64(text) }
}
