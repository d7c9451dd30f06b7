/// A growable run of bytes for writers that append millions of short pieces: `Array.append(contentsOf:)`
/// costs some 25 instructions a call before it copies anything, here an append is a capacity check and
/// a `memcpy`. The owner ends it exactly once, by `free` or `takeStorage`; it is never copied or shared.
struct ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    /// Bytes at `base`; 0 once the buffer has handed its memory back (then `base` is `released`).
    private var capacity: Int

    /// Where `base` points once the buffer is freed or taken: one byte allocated once for the process,
    /// never written. A fresh byte for each ended buffer was never freed (a 32-byte heap chunk per
    /// wrapped paragraph and per laid-out post, found by the fuzzer's leak check).
    private nonisolated(unsafe) static let released = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        guard length > 0, let source = bytes.baseAddress else { return }
        if count + length > capacity { grow(toAtLeast: count + length) }
        (base + count).initialize(from: source, count: length)
        count += length
    }

    private mutating func grow(toAtLeast needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        if capacity > 0 { base.deallocate() }
        base = moved
        capacity = larger
    }

    /// The bytes so far, valid until the next append.
    var contents: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Frees the buffer, when its bytes are not needed as an array: the last use of it.
    mutating func free() {
        if capacity > 0 { base.deallocate() }
        base = ByteBuffer.released
        count = 0
        capacity = 0
    }

    /// The bytes as storage that frees itself, without copying them: the last use of the buffer.
    mutating func takeStorage() -> FlatBytes {
        // A buffer already ended has nothing to give: the storage gets a byte of its own to free.
        let storage = capacity > 0 ? FlatBytes(base, count: count) : FlatBytes()
        base = ByteBuffer.released
        count = 0
        capacity = 0
        return storage
    }

    /// Writes the bytes to `sink` and starts over, keeping the memory: for output written in chunks.
    mutating func drain(to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        if count > 0 { sink(contents) }
        count = 0
    }
}

/// Bytes that never change once written, freed with the last reference: `FlatText`'s text, taken
/// from the `ByteBuffer` it was written into without a copy (a copy of a 1 MB post's text is a
/// megabyte of fresh pages to fault in).
package final class FlatBytes: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    package let count: Int

    init(_ base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    convenience init() { self.init(.allocate(capacity: 1), count: 0) }

    deinit { base.deallocate() }

    package var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
