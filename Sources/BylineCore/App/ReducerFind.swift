/// Find that answers: which match is current, out of how many, wrapping past the ends with a note,
/// "no match" when there is none. Worked out from the matches the view counted once per layout and
/// text (`LayoutFacts.matches`, one entry per match), so each `n` is a step, not a search.
extension AppState {
    /// Settles `.seekMatch` once the matches of the reader's find are in `facts`; false while it waits.
    /// A find with no match at all stays (its text on the status line, `0 of 0`) and says so at each
    /// `n`: the text typed stays in sight to be corrected, and `n` answers the same way every time.
    mutating func seekMatch(_ reader: inout Reader, after line: Int, forward: Bool, fromPrompt: Bool, _ facts: LayoutFacts) -> Bool {
        guard case let .active(query, current) = reader.find else {
            reader.intent = nil
            return true
        }
        guard facts.find == query else { return false }
        let matches = facts.matches
        reader.intent = fromPrompt ? nil : .keepInPost
        guard !matches.isEmpty else {
            reader.find = .active(query, current: nil)
            note = "no match for \"\(query)\""
            return true
        }
        let rows = PaneLayout.readerRows(height: height)
        var target: Int?
        if !fromPrompt, let current, matches.indices.contains(current),
           (reader.scroll..<(reader.scroll + rows)).contains(matches[current]) {
            target = current + (forward ? 1 : -1)
        } else {
            target = Self.matchIndex(in: matches, after: line, forward: forward)
        }
        var index = target ?? (forward ? matches.count : -1)
        if index >= matches.count {
            index = 0
            note = "search wrapped to the top"
        } else if index < 0 {
            index = matches.count - 1
            note = "search wrapped to the bottom"
        }
        reader.find = .active(query, current: index)
        reader.scroll = matches[index]
        return true
    }

    /// The index of the first of `matches` (ascending line numbers) on a line after `line` going
    /// forward, or of the last on a line before it going back; nil past the end. A binary search, so
    /// a step costs nothing however long the post.
    static func matchIndex(in matches: [Int], after line: Int, forward: Bool) -> Int? {
        var low = 0, high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if forward ? matches[middle] <= line : matches[middle] < line { low = middle + 1 } else { high = middle }
        }
        if forward { return low < matches.count ? low : nil }
        return low > 0 ? low - 1 : nil
    }
}
