/// Config-file structure that only means something at the start of a line: TOML and INI `[section]`
/// headers, and YAML, TOML and Makefile keys. Each is looked for once per line, so a line that turns
/// out to have none is read at most twice.
extension LineScanner {
    /// Styles a header or key at the start of the line; returns where ordinary scanning goes on.
    mutating func scanLineStart() -> Int {
        if language.sectionHeaders, let end = sectionHeaderEnd() {
            tokens.mark(firstNonSpace(from: lineStart), end, .keyword)
            return end
        }
        if let keys = language.keys, let key = keyRange(keys) {
            tokens.mark(key.lowerBound, key.upperBound, .keyword)
            return key.upperBound
        }
        return lineStart
    }

    /// `[server]`, `[[servers]]` alone on the line, or before a comment; not `[1, 2],` inside an array.
    private func sectionHeaderEnd() -> Int? {
        let open = firstNonSpace(from: lineStart)
        guard open < lineEnd, bytes[open] == UInt8(ascii: "[") else { return nil }
        guard var end = nextClose(from: open) else { return nil }
        while end < lineEnd && bytes[end] == UInt8(ascii: "]") { end += 1 }
        let rest = firstNonSpace(from: end)
        let restIsComment = rest < lineEnd && (bytes[rest] == UInt8(ascii: "#") || bytes[rest] == UInt8(ascii: ";"))
        return rest == lineEnd || restIsComment ? end : nil
    }

    private func nextClose(from index: Int) -> Int? {
        var position = index
        while position < lineEnd && bytes[position] != UInt8(ascii: "]") { position += 1 }
        return position < lineEnd ? position : nil
    }

    /// The key before the separator, without the spaces around it; nil if the line has none.
    private func keyRange(_ keys: CompiledKeys) -> Range<Int>? {
        var start = firstNonSpace(from: lineStart)
        if !keys.allowsIndent && start != lineStart { return nil }
        if keys.skipsListMarkers {
            while start + 1 < lineEnd, bytes[start] == UInt8(ascii: "-"), Self.isSpace(bytes[start + 1]) {
                start = firstNonSpace(from: start + 1)
            }
        }
        var position = start
        while position < lineEnd {
            let byte = bytes[position]
            if byte == keys.separator {
                if !keys.needsSpaceAfter || position + 1 == lineEnd || Self.isSpace(bytes[position + 1]) { break }
            } else if keys.forbidden[Int(byte)] {
                return nil
            }
            position += 1
        }
        guard position < lineEnd else { return nil }
        var end = position
        while end > start && Self.isSpace(bytes[end - 1]) { end -= 1 }
        return end > start ? start..<end : nil
    }

    private func firstNonSpace(from index: Int) -> Int {
        var position = index
        while position < lineEnd && Self.isSpace(bytes[position]) { position += 1 }
        return position
    }
}
