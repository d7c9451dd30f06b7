/// The last few posts laid out at a width, so a frame does not lay a post out again when nothing about
/// it changed (a key that moves the tag cursor repaints the preview for free). A post is laid out only
/// as far as it has been asked for, and continued from there when more is asked.
///
/// Pure memoization: the lines are a function of the key alone, so keeping them changes nothing that
/// is shown. Part of `ViewCache`, on the runtime's thread only.
struct LayoutMemo {
    /// Laid-out posts kept; a reader rarely flips between more than this many.
    static let capacity = 8

    private var entries: [LayoutKey: DocumentLayout.Progressive] = [:]
    private var order: [LayoutKey] = []

    /// At least the first `count` lines of the layout for `key` (all of them when there are fewer),
    /// starting it with `make` the first time; and whether they are all there are.
    mutating func lines(_ key: LayoutKey, atLeast count: Int, make: () -> DocumentLayout.Progressive) -> (lines: [StyledLine], isComplete: Bool) {
        var layout: DocumentLayout.Progressive
        if let known = entries[key] {
            if known.isComplete || known.lines.count >= count { return (known.lines, known.isComplete) }
            layout = known
            // Dropped while it grows, so the dictionary does not hold a second reference to its lines.
            entries[key] = nil
        } else {
            layout = make()
            remember(key)
        }
        layout.extend(toAtLeast: count)
        entries[key] = layout
        return (layout.lines, layout.isComplete)
    }

    /// Keeps a layout begun elsewhere (a first screen laid out ahead), unless one is kept already.
    mutating func keep(_ key: LayoutKey, _ layout: DocumentLayout.Progressive) {
        guard entries[key] == nil else { return }
        remember(key)
        entries[key] = layout
    }

    private mutating func remember(_ key: LayoutKey) {
        order.append(key)
        if order.count > LayoutMemo.capacity { entries[order.removeFirst()] = nil }
    }

    /// How many layouts are kept.
    var count: Int { entries.count }
}
