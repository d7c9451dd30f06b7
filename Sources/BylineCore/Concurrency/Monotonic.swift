#if canImport(Glibc)
import Glibc
#endif

/// A clock that never jumps (`CLOCK_MONOTONIC`): for durations and deadlines, never for dates.
package enum Monotonic {
    package static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    package static func seconds() -> Double { Double(nanoseconds()) / 1e9 }
}
