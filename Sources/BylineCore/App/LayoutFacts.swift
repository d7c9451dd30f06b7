/// What a post's rendered lines depend on: the post (in the state's `numbering`), the text width, the
/// glyphs, and whether its body is in yet. The view keys its layouts by it; the reducer, its facts.
package struct LayoutKey: Hashable, Sendable {
    /// Whether a post's body was parsed, could not be read, or is not in yet: the lines differ.
    package enum Body: Hashable, Sendable { case pending, loaded, failed }

    package var post: Int
    /// Which store's post numbers `post` is counted in (`AppState.numbering`).
    package var numbering: Int
    package var width: Int
    package var glyphs: Glyphs
    package var body: Body
}

/// What the reducer knows of the layout of the post on screen, as the view measured it. `reduce` never
/// lays a post out: it keeps the scroll the user asked for, bounds it by these facts, and where they
/// fall short it asks (`AppState.layoutQuestion`); the runtime has the view answer (`AppView.measure`)
/// and feeds the answer back as `.measured`, before the next key and before the frame is painted.
package struct LayoutFacts: Hashable, Sendable {
    package var key: LayoutKey
    /// Lines laid out: the whole post when `isComplete`, else at least as many as were asked for.
    package var lines: Int
    package var isComplete: Bool
    /// The find text `matches` was counted for; nil when none was asked for.
    package var find: String?
    /// Each match of `find` (case-insensitive, not overlapping) as the number of the line holding it,
    /// ascending: a line with two matches is listed twice, so the count is of matches, not lines.
    package var matches: [Int]
    /// The line each top-level heading laid out so far starts on (`Document.headings`, in order).
    package var headingLines: [Int]
    /// The post's links in reading order, where each is laid out (the reader's: Tab, a click); empty
    /// when not asked for (the preview's facts).
    package var links: [LayoutLink]

    package init(key: LayoutKey, lines: Int, isComplete: Bool, find: String? = nil, matches: [Int] = [], headingLines: [Int] = [],
                 links: [LayoutLink] = []) {
        self.key = key
        self.lines = lines
        self.isComplete = isComplete
        self.find = find
        self.matches = matches
        self.headingLines = headingLines
        self.links = links
    }

    /// The greatest scroll that still fills `rows` rows, when the facts know the post's end.
    func maximumScroll(rows: Int) -> Int? { isComplete ? max(0, lines - rows) : nil }

    /// Whether a scroll of `scroll` is known to be within the post (or bounded by its known end).
    func settle(_ scroll: Int, rows: Int) -> Bool { isComplete || lines >= scroll + rows }
}

/// A layout fact the reducer waits for: lay `key`'s post out to at least `lines` lines (or its end),
/// and count the lines holding `find`.
package struct LayoutQuestion: Hashable, Sendable {
    package var key: LayoutKey
    package var lines: Int
    package var find: String?
    /// Whether to find the post's links (`LayoutFacts.links`): the reader's questions do.
    package var links = false
}

/// A move of the reader that needs the post's layout: kept in `Reader.intent` until the facts are in.
package enum ReaderIntent: Hashable, Sendable {
    /// Keep the scroll within the post (after a scroll key): at most its last screen.
    case keepInPost
    /// Go to the next match of the find (the previous one when not `forward`), wrapping past either
    /// end with a note, then keep in the post (`n` and `N`): the match after the current one when that
    /// is on screen, else the first match on a line after `line` (the last before it going back).
    /// When there is none at all, say so. `fromPrompt`: the find was just submitted; it goes to the
    /// match as it stands.
    case seekMatch(after: Int, forward: Bool, fromPrompt: Bool)
    /// Put the `index`-th top-level heading (`Document.headings`) at the top, then keep in the post:
    /// the outline's Enter, a followed link's `#anchor`.
    case showHeading(index: Int)
    /// Put the heading an `#anchor` names at the top once the post's body is in (a followed link's
    /// target); a note when it names none.
    case showAnchor(String)
    /// Make the next link after the current one (or the first on screen) current, scrolling to it;
    /// `forward: false`, the one before (Tab, Shift-Tab).
    case seekLink(forward: Bool)
    /// Follow the link at `column` of the text column on post line `line`, if one is there (a click).
    case followLinkAt(line: Int, column: Int)
    /// Put the outline's cursor on the section the screen's top line is in, then keep in the post:
    /// the outline just opened (`o`).
    case outlineAtSection
}
