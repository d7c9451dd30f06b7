/// How tags are compared and cleaned. `Release` and `release` are one tag; spaces inside a tag are kept.
package enum TagName {
    /// Trims the tag and folds runs of blanks into one space (`"machine   learning"` → `machine learning`).
    package static func clean(_ raw: String) -> String {
        // Most tags are clean already: a byte check spares the split and join.
        var previousWasSpace = true
        for byte in raw.utf8 {
            let isSpace = byte == 0x20
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || (isSpace && previousWasSpace) { return folded(raw) }
            previousWasSpace = isSpace
        }
        return previousWasSpace ? folded(raw) : raw
    }

    private static func folded(_ raw: String) -> String {
        raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// The key under which spellings of one tag meet.
    package static func key(_ tag: String) -> String { tag.lowercased() }
}
