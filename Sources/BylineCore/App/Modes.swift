/// The three panes of the browsing screen; the raw value is the name the status line gives it.
package enum Pane: String, Hashable, Sendable, CaseIterable {
    /// The tag filter.
    case tags
    /// The posts the filter leaves.
    case list
    /// The selected post, rendered.
    case preview
}

/// Where a tag stands in the filter.
package enum TagState: Hashable, Sendable {
    /// Not part of the filter.
    case off
    /// Posts must carry it (all or any of the required tags, by `PostQuery.Match`).
    case required
    /// Posts must not carry it.
    case excluded
}

/// How the tag pane is ordered.
package enum TagSort: Hashable, Sendable {
    /// Most posts (among the current results) first, then by name.
    case count
    /// Alphabetically.
    case name
}

/// What the keyboard is doing: one at a time, never a handful of flags that could contradict.
package indirect enum Mode: Hashable, Sendable {
    /// The three panes; keys move, filter and open.
    case browsing
    /// The search prompt is open; typed words filter the list as they are typed. `previous` is
    /// the search to restore on Esc.
    case searching(previous: String)
    /// The tag prompt (`/` in the tag pane) is open: its text moves the tag cursor to a tag by name.
    case findingTag(TagFind)
    /// One post, full screen.
    case reading(Reader)
    /// The help overlay, above the mode it was opened from.
    case help(over: Mode, scroll: Int)
}

/// The full-screen reader's state.
package struct Reader: Hashable, Sendable {
    /// The post, by its number in the store.
    package var post: Int
    /// The first rendered line shown.
    package var scroll: Int = 0
    package var find: Find = .none
    /// The link Tab or Shift-Tab made current (drawn distinctly; Enter follows it, `y` copies it).
    package var currentLink: CurrentLink?
    /// The digits typed for a link's number (`link: 12` on the status line), while that prompt is
    /// open; nil when it is not.
    package var linkNumber: String?
    /// What covers the text: nothing, or the outline of the post's headings (`o`).
    package var overlay: ReaderOverlay = .none
    /// A move that waits for the post's layout facts (`LayoutFacts`); nil once settled, which the runtime
    /// does before the next key and before a frame.
    package internal(set) var intent: ReaderIntent?

    package init(post: Int, scroll: Int = 0, find: Find = .none) {
        self.post = post
        self.scroll = scroll
        self.find = find
    }
}

/// The reader's current link: which of the post's links (`LayoutFacts.links`, in reading order, the
/// same at any width) and its reference number, so Enter and `y` need no layout.
package struct CurrentLink: Hashable, Sendable {
    /// Its place among the post's links.
    package var index: Int
    /// Its `[n]`: `Document.references[reference - 1]`.
    package var reference: Int

    package init(index: Int, reference: Int) {
        self.index = index
        self.reference = reference
    }
}

/// Find in the reader, as in less.
package enum Find: Hashable, Sendable {
    /// No search.
    case none
    /// The `/` prompt is open with this text.
    case typing(String)
    /// Matches of the text are highlighted; `n` and `N` move between them, wrapping at the ends.
    /// `current`: which match is current, counted in `LayoutFacts.matches` (one per match); nil until
    /// the matches are counted, or when there are none.
    case active(String, current: Int?)
}
