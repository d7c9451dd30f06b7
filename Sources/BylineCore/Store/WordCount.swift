/// Counts words the way a reader would: blank-separated runs that contain a letter or a digit, so
/// markdown markers (`##`, `-`, `|`, `---`) are not words. CJK text without spaces counts each ideograph.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8(count)
    }

    /// The count over UTF-8 bytes: ASCII without decoding, other scalars decoded by hand (a Swift
    /// string is always well-formed UTF-8) and looked up in Unicode's properties.
    private static func count(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        // A word is counted when it ends, if it had content; `wordHasContent` is only ever true inside
        // a word, so it alone says whether the word so far counts.
        var words = 0
        var wordHasContent = false
        guard let bytes = utf8.baseAddress else { return 0 }
        let count = utf8.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                // The common case without Unicode property look-ups.
                index += 1
                let blank = byte == 0x20 || byte &- 0x09 <= 0x0D - 0x09
                // Digits, and letters of either case (`| 0x20` lower-cases an ASCII letter).
                let content = byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
                words &+= blank && wordHasContent ? 1 : 0
                wordHasContent = !blank && (wordHasContent || content)
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            index += length
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.properties.isWhitespace {
                if wordHasContent { words += 1 }
                wordHasContent = false
                continue
            }
            if isIdeograph(scalar) {
                if wordHasContent { words += 1 }
                words += 1
                wordHasContent = false
                continue
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { wordHasContent = true }
        }
        if wordHasContent { words += 1 }
        return words
    }

    private static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
}
