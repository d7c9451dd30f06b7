@preconcurrency import CCmarkGFM
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Memory for cmark-gfm in a process that renders a long post and exits (`byline show`): one large
/// mapping on transparent huge pages, handed out by moving an offset, never given back.
///
/// cmark allocates every node, string and buffer of a tree with `calloc`; a 1 MB post's tree is some
/// 11 MB. From the C library's heap each of its 2,800 pages costs a page fault on first touch; here a
/// handful of 2 MB pages do. A fresh process parses the 1 MB post in about 7.5 ms instead of 11.7.
///
/// cmark's allocator callbacks carry no context, so there is one arena per process: once on, it serves
/// every parse, and what it hands out is never reused. Only a command that exits soon after turns it
/// on. Handing out takes no lock (each thread has a slab of its own, and slabs come from an atomic
/// offset): cmark also allocates while a finished tree is read (a text node's literal is copied out on
/// first read), and `MarkdownDocument` reads on two threads.
public enum CmarkArena {
    /// Address space reserved (not memory used: pages are committed when first touched). Past it,
    /// allocations go to the C library's heap.
    static let capacity = 1 << 32
    private static let hugePage = 2 << 20

    /// Turns the arena on for the rest of the process when the kernel gives huge pages on request
    /// (without them it is no faster than the heap); whether it is on.
    @discardableResult
    public static func turnOn() -> Bool {
        if memory != nil { return true }
        guard hugePagesOnRequest() else { return false }
        let reserved = capacity + hugePage
        guard let mapping = mmap(nil, reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              mapping != MAP_FAILED else { return false }
        // Huge pages start on 2 MB boundaries.
        let aligned = (Int(bitPattern: mapping) + hugePage - 1) & ~(hugePage - 1)
        guard madvise(UnsafeMutableRawPointer(bitPattern: aligned), capacity, MADV_HUGEPAGE) == 0 else {
            munmap(mapping, reserved)
            return false
        }
        start = aligned
        let callbacks = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        callbacks.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
        memory = callbacks
        return true
    }

    /// About how much of the arena a parse and its walk take, per byte of markdown (12 MB for the 1 MB
    /// post: nodes, their text, and the literals copied out as the tree is read).
    static let bytesPerMarkdownByte = 12

    /// Faults in the pages a parse of `length` bytes of markdown will take, from the first one handed
    /// out on: run on the second core while cmark parses on the first, the kernel zeroes each 2 MB page
    /// there, before the parse reaches it (zeroing them was a tenth of `show`'s time on this machine).
    /// What the parse has already put in them stays (`PagesAhead.populate`). Does nothing when the
    /// arena is off.
    public static func populate(forMarkdownOf length: Int) {
        guard memory != nil else { return }
        let wanted = min(length.multipliedReportingOverflow(by: bytesPerMarkdownByte).partialValue, capacity)
        // In steps of a few pages, first pages first: the parse wants them in that order.
        var offset = 0
        while offset < wanted {
            let step = min(4 * hugePage, wanted - offset)
            guard PagesAhead.populate(start + offset, step) else { return }
            offset += step
        }
    }

    /// The callbacks for `cmark_parser_new_with_mem`, once the arena is on. A pointer that lives as
    /// long as the process: every node keeps it.
    nonisolated(unsafe) static var memory: UnsafeMutablePointer<cmark_mem>?

    /// Whether `/sys/kernel/mm/transparent_hugepage/enabled` says `[always]` or `[madvise]`.
    static func hugePagesOnRequest() -> Bool {
        let fd = open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        let text = String(decoding: bytes[..<count], as: UTF8.self)
        return text.contains("[always]") || text.contains("[madvise]")
    }

    /// The arena's first byte, and how much of it is handed out to threads, a slab at a time.
    nonisolated(unsafe) private static var start = 0
    private static let used = Atomic<Int>(0)
    private static let slabSize = 1 << 20

    /// Each thread hands out blocks from a slab of its own, without touching what other threads write
    /// (one shared offset, bumped by both walks, cost more than cmark's parse saved).
    private struct Slab { var next = 0, end = 0 }
    private static let slabKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// A block of `size` bytes after a 16-byte header holding its size (for `realloc`); 16-byte aligned.
    fileprivate static func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let rounded = (size + 31) & ~15
        var slab: UnsafeMutablePointer<Slab>
        if let mine = pthread_getspecific(slabKey) {
            slab = mine.assumingMemoryBound(to: Slab.self)
        } else {
            slab = .allocate(capacity: 1)
            slab.initialize(to: Slab())
            pthread_setspecific(slabKey, slab)
        }
        if slab.pointee.next + rounded > slab.pointee.end {
            let wanted = max(slabSize, rounded)
            let (old, _) = used.add(wanted, ordering: .relaxed)
            guard old + wanted <= capacity else { return nil }
            slab.pointee = Slab(next: start + old, end: start + old + wanted)
        }
        let header = UnsafeMutableRawPointer(bitPattern: slab.pointee.next)!
        slab.pointee.next += rounded
        header.storeBytes(of: rounded - 16, as: Int.self)
        // Fresh from the mapping and never reused: already zero, as calloc promises.
        return header + 16
    }

    /// Grows the block at `pointer` to `size` bytes where it lies, when it is the last block handed out
    /// from this thread's slab and the slab has room: cmark grows its buffers (a paragraph's text, the
    /// line being parsed) a step at a time, and a copy at each step left every smaller copy behind in
    /// memory touched for nothing.
    fileprivate static func growInPlace(_ pointer: UnsafeMutableRawPointer, to wanted: Int) -> Bool {
        guard let mine = pthread_getspecific(slabKey) else { return false }
        let slab = mine.assumingMemoryBound(to: Slab.self)
        let header = pointer - 16
        let end = Int(bitPattern: header) + 16 + size(of: pointer)
        let rounded = (wanted + 31) & ~15
        guard end == slab.pointee.next, Int(bitPattern: header) + rounded <= slab.pointee.end else { return false }
        slab.pointee.next = Int(bitPattern: header) + rounded
        header.storeBytes(of: rounded - 16, as: Int.self)
        return true
    }

    fileprivate static func contains(_ pointer: UnsafeMutableRawPointer) -> Bool {
        let address = Int(bitPattern: pointer)
        return address >= start && address < start + capacity
    }

    fileprivate static func size(of pointer: UnsafeMutableRawPointer) -> Int {
        (pointer - 16).load(as: Int.self)
    }
}

// cmark's allocator aborts when memory runs out; so do these.

private func arenaCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (total, overflow) = count.multipliedReportingOverflow(by: size)
    if !overflow, let block = CmarkArena.allocate(total) { return block }
    guard let block = calloc(count, size) else { abort() }
    return block
}

private func arenaRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let pointer else { return arenaCalloc(1, size) }
    guard CmarkArena.contains(pointer) else {
        guard let block = realloc(pointer, size) else { abort() }
        return block
    }
    let old = CmarkArena.size(of: pointer)
    if size <= old || CmarkArena.growInPlace(pointer, to: size) { return pointer }
    let block = arenaCalloc(1, size)!
    block.copyMemory(from: pointer, byteCount: old)
    return block
}

private func arenaFree(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer, !CmarkArena.contains(pointer) else { return }
    free(pointer)
}
