/// A quick reader for the YAML front matter most blogs write, so that Yams is needed only for the rest.
///
/// Accepted: top-level `key: value` lines (keys of ASCII letters, digits, `_`, `-`, `.`), where a value
/// is a one-line plain, 'single' or "double" quoted scalar, an inline `[a, "b"]` list of such scalars,
/// or nothing on the line followed by `- item` lines (one indentation) of such scalars; blank lines
/// and `#` comments. Anything else gives nil: anchors, aliases, tags, block and multi-line scalars,
/// flow maps, nested mappings, escapes other than `\"` and `\\`, empty values, duplicate keys, tabs,
/// control characters. Then `FrontMatterParser` asks Yams, which also words the errors.
///
/// Whatever it accepts, it turns into exactly the entry the Yams path builds (values, file lines and
/// columns); `FlatYAMLDifferentialTests` checks that on thousands of inputs. Yams' `compose` costs
/// ≈ 28 µs per front matter, most of the time it takes to load a post.
enum FlatYAML {
    /// The front matter table, or nil when the text is not of the narrow kind read here.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, firstLine: Int) -> FrontMatterEntry? {
        guard hasOnlyPlainCharacters(text) else { return nil }
        var reader = FlatYAMLReader(bytes: text, firstLine: firstLine)
        return reader.table()
    }

    /// The same for a `String`, as `FrontMatterParser.parse` receives it.
    static func parse(_ text: String, firstLine: Int) -> FrontMatterEntry? {
        var text = text
        return text.withUTF8 { parse($0, firstLine: firstLine) }
    }

    /// Plain scalars that Yams' conversion turns into `.other` (YAML's nulls; the empty one never gets here).
    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        switch bytes.count {
        case 1: return bytes.first == 0x7E // ~
        case 4: return nulls.contains { $0.elementsEqual(bytes) }
        default: return false
        }
    }

    private static let nulls = [Array("null".utf8), Array("Null".utf8), Array("NULL".utf8)]

    /// No tab, no control character, nothing that libyaml reads as a line break or refuses as
    /// unprintable (C1 controls, U+FEFF, U+FFFE, U+FFFF, U+2028, U+2029). The text is valid UTF-8.
    private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 { if byte != 0x0A { return false } }
            else if byte == 0x7F { return false }
            else if byte >= 0x80 {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                switch byte {
                case 0xC2 where next < 0xA0: return false
                case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return false
                case 0xEF where next == 0xBB && third == 0xBF: return false
                case 0xEF where next == 0xBF && (third == 0xBE || third == 0xBF): return false
                default: break
                }
            }
            index += 1
        }
        return true
    }
}

