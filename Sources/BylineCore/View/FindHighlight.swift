/// Where a find's text matches in rendered text: one rule for the count on the status line (`3 of 12`),
/// the steps of `n` and `N` (`LayoutFacts.matches`) and the marks drawn, so the three always agree.
enum FindText {
    /// `text`'s characters as a find compares them: each lower-cased on its own, so the i-th folded
    /// character is the i-th of the line (a mark lands where the match is).
    static func folded<Text: Sequence>(_ text: Text) -> [Character] where Text.Element == Character {
        text.map { character in
            let lower = character.lowercased()
            return lower.count == 1 ? Character(lower) : character
        }
    }

    /// The matches of `needle` in `characters`, first to last, not overlapping, as character offsets.
    static func ranges(of needle: [Character], in characters: [Character]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= characters.count else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        while index + needle.count <= characters.count {
            if characters[index] == needle[0], characters[index..<index + needle.count].elementsEqual(needle) {
                found.append(index..<index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}

/// Marking a find's matches in a rendered line, the current one (`currentMatch`) apart from the others.
enum Highlight {
    /// `line` with each match of `query` marked `.match`; the `current`-th match of the line (counted
    /// from 0) is also marked `.currentMatch`.
    static func matches(of query: String, in line: StyledLine, current: Int? = nil) -> StyledLine {
        let needle = FindText.folded(query)
        guard !needle.isEmpty else { return line }
        var characters: [(Character, StyledSpan)] = []
        for span in line.spans { for character in span.text { characters.append((character, span)) } }
        let ranges = FindText.ranges(of: needle, in: FindText.folded(characters.lazy.map(\.0)))
        guard !ranges.isEmpty else { return line }
        var marks = [TextStyle](repeating: [], count: characters.count)
        for (ordinal, range) in ranges.enumerated() {
            for offset in range { marks[offset] = ordinal == current ? [.match, .currentMatch] : .match }
        }
        var result = StyledLine()
        for (offset, (character, span)) in characters.enumerated() {
            result.append(StyledSpan(String(character), span.style.union(marks[offset]), link: span.link))
        }
        return result
    }
}

/// The reader's find as the view draws it: each match's line (`ReaderContent.matchingLines`, one
/// entry per match, counted once per layout and text) and which one is current.
struct ReaderMatches {
    let query: String
    /// The line of each match, ascending.
    let lines: [Int]
    /// The current match's index in `lines`, when there is one.
    let current: Int?

    init?(_ state: AppState, _ reader: Reader, _ cache: ViewCache) {
        guard case let .active(query, current) = reader.find else { return nil }
        self.query = query
        let lines = ReaderContent.matchingLines(state, state.readerKey(reader), query: query, in: cache)
        self.lines = lines
        self.current = current.flatMap { lines.indices.contains($0) ? $0 : nil }
    }

    /// The `number`-th line of the layout with its matches marked, the current one distinctly.
    func marked(_ line: StyledLine, number: Int) -> StyledLine {
        var ordinal: Int?
        if let current, lines[current] == number {
            // The current match's place among the matches on its line.
            ordinal = current - (AppState.matchIndex(in: lines, after: number - 1, forward: true) ?? current)
        }
        return Highlight.matches(of: query, in: line, current: ordinal)
    }

    /// `3 of 12`; `12 matches` before one is current.
    var count: String {
        if let current { return "\(current + 1) of \(lines.count)" }
        return lines.isEmpty ? "0 of 0" : "\(lines.count) matches"
    }
}
