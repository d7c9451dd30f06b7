/// Counts words the way a reader would: blank-separated runs that contain a letter or a digit, so
/// markdown markers (`##`, `-`, `|`, `---`) are not words. CJK text without spaces counts each ideograph.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        var wordHasContent = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // The common case without Unicode property look-ups.
                let value = scalar.value
                if value == 0x20 || (0x09...0x0D).contains(value) {
                    if inWord, wordHasContent { words += 1 }
                    inWord = false
                    wordHasContent = false
                } else {
                    inWord = true
                    if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                        wordHasContent = true
                    }
                }
                continue
            }
            if scalar.properties.isWhitespace {
                if inWord, wordHasContent { words += 1 }
                inWord = false
                wordHasContent = false
                continue
            }
            if isIdeograph(scalar) {
                if inWord, wordHasContent { words += 1 }
                words += 1
                inWord = false
                wordHasContent = false
                continue
            }
            inWord = true
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { wordHasContent = true }
        }
        if inWord, wordHasContent { words += 1 }
        return words
    }

    private static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
}
