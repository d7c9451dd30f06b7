// The standard library's canonical decomposition (`String._nfd`, the one swift-foundation's
// `decomposedStringWithCanonicalMapping` is built on) is reachable only as SPI; it is read once, to
// build the tables below.
@_spi(_Unicode) import Swift

/// Latin letters with diacritics as their base letter, so that search finds `segurança` by typing
/// `seguranca` (as FTS5's `remove_diacritics` does): `ç` → `c`, `É` → `e`, `ṩ` → `s`, and combining
/// diacritical marks dropped (`c` + U+0327 is `ç` too). Only letters whose canonical decomposition is
/// an ASCII letter and marks fold; `æ`, `ø` and `ß` have none and stay as they are, and so do other
/// scripts' letters (`й` is not `и`).
enum LatinFolding {
    /// The lower-case ASCII letter `value` (a scalar) folds to, or nil.
    static func base(of value: UInt32) -> UInt8? {
        let base: UInt8
        switch value {
        case 0xC0...0x24F: base = latin[Int(value - 0xC0)]
        case 0x1E00...0x1EFF: base = extended[Int(value - 0x1E00)]
        case 0x212A: base = 0x6B  // KELVIN SIGN, which is K
        case 0x212B: base = 0x61  // ANGSTROM SIGN, which is Å
        default: return nil
        }
        return base == 0 ? nil : base
    }

    /// Combining diacritical marks (U+0300 to U+036F): dropped from words.
    static func isDroppedMark(_ value: UInt32) -> Bool { value &- 0x300 < 0x70 }

    private static let latin = table(0xC0...0x24F)
    private static let extended = table(0x1E00...0x1EFF)

    /// For each scalar of `range`: the lower-case ASCII letter its decomposition starts with, when the
    /// rest of it are marks; else 0.
    private static func table(_ range: ClosedRange<UInt32>) -> [UInt8] {
        range.map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let parts = Array(String(scalar)._nfd)
            guard parts.count > 1, parts[0].isASCII, parts[0].properties.isAlphabetic,
                  parts.dropFirst().allSatisfy({ isDroppedMark($0.value) }) else { return 0 }
            return UInt8(parts[0].value) | 0x20
        }
    }
}
