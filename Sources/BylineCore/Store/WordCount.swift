/// Counts words the way a reader would: blank-separated runs that contain a letter or a digit, so
/// markdown markers (`##`, `-`, `|`, `---`) are not words. CJK text without spaces counts each ideograph.
package enum WordCount {
    package static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8(count)
    }

    /// The same over bytes that must be well-formed UTF-8, as `PostText.clean` leaves a post's.
    package static func count(utf8 bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer(count)
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
        let classes = asciiClasses
        while index < count {
            // A run of ASCII, without a branch per byte (which text makes unpredictable): `has` is
            // `wordHasContent` as 0 or 1, a blank ends the word and adds it if it had content.
            var has = wordHasContent ? 1 : 0
            classes.withUnsafeBufferPointer { table in
                while index < count, bytes[index] < 0x80 {
                    let kind = Int(table[Int(bytes[index])])
                    index += 1
                    let blank = kind & 1
                    words &+= blank & has
                    has = (has | kind >> 1) & (blank ^ 1)
                }
            }
            wordHasContent = has == 1
            guard index < count else { break }
            let byte = bytes[index]
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

    /// For each ASCII byte: 1 for a blank (space, tab, line and page breaks), 2 for a letter or digit,
    /// 0 for anything else.
    private static let asciiClasses: [UInt8] = (0..<128).map { (byte: Int) -> UInt8 in
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
        if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return 2 }
        return 0
    }

    private static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
}
