#if canImport(Glibc)
import Glibc
#endif

/// How much more than asked the C library's heaps grow by (glibc's `M_TOP_PAD`). By default 128 KB:
/// work that allocates tens of megabytes at once (the 1 MB post's walk and layout, 10,000 posts
/// decoded for a first screen) then makes hundreds of system calls to grow them. Grown pages are taken
/// only when touched; memory freed below the pad is kept, not given back, until the pad is put back.
enum HeapGrowth {
    /// A pad large enough that such work grows each heap once.
    static let inOneStep: Int32 = 64 << 20
    /// glibc's own.
    static let standard: Int32 = 128 << 10

    /// Sets the pad. A thread's heap takes the pad in force when the thread first allocates.
    static func set(_ bytes: Int32) {
        // Swift's Glibc module leaves out `malloc.h`: the function is looked up by name.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let topPad: Int32 = -2  // M_TOP_PAD
        _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, bytes)
    }
}