/// One pass over the lines; every method returns nil as soon as the text leaves the accepted kind.
private struct FlatYAMLReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let firstLine: Int
    /// Start of the current line and its line number in the file.
    var lineStart = 0
    var line: Int

    init(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        self.line = firstLine
    }

    private static let space: UInt8 = 0x20, hash: UInt8 = 0x23, colon: UInt8 = 0x3A, dash: UInt8 = 0x2D
    private static let comma: UInt8 = 0x2C, open: UInt8 = 0x5B, close: UInt8 = 0x5D
    private static let single: UInt8 = 0x27, double: UInt8 = 0x22, backslash: UInt8 = 0x5C

    /// A key waiting for its `- item` lines, and the list so far.
    private struct BlockList {
        var key: String
        var indent: Int?
        var items: [FrontMatterEntry] = []
        var line = 0, column = 0
    }

    mutating func table() -> FrontMatterEntry? {
        var pairs: [(key: String, value: FrontMatterEntry)] = []
        var pending: BlockList?
        var tableLine: Int?
        var keys: Set<String> = []

        while lineStart < bytes.count {
            let end = endOfLine(lineStart)
            var start = lineStart
            while start < end, bytes[start] == Self.space { start += 1 }
            let indent = start - lineStart

            if start == end || bytes[start] == Self.hash {
                // Blank or comment line.
            } else if bytes[start] == Self.dash, start + 1 == end || bytes[start + 1] == Self.space {
                // The list is changed where it lies: a copy taken out and put back shares its items, so
                // each append copied them all (90,000 items took over 60 s).
                guard pending != nil else { return nil }
                if pending!.indent == nil {
                    pending!.indent = indent
                    (pending!.line, pending!.column) = (line, column(of: start))
                }
                guard pending!.indent == indent else { return nil }
                var valueStart = start + 1
                while valueStart < end, bytes[valueStart] == Self.space { valueStart += 1 }
                guard valueStart < end, bytes[valueStart] != Self.hash,
                      let item = blockScalar(from: valueStart, to: end) else { return nil }
                pending!.items.append(item)
            } else {
                // Only keys start at the left edge; an indented line would continue or nest a value.
                guard indent == 0 else { return nil }
                if let list = pending {
                    guard list.indent != nil else { return nil } // `key:` with nothing under it
                    pairs.append((list.key, FrontMatterEntry(.list(list.items), line: list.line, column: list.column)))
                    pending = nil
                }
                guard let (key, afterColon) = key(from: start, to: end), !isRepeated(key, among: pairs, &keys) else { return nil }
                if tableLine == nil { tableLine = line }
                var valueStart = afterColon
                while valueStart < end, bytes[valueStart] == Self.space { valueStart += 1 }
                if valueStart == end || bytes[valueStart] == Self.hash {
                    pending = BlockList(key: key)
                } else if bytes[valueStart] == Self.open {
                    guard let list = flowList(from: valueStart, to: end) else { return nil }
                    pairs.append((key, list))
                } else {
                    guard let value = blockScalar(from: valueStart, to: end) else { return nil }
                    pairs.append((key, value))
                }
            }
            lineStart = end + 1
            line += 1
        }
        if let list = pending {
            guard list.indent != nil else { return nil }
            pairs.append((list.key, FrontMatterEntry(.list(list.items), line: list.line, column: list.column)))
        }
        // Yams composes no document from blanks and comments; the parser makes that an empty table.
        return FrontMatterEntry(.table(pairs), line: tableLine ?? firstLine, column: 1)
    }

    /// Whether `key` is among the keys so far. A few keys are compared one by one; past
    /// `keysComparedDirectly`, through `keys`, which then holds every key met (a front matter of
    /// 100,000 keys made the comparisons quadratic).
    private func isRepeated(_ key: String, among pairs: [(key: String, value: FrontMatterEntry)], _ keys: inout Set<String>) -> Bool {
        guard pairs.count >= Self.keysComparedDirectly else { return pairs.contains { $0.key == key } }
        if keys.isEmpty { keys = Set(pairs.map(\.key)) }
        return !keys.insert(key).inserted
    }

    /// Keys compared one by one before a set is built: most front matter has fewer.
    private static let keysComparedDirectly = 16

    // MARK: Pieces of a line

    private func endOfLine(_ start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index
    }

    /// One-based column in Unicode scalars, as libyaml counts.
    private func column(of index: Int) -> Int {
        column(of: index, from: (lineStart, 1))
    }

    /// The same, counted on from a known place earlier on the line: the items of a one-line list are
    /// each placed from the one before, not from the line's start (40,000 tags took 48 s).
    private func column(of index: Int, from known: (index: Int, column: Int)) -> Int {
        var column = known.column
        for offset in known.index..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// A plain key and the offset after its colon, which must be followed by a space or the line end.
    private func key(from start: Int, to end: Int) -> (String, Int)? {
        var index = start
        while index < end {
            let byte = bytes[index]
            let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
            if isWordByte || (index > start && (byte == Self.dash || byte == 0x2E)) { index += 1; continue }
            break
        }
        guard index > start, index < end, bytes[index] == Self.colon,
              index + 1 == end || bytes[index + 1] == Self.space else { return nil }
        return (String(decoding: bytes[start..<index], as: UTF8.self), index + 1)
    }

    /// Bytes that start something other than a plain scalar (or a plain scalar this reader leaves to Yams).
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
            return true // - ? : , [ ] { } # & * ! | > ' " % @ `
        default:
            return false
        }
    }

    /// A scalar that is the rest of the line (after a key or a `- `), then maybe a comment.
    private func blockScalar(from start: Int, to end: Int) -> FrontMatterEntry? {
        let at = (line: line, column: column(of: start))
        let first = bytes[start]
        if first == Self.single || first == Self.double {
            guard let (text, after) = quoted(from: start, to: end) else { return nil }
            var index = after
            while index < end, bytes[index] == Self.space { index += 1 }
            guard index == end || (index > after && bytes[index] == Self.hash) else { return nil }
            return FrontMatterEntry(.string(text), line: at.line, column: at.column)
        }
        guard !Self.isIndicator(first) else { return nil }
        var contentEnd = end
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == Self.colon, index + 1 == end || bytes[index + 1] == Self.space { return nil }
            if byte == Self.hash, bytes[index - 1] == Self.space { contentEnd = index; break }
            index += 1
        }
        while contentEnd > start, bytes[contentEnd - 1] == Self.space { contentEnd -= 1 }
        return plain(start..<contentEnd, at: at)
    }

    private func plain(_ range: Range<Int>, at: (line: Int, column: Int)) -> FrontMatterEntry {
        let value: FrontMatterValue = FlatYAML.isNull(bytes[range]) ? .other : .string(String(decoding: bytes[range], as: UTF8.self))
        return FrontMatterEntry(value, line: at.line, column: at.column)
    }

    /// `[a, "b", 'c']` on one line, then maybe a comment.
    private func flowList(from start: Int, to end: Int) -> FrontMatterEntry? {
        let at = (line: line, column: column(of: start))
        var items: [FrontMatterEntry] = []
        var index = start + 1
        var placed = (index: start, column: at.column)
        func skipSpaces() { while index < end, bytes[index] == Self.space { index += 1 } }
        skipSpaces()
        if index < end, bytes[index] == Self.close {
            index += 1
        } else {
            while true {
                guard index < end else { return nil }
                placed = (index, column(of: index, from: placed))
                let itemAt = (line: line, column: placed.column)
                let first = bytes[index]
                if first == Self.single || first == Self.double {
                    guard let (text, after) = quoted(from: index, to: end) else { return nil }
                    items.append(FrontMatterEntry(.string(text), line: itemAt.line, column: itemAt.column))
                    index = after
                } else {
                    guard !Self.isIndicator(first) else { return nil }
                    let itemStart = index
                    while index < end, bytes[index] != Self.comma, bytes[index] != Self.close {
                        switch bytes[index] {
                        case Self.colon, Self.hash, Self.open, 0x7B, 0x7D: return nil
                        default: index += 1
                        }
                    }
                    var itemEnd = index
                    while itemEnd > itemStart, bytes[itemEnd - 1] == Self.space { itemEnd -= 1 }
                    items.append(plain(itemStart..<itemEnd, at: itemAt))
                }
                skipSpaces()
                guard index < end else { return nil }
                if bytes[index] == Self.close { index += 1; break }
                guard bytes[index] == Self.comma else { return nil }
                index += 1
                skipSpaces()
                // A trailing comma, or an empty item, is left to Yams.
                guard index < end, bytes[index] != Self.close, bytes[index] != Self.comma else { return nil }
            }
        }
        let after = index
        skipSpaces()
        guard index == end || (index > after && bytes[index] == Self.hash) else { return nil }
        return FrontMatterEntry(.list(items), line: at.line, column: at.column)
    }

    /// A quoted scalar closed on its line: its text and the offset after the closing quote.
    private func quoted(from start: Int, to end: Int) -> (String, Int)? {
        let quote = bytes[start]
        var text: [UInt8] = []
        var runStart = start + 1
        var index = start + 1
        while index < end {
            let byte = bytes[index]
            if byte == quote {
                if quote == Self.single, index + 1 < end, bytes[index + 1] == Self.single {
                    // '' is one quote inside single quotes.
                    text += bytes[runStart...index]
                    index += 2
                    runStart = index
                    continue
                }
                if text.isEmpty { return (String(decoding: bytes[runStart..<index], as: UTF8.self), index + 1) }
                text += bytes[runStart..<index]
                return (String(decoding: text, as: UTF8.self), index + 1)
            }
            if quote == Self.double, byte == Self.backslash {
                guard index + 1 < end, bytes[index + 1] == Self.double || bytes[index + 1] == Self.backslash else { return nil }
                text += bytes[runStart..<index]
                text.append(bytes[index + 1])
                index += 2
                runStart = index
                continue
            }
            index += 1
        }
        return nil
    }
}
