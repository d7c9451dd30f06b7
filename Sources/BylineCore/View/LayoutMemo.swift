#if canImport(Glibc)
import Glibc
#endif

/// Remembers the last few posts laid out at a width, so a frame does not lay a post out again when
/// nothing about it changed (a key that moves the tag cursor repaints the preview for free). A post is
/// laid out only as far as it has been asked for, and continued from there when more is asked.
///
/// Pure memoization: the lines are a function of the key alone, so keeping them changes nothing that
/// is shown. Shared by copies of a state; locked, because the runtime may read it from another thread.
public final class LayoutMemo: @unchecked Sendable {
    /// What the lines depend on.
    public struct Key: Hashable, Sendable {
        var post: Int
        var width: Int
        var glyphs: Glyphs
        /// Whether the body was loaded, failed, or neither yet: the header and content differ.
        var bodyState: Int
    }

    /// Laid-out posts kept; a reader rarely flips between more than this many.
    static let capacity = 8

    private var entries: [Key: DocumentLayout.Progressive] = [:]
    private var order: [Key] = []
    private var mutex = pthread_mutex_t()

    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// At least the first `count` lines of the layout for `key` (all of them when there are fewer),
    /// starting it with `make` the first time. Laid out under the lock, so two threads never
    /// continue the same layout twice.
    public func lines(_ key: Key, atLeast count: Int, make: () -> DocumentLayout.Progressive) -> [StyledLine] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        var layout: DocumentLayout.Progressive
        if let known = entries[key] {
            if known.isComplete || known.lines.count >= count { return known.lines }
            layout = known
            // Dropped while it grows, so the dictionary does not hold a second reference to its lines.
            entries[key] = nil
        } else {
            layout = make()
            order.append(key)
            if order.count > LayoutMemo.capacity { entries[order.removeFirst()] = nil }
        }
        layout.extend(toAtLeast: count)
        entries[key] = layout
        return layout.lines
    }

    /// How many layouts are kept (for tests).
    public var count: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return entries.count
    }
}
