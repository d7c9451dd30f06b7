/// The engine of `SearchText.normalized`: it folds well-formed UTF-8 into search's form a piece at a
/// time, appending to one buffer, so a scan can stop as soon as the words it wants have appeared.
///
/// Folding a piece and then the next gives exactly what folding both at once gives (the only state
/// carried between them is whether a word is open), so whatever occurs in the output so far occurs in
/// the whole text's form too.
final class WordFolder {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    private var inWord = false

    /// A folder whose output starts with the leading space, with room for about `expected` input bytes.
    init(expected: Int) {
        capacity = max(64, expected + expected / 8 + 16)
        buffer = .allocate(capacity: capacity)
        buffer[0] = 0x20
        count = 1
    }

    deinit { buffer.deallocate() }

    /// What has been folded so far.
    var output: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: count) }

    /// The output as an array, with the closing space of a word still open.
    func finished() -> [UInt8] {
        if inWord {
            reserve(1)
            buffer[count] = 0x20
            count += 1
            inWord = false
        }
        return Array(output)
    }

    /// Folds `text[range]`; the range must not split a character (`SearchText.characterEnd`).
    func fold(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let base = text.baseAddress else { return }
        // Each input byte adds at most one byte of ASCII output; a multi-byte character checks for its
        // own room below, since a lower-case mapping can be longer than the character.
        reserve(range.count + 16)
        var out = count
        var inWord = self.inWord
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = base[index]
            if byte < 0x80 {
                // The common case, a byte at a time: letters folded, digits kept, the rest separates.
                if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                    buffer[out] = byte; out += 1; inWord = true
                } else if byte &- 0x41 < 26 {
                    buffer[out] = byte | 0x20; out += 1; inWord = true
                } else if inWord {
                    buffer[out] = 0x20; out += 1; inWord = false
                }
                index += 1
                continue
            }
            // A multi-byte character: decode its scalar by hand (no String per character) and classify it.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            var valid = byte >= 0xC2 && byte <= 0xF4 && index + length <= end
            if valid {
                for offset in 1..<length {
                    let next = base[index + offset]
                    guard next & 0xC0 == 0x80 else { valid = false; break }
                    value = value << 6 | UInt32(next & 0x3F)
                }
            }
            // Cleaned text holds no broken sequences; a byte that starts one anyway separates words.
            guard valid, let scalar = Unicode.Scalar(value) else {
                if inWord { buffer[out] = 0x20; out += 1; inWord = false }
                index += 1
                continue
            }
            count = out
            reserve(end - index + 16)
            out = count
            switch SearchText.kind(of: scalar) {
            case .separator:
                if inWord { buffer[out] = 0x20; out += 1; inWord = false }
            case .letter:
                if let base = LatinFolding.base(of: value) {
                    buffer[out] = base; out += 1
                    inWord = true
                    index += length
                    continue
                }
                if LatinFolding.isDroppedMark(value) {
                    index += length
                    continue
                }
                if scalar.properties.changesWhenLowercased {
                    for mapped in scalar.properties.lowercaseMapping.utf8 { buffer[out] = mapped; out += 1 }
                } else {
                    for offset in 0..<length { buffer[out] = base[index + offset]; out += 1 }
                }
                inWord = true
            case .ideograph:
                if inWord { buffer[out] = 0x20; out += 1 }
                for offset in 0..<length { buffer[out] = base[index + offset]; out += 1 }
                buffer[out] = 0x20; out += 1
                inWord = false
            }
            index += length
        }
        count = out
        self.inWord = inWord
    }

    /// Makes room for `more` bytes past the output.
    private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let grown = max(capacity * 2, count + more)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = larger
        capacity = grown
    }
}
