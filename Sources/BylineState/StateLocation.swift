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
        let name = realRoot.split(separator: "/").last.map(String.init) ?? "root"
        let safe = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "_"
        }.prefix(40))
        let hex = String(fnv1a64(realRoot), radix: 16)
        // `.state.sqlite`, not the cache's `.sqlite`: with the cache and the state in one folder (the same
        // XDG home for both), the cache of a blog without drafts would have this very name.
        return directory + "/" + safe + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".state.sqlite"
    }

    /// Whether `directory` (a real path, or one not made yet) is the posts folder or inside it: state
    /// is never written there (a `--state-dir` pointing into the blog is refused).
    package static func isInside(_ directory: String, folder realRoot: String) -> Bool {
        let root = realRoot.hasSuffix("/") ? String(realRoot.dropLast()) : realRoot
        return directory == root || directory.hasPrefix(root + "/") || root.isEmpty
    }

    /// FNV-1a, as `CacheLocation` hashes: stable across runs and machines (Swift's `Hasher` is seeded
    /// per process). Repeated here: BylineState does not depend on the cache.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
