/// How many terminal columns text takes, the way ncurses lays it out (glibc's `wcwidth`, summed per
/// code point): CJK and most emoji take 2, combining marks, zero-width joiners and variation
/// selectors 0, everything else 1. Never `Character` count: that is the bug this type exists to avoid.
/// The tables are generated from glibc (`scripts/gen-display-widths.c`) and checked against it in tests.
package enum DisplayWidth {
    /// Columns of one scalar. Controls count 0 here; `VisibleText` replaces them before display.
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0xA0 { return value < 0x20 || value >= 0x7F ? 0 : 1 }
        if isZeroWidth(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// Columns of a string: the sum over its scalars.
    package static func of<S: StringProtocol>(_ text: S) -> Int {
        // Printable ASCII is one column a byte: most text, measured without decoding.
        var printableASCII = true
        var bytes = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F { printableASCII = false; break }
            bytes += 1
        }
        if printableASCII { return bytes }
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Columns of one grapheme cluster.
    package static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    static func isZeroWidth(_ value: UInt32) -> Bool { contains(zeroWidthRanges, value) }

    static func isWide(_ value: UInt32) -> Bool { contains(wideRanges, value) }

    /// Binary search over sorted, disjoint ranges.
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound { high = middle - 1 } else if value > range.upperBound { low = middle + 1 } else { return true }
        }
        return false
    }
}
