import BylineCore

/// Words, numbers and sigils: tokens that never leave their line.
extension LineScanner {
    /// Reads the whole word at `index` and styles it as a keyword or type if the tables know it, or as
    /// the start of a string when it is a prefix like Python's `f` or Rust's `r#`.
    mutating func scanWord(at index: Int) -> Int {
        let table = language.byteClass
        var end = index + 1
        while end < lineEnd && table[Int(bytes[end])] & ByteClass.wordPart != 0 { end += 1 }
        if end < lineEnd, table[Int(bytes[end])] & ByteClass.opener != 0 || bytes[end] == UInt8(ascii: "#"),
           let next = scanPrefixedString(word: index, end: end) {
            return next
        }
        if language.keywords.contains(bytes, from: index, to: end) {
            tokens.mark(index, end, .keyword)
        } else if language.types.contains(bytes, from: index, to: end)
                    || language.capitalizedWordsAreTypes && Self.isCapital(bytes[index]) {
            tokens.mark(index, end, .type)
        }
        return end
    }

    /// A string whose prefix word ends at `end`: Rust's `r#"…"#` and `br"…"`, Python's `rb'…'`.
    private mutating func scanPrefixedString(word: Int, end: Int) -> Int? {
        if language.hashPrefixes.contains(bytes, from: word, to: end) {
            var quote = end
            while quote < lineEnd && bytes[quote] == UInt8(ascii: "#") { quote += 1 }
            if quote < lineEnd && bytes[quote] == UInt8(ascii: "\"") {
                return scanHashStringBody(hashes: quote - end, from: quote + 1, tokenStart: word)
            }
        }
        if language.stringPrefixes.contains(bytes, from: word, to: end) {
            return scanString(at: end, tokenStart: word)
        }
        return nil
    }

    /// Reads a number starting at `index`: a digit, or the dot of `.5`, where no word runs into it.
    mutating func scanNumber(at index: Int) -> Int {
        guard let syntax = language.numbers else { return index + 1 }
        var end = index
        if syntax.radixPrefixes, bytes[index] == UInt8(ascii: "0"), index + 1 < lineEnd,
           Self.isRadixLetter(bytes[index + 1]) {
            end = skipDigits(from: index + 2, hex: true, separators: syntax.separators)
        } else {
            // A leading-dot float (`.5`) has no whole part to skip.
            if bytes[index] != UInt8(ascii: ".") { end = skipDigits(from: index, hex: false, separators: syntax.separators) }
            if syntax.floats, end + 1 < lineEnd, bytes[end] == UInt8(ascii: "."), Self.isDigit(bytes[end + 1]) {
                end = skipDigits(from: end + 1, hex: false, separators: syntax.separators)
            }
            if syntax.exponents, end < lineEnd, bytes[end] | 0x20 == UInt8(ascii: "e") {
                var digits = end + 1
                if digits < lineEnd, bytes[digits] == UInt8(ascii: "+") || bytes[digits] == UInt8(ascii: "-") { digits += 1 }
                if digits < lineEnd, Self.isDigit(bytes[digits]) {
                    end = skipDigits(from: digits, hex: false, separators: syntax.separators)
                }
            }
        }
        if syntax.suffixes {
            let table = language.byteClass
            while end < lineEnd, table[Int(bytes[end])] & ByteClass.wordPart != 0 { end += 1 }
        }
        tokens.mark(index, end, .number)
        return end
    }

    private func skipDigits(from index: Int, hex: Bool, separators: Bool) -> Int {
        var end = index
        while end < lineEnd {
            let byte = bytes[end]
            let lower = byte | 0x20
            let isDigit = Self.isDigit(byte) || hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")
            guard isDigit || separators && byte == UInt8(ascii: "_") else { break }
            end += 1
        }
        return end
    }

    /// Where the name after a sigil at `index` ends: `$HOME`, `${HOME}`, `$1`; nil if no name follows.
    /// A bracketed name is found with the line's remembered closers, so unclosed `${` stay linear.
    mutating func scanSigil(_ sigil: CompiledSigil, at index: Int) -> Int? {
        let first = index + 1
        guard first < lineEnd else { return nil }
        let byte = bytes[first]
        if Self.isASCIIWordByte(byte) && !Self.isDigit(byte) {
            var end = first + 1
            while end < lineEnd && Self.isASCIIWordByte(bytes[end]) { end += 1 }
            return end
        }
        for bracket in sigil.brackets where bracket.open == byte {
            return nextByte(bracket.close, from: first + 1).map { $0 + 1 }
        }
        return sigil.specialNames.contains(byte) ? first + 1 : nil
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `x`, `b` or `o` in either case, after a leading `0`.
    static func isRadixLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower == UInt8(ascii: "x") || lower == UInt8(ascii: "b") || lower == UInt8(ascii: "o")
    }

    static func isCapital(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    /// `[A-Za-z0-9_]`: what sigil names are made of, whatever the language adds to its words.
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return isDigit(byte) || byte == UInt8(ascii: "_") || lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}
