import BylineCore

/// Comments and strings: the constructs that may run past the end of a line and set `state`.
extension LineScanner {
    /// Scans a block comment's body from `index` (past its opener, or the line start when resumed).
    mutating func scanBlockComment(from index: Int, tokenStart: Int, depth startDepth: Int) -> Int {
        let open = language.blockOpen, close = language.blockClose
        var depth = startDepth
        var position = index
        while position < lineEnd {
            let byte = bytes[position]
            if byte == close[0] && matches(close, at: position) {
                position += close.count
                depth -= 1
                if depth == 0 {
                    tokens.mark(tokenStart, position, .comment)
                    state = .code
                    return position
                }
            } else if language.blockNests && byte == open[0] && matches(open, at: position) {
                position += open.count
                depth += 1
            } else {
                position += 1
            }
        }
        tokens.mark(tokenStart, lineEnd, .comment)
        state = .blockComment(depth: depth)
        return lineEnd
    }

    /// Tries each string form at `index`; the token starts at `tokenStart`, earlier than `index` when a
    /// prefix word (`f`, `b`) belongs to the string. Nil when no string opens here.
    mutating func scanString(at index: Int, tokenStart: Int) -> Int? {
        let byte = bytes[index]
        for rule in language.strings.indices where language.strings[rule].open[0] == byte {
            let syntax = language.strings[rule]
            guard matches(syntax.open, at: index) else { continue }
            if syntax.isCharacter {
                guard let end = characterLiteralEnd(syntax, at: index) else { continue }
                tokens.mark(tokenStart, end, .string)
                return end
            }
            return scanStringBody(rule: rule, from: index + syntax.open.count, tokenStart: tokenStart)
        }
        return nil
    }

    /// Scans a string's body from `index` to its close, or to the line end (carrying a multi-line
    /// string over to the next line).
    mutating func scanStringBody(rule: Int, from index: Int, tokenStart: Int) -> Int {
        let syntax = language.strings[rule]
        let close = syntax.close, first = close[0], escape = syntax.escape
        var position = index
        while position < lineEnd {
            let byte = bytes[position]
            if Int(byte) == escape {
                position += 2
            } else if byte == first && matches(close, at: position) {
                let end = position + close.count
                tokens.mark(tokenStart, end, language.stringKeys && isFollowedByColon(end) ? .keyword : .string)
                state = .code
                return end
            } else {
                position += 1
            }
        }
        tokens.mark(tokenStart, lineEnd, .string)
        state = syntax.multiline ? .string(rule: rule) : .code
        return lineEnd
    }

    /// Where a character literal opened at `index` ends: one character, or one escape, then the close.
    /// Nil when that shape is not there (Rust's `'a` lifetime, an apostrophe in prose).
    private func characterLiteralEnd(_ syntax: CompiledString, at index: Int) -> Int? {
        let body = index + syntax.open.count
        guard body < lineEnd else { return nil }
        let close = syntax.close[0]
        if Int(bytes[body]) == syntax.escape {
            // `\n`, `\x7f`, `\u{1F600}`: the longest escapes are a dozen bytes.
            let limit = min(lineEnd, body + 12)
            var position = body + 2
            while position < limit {
                if bytes[position] == close { return position + 1 }
                position += 1
            }
            return nil
        }
        let closeAt = body + Self.scalarLength(startingWith: bytes[body])
        return closeAt < lineEnd && bytes[closeAt] == close ? closeAt + 1 : nil
    }

    /// JSON keys: a string with `:` after it, past any spaces.
    private func isFollowedByColon(_ index: Int) -> Bool {
        var position = index
        while position < lineEnd && Self.isSpace(bytes[position]) { position += 1 }
        return position < lineEnd && bytes[position] == UInt8(ascii: ":")
    }

    /// Swift's `#"…"#`: `#`s then a quote. A run of `#` that opens nothing is skipped to its last `#`
    /// (which may still start `#if`), so a long run is counted once, not once per `#`.
    mutating func scanBareHashString(at index: Int) -> Int? {
        var position = index
        while position < lineEnd && bytes[position] == UInt8(ascii: "#") { position += 1 }
        if position < lineEnd && bytes[position] == UInt8(ascii: "\"") {
            return scanHashStringBody(hashes: position - index, from: position + 1, tokenStart: index)
        }
        return position - index > 1 ? position - 1 : nil
    }

    /// Scans a raw hash string's body to a quote followed by `hashes` pound signs.
    mutating func scanHashStringBody(hashes: Int, from index: Int, tokenStart: Int) -> Int {
        var position = index
        while position < lineEnd {
            guard bytes[position] == UInt8(ascii: "\"") else {
                position += 1
                continue
            }
            position += 1
            var count = 0
            while count < hashes && position < lineEnd && bytes[position] == UInt8(ascii: "#") {
                position += 1
                count += 1
            }
            if count == hashes {
                tokens.mark(tokenStart, position, .string)
                state = .code
                return position
            }
        }
        tokens.mark(tokenStart, lineEnd, .string)
        state = .hashString(hashes: hashes)
        return lineEnd
    }

    /// How many bytes the UTF-8 sequence led by `byte` takes (1 for ASCII or a stray continuation byte).
    static func scalarLength(startingWith byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
