#if canImport(Glibc)
import Glibc
#endif

/// Substring search over UTF-8 bytes with `memchr` and `memcmp`: the search box calls it for every post on every
/// keystroke, and Foundation's locale-aware `contains` costs ten times as much.
public enum TextSearch {
    /// Whether `needle` occurs in `haystack`, byte for byte (callers lower-case both first).
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard !pin.isEmpty else { return true }
                guard hay.count >= pin.count, let hayBase = hay.baseAddress, let pinBase = pin.baseAddress else { return false }
                let hayStart = UnsafeRawPointer(hayBase), first = Int32(pin[0])
                var offset = 0
                while offset + pin.count <= hay.count {
                    guard let hit = memchr(hayStart + offset, first, hay.count - pin.count - offset + 1) else { return false }
                    if memcmp(hit, pinBase, pin.count) == 0 { return true }
                    offset = hayStart.distance(to: UnsafeRawPointer(hit)) + 1
                }
                return false
            }
        }
    }

    /// `text` with A–Z turned into a–z and every other byte left as it is: enough to find ASCII words
    /// case-insensitively, at the cost of one pass over the bytes.
    public static func foldingASCII(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
