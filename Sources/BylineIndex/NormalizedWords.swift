/// The words of a normalized text (`SearchText.normalized`: words between single spaces), as byte
/// ranges of it: how the index's feeders (`DistinctWords`, `IdeographPairs`) walk a field without
/// making a string of each word.
enum NormalizedWords {
    /// Calls `body` with each word's range in `text`, in order.
    @inline(__always)
    static func forEach(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        while start < text.count {
            while start < text.count, text[start] == 0x20 { start += 1 }
            var end = start
            while end < text.count, text[end] != 0x20 { end += 1 }
            guard end > start else { return }
            body(start..<end)
            start = end
        }
    }
}
