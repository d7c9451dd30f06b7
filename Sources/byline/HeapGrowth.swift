#if canImport(Glibc)
import Glibc
#endif

/// How much more than asked the C library's heaps grow by (glibc's `M_TOP_PAD`). By default 128 KB:
/// work that allocates tens of megabytes at once (the 1 MB post's walk and layout) then makes hundreds
/// of system calls to grow them. Grown pages are taken only when touched.
///
/// For a process that exits once its work is done (`show`). Setting the pad also fixes glibc's
/// threshold for serving large blocks by `mmap` at 128 KB, which otherwise rises to the blocks a
/// program frees: in the reader (pad set while the cache was decoded) each search keystroke at 100,000
/// posts then mapped and faulted in its large arrays afresh, 44 ms instead of 18.
enum HeapGrowth {
    /// A pad large enough that such work grows each heap once.
    static let inOneStep: Int32 = 64 << 20

    /// Sets the pad. A thread's heap takes the pad in force when the thread first allocates.
    static func set(_ bytes: Int32) {
        // Swift's Glibc module leaves out `malloc.h`: the function is looked up by name.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let topPad: Int32 = -2  // M_TOP_PAD
        _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, bytes)
    }
}
