/// What the view side of the runtime remembers between frames, so a frame that shows what the last one
/// showed costs no layout: posts laid out as far as they were shown, and the reader's find matches.
/// The runtime owns one and hands it to `AppView`; `AppState` never holds it, so `reduce` stays pure.
/// Used on the runtime's thread only: it is not `Sendable`, and it has no lock.
///
/// Pure memoization: everything in it is a function of its key, so a fresh cache draws the same frames.
package final class ViewCache {
    /// Laid-out posts kept; a reader rarely flips between more than this many.
    package static let layoutCapacity = 8
    /// Finds kept: the one in use and the one before it (Esc and `/` again).
    static let findCapacity = 2

    /// Posts laid out as far as they were asked for, and continued from there when more is asked.
    var layouts = RecentMemo<LayoutKey, DocumentLayout.Progressive>(capacity: layoutCapacity)
    /// The numbers of the lines holding a find's text in a layout, ascending.
    var finds = RecentMemo<FindKey, [Int]>(capacity: findCapacity)
    /// The links of a laid-out post, where each sits (`LayoutLink`): found once per layout, so Tab,
    /// a click and drawing the current link cost a look-up, not a pass over the post.
    var links = RecentMemo<LayoutKey, [LayoutLink]>(capacity: layoutCapacity)
    /// The headings of the reader's post, for its outline and the section its status line names.
    var headings = RecentMemo<LayoutKey, [DocumentHeading]>(capacity: findCapacity)

    package init() {}

    /// Posts laid out and kept (for tests).
    package var layoutCount: Int { layouts.count }

    /// How many times a post's lines were searched through for a find (for tests).
    package var findPasses: Int { finds.made }

    /// Keeps a first screen laid out ahead by background work, for the frame that shows its post.
    package func keep(_ ahead: LaidOutAhead) { layouts.keep(ahead.key, ahead.layout) }

    /// A find in a laid-out post.
    struct FindKey: Hashable {
        var layout: LayoutKey
        var query: String
    }
}

/// A preview's first screen laid out off the runtime's thread, with a body parsed ahead: a value that
/// background work hands back and the runtime keeps in its `ViewCache` (`PreviewContent.layOutAhead`).
package struct LaidOutAhead: Sendable {
    let key: LayoutKey
    let layout: DocumentLayout.Progressive
}
