/// A growable run of bytes for writers that append millions of short pieces: `Array.append(contentsOf:)`
/// costs some 25 instructions a call before it copies anything, here an append is a capacity check and
/// a `memcpy`. The owner frees it by taking its bytes (`takeArray`) exactly once; it is not copied.
struct ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

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
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// The bytes so far, valid until the next append.
    var contents: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Frees the buffer, when its bytes are not needed as an array: the last use of it.
    mutating func free() {
        base.deallocate()
        base = .allocate(capacity: 1)
        count = 0
        capacity = 1
    }

    /// The bytes as an array, freeing the buffer: the last use of it.
    mutating func takeArray() -> [UInt8] {
        let bytes = Array(UnsafeBufferPointer(start: base, count: count))
        base.deallocate()
        base = .allocate(capacity: 1)
        count = 0
        capacity = 1
        return bytes
    }
}
