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
        let name = realRoot.split(separator: "/").last.map(String.init) ?? "root"
        let safe = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "_"
        }.prefix(40))
        let key = fnv1a64(realRoot + (includeDrafts ? "\u{0}drafts" : ""))
        let hex = String(key, radix: 16)
        return directory + "/" + safe + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".sqlite"
    }

    /// FNV-1a: stable across runs and machines (Swift's `Hasher` is seeded per process).
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
