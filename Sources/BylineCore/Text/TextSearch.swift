#if canImport(Glibc)
import Glibc
#endif

/// Substring search over UTF-8 bytes with `memchr` and `memcmp`: the search box calls it for every post on every
/// keystroke, and Foundation's locale-aware `contains` costs ten times as much.
package enum TextSearch {
    /// Whether `needle` occurs in `haystack`, byte for byte (search normalizes both first).
    package static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { hay in needle.withUnsafeBufferPointer { pin in contains(hay, pin) } }
    }

    /// `memchr` for a byte of the needle, then `memcmp`. The anchor is the needle's second byte when it
    /// has one: normalized needles start with a space, which occurs every few bytes of text. (glibc's
    /// `memmem` is a GNU extension that Swift's Glibc module does not export.)
    package static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ pin: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pin.isEmpty else { return true }
        guard hay.count >= pin.count, let hayBase = hay.baseAddress, let pinBase = pin.baseAddress else { return false }
        let anchor = pin.count > 1 ? 1 : 0
        let hayStart = UnsafeRawPointer(hayBase), anchorByte = Int32(pin[anchor])
        // Candidate starts run from 0 to hay.count - pin.count; the anchor sits `anchor` bytes further.
        var start = 0
        let lastStart = hay.count - pin.count
        while start <= lastStart {
            guard let hit = memchr(hayStart + start + anchor, anchorByte, lastStart - start + 1) else { return false }
            let found = hayStart.distance(to: UnsafeRawPointer(hit)) - anchor
            if memcmp(hayStart + found, pinBase, pin.count) == 0 { return true }
            start = found + 1
        }
        return false
    }
}
