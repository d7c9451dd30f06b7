/// Whether bytes are all printable ASCII (0x20...0x7E), where display width is byte count and every
/// byte is its own character. Most of a post is; checking eight bytes at a time keeps the check from
/// costing more than the work it saves.
enum ASCIIScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether none of the eight bytes of `word` is below 0x20 or above 0x7E (Hacker's Delight
    /// `hasless` and `hasmore`, both exact about whether any byte qualifies).
    @inline(__always)
    static func isPrintable(word: UInt64) -> Bool {
        let below = (word &- ones &* 0x20) & ~word & highBits
        let above = ((word &+ ones &* (0x7F - 0x7E)) | word) & highBits
        return below | above == 0
    }

    static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            guard isPrintable(word: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) else { return false }
            index += 8
        }
        while index < count {
            if base[index] < 0x20 || base[index] > 0x7E { return false }
            index += 1
        }
        return true
    }
}
