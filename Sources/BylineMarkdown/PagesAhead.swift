#if canImport(Glibc)
import Glibc
#endif

/// Faults in pages before the work that takes them runs, from a core with nothing else to do.
///
/// For a process that renders one long post and exits (`byline show`, with `CmarkArena` on): while
/// cmark parses on one core, the other faults in the arena's pages the parse takes next
/// (`CmarkArena.populate`), then the pages of both threads' heaps that the walk and the layout will
/// take. The walk of the 1 MB post then met some 6 page faults per half instead of 530, and `show`
/// took about 2 ms less.
enum PagesAhead {
    /// Heap pages wanted per byte of markdown, in each heap (the 1 MB post: 4 MB each; more cost time).
    static let heapBytesPerMarkdownByte = 4

    /// Faults in `length` bytes from `start` as writes would, without writing (`MADV_POPULATE_WRITE`):
    /// what is already there stays, so another thread may be using the pages meanwhile. False when the
    /// kernel refuses (before Linux 5.14, or past the end of a mapping: pages before it are faulted in).
    @discardableResult
    static func populate(_ start: Int, _ length: Int) -> Bool {
        madvise(UnsafeMutableRawPointer(bitPattern: start), length, populateWrite) == 0
    }

    /// Where the calling thread's heap hands out its next large block: a probe of 64 KB, given back at
    /// once (it comes from the free space at the heap's end, which a fresh process barely has elsewhere).
    static func heapTop() -> Int? {
        guard let probe = malloc(64 << 10) else { return nil }
        free(probe)
        return (Int(bitPattern: probe) + 4095) & ~4095
    }

    /// Faults in `bytes` of a heap from `top` (`heapTop`). The main heap is not faulted past its end; a
    /// thread's heap stops where its mapping does.
    static func populateHeap(from top: Int, bytes: Int) {
        var end = top + bytes
        let brk = Int(bitPattern: sbrk(0))
        if top < brk { end = min(end, brk) }
        guard end > top else { return }
        populate(top, end - top)
    }

    /// `MADV_POPULATE_WRITE` (Linux 5.14), which Glibc's module does not name.
    private static let populateWrite: Int32 = 23
}
