/// The name of a file byline keeps about a blog folder outside it (its cache, its reading state): the
/// folder's last path component, made safe, for people looking in the folder, and a hash of `key`
/// (the folder's real path and whatever else tells two files apart), so two blogs never share a file.
package enum FolderFileName {
    /// `NAME-0123456789abcdef` + `suffix`.
    package static func name(forFolder realRoot: String, key: String, suffix: String) -> String {
        let name = realRoot.split(separator: "/").last.map(String.init) ?? "root"
        let safe = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "_"
        }.prefix(40))
        let hex = String(fnv1a64(key), radix: 16)
        return safe + "-" + String(repeating: "0", count: 16 - hex.count) + hex + suffix
    }

    /// FNV-1a: stable across runs and machines (Swift's `Hasher` is seeded per process).
    package static func fnv1a64(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { fnv1a64(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// FNV-1a of bytes: a string's (its UTF-8), or text as SQLite holds it, hashed without a string made.
    package static func fnv1a64(bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
