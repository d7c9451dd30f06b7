#if canImport(Glibc)
import Glibc
#endif

/// Remembers the last few posts laid out at a width, so a frame does not lay a post out again when
/// nothing about it changed (a key that moves the tag cursor repaints the preview for free).
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

    private var entries: [Key: [StyledLine]] = [:]
    private var order: [Key] = []
    private var mutex = pthread_mutex_t()

    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    public func lines(_ key: Key, make: () -> [StyledLine]) -> [StyledLine] {
        pthread_mutex_lock(&mutex)
        if let known = entries[key] {
            pthread_mutex_unlock(&mutex)
            return known
        }
        pthread_mutex_unlock(&mutex)
        let made = make()
        pthread_mutex_lock(&mutex)
        if entries[key] == nil {
            entries[key] = made
            order.append(key)
            if order.count > LayoutMemo.capacity { entries[order.removeFirst()] = nil }
        }
        pthread_mutex_unlock(&mutex)
        return made
    }

    /// How many layouts are kept (for tests).
    public var count: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return entries.count
    }
}
