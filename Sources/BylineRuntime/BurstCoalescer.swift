/// Turns a burst of file events into one signal: after the first event, the signal waits until
/// `quietSeconds` pass with no event, but never more than `longestSeconds` after the first, so a
/// `git pull` of a thousand files is one reload, and a folder written to without pause still shows
/// its changes. Pure (times are handed in), so its behaviour is tested without waiting.
struct BurstCoalescer {
    /// The pause that ends a burst: an editor's save-by-rename or a `git pull`'s writes come closer together.
    static let quietSeconds = 0.2
    /// The longest a burst postpones its signal: well inside the second a change has to show.
    static let longestSeconds = 0.8

    private var first: Double?
    private var last: Double?

    /// An event arrived at `now`.
    mutating func event(at now: Double) {
        if first == nil { first = now }
        last = now
    }

    /// When the burst under way is due to be signalled; nil with none under way (wait without a deadline).
    var due: Double? {
        guard let first, let last else { return nil }
        return min(last + Self.quietSeconds, first + Self.longestSeconds)
    }

    /// Whether a burst is due at `now`: true once per burst, which then ends.
    mutating func fire(at now: Double) -> Bool {
        guard let due, now >= due else { return false }
        first = nil
        last = nil
        return true
    }
}
