import BylineCore

/// Where a line starts: in code, or inside something an earlier line opened and did not close.
enum ScanState: Equatable, Sendable {
    /// Ordinary code.
    case code
    /// Inside a block comment, `depth` deep (only languages whose comments nest go past 1).
    case blockComment(depth: Int)
    /// Inside the multi-line string opened by `CompiledLanguage.strings[rule]`.
    case string(rule: Int)
    /// Inside a raw string that a quote and `hashes` pound signs will close.
    case hashString(hashes: Int)
}

/// Splits one line's bytes into tokens by a `CompiledLanguage`, carrying `state` to the next line.
///
/// Every step moves forward: each construct is found by looking at the bytes ahead once, and where a
/// look-ahead could fail over and over (a `${` with no `}`, a run of `#`), its answer is remembered or
/// the run is skipped whole. That keeps a line linear in its length however it is written. Tokens
/// always start and end beside an ASCII byte that the tables name, so a cut never falls inside a
/// multi-byte character.
struct LineScanner {
    let language: CompiledLanguage
    let bytes: UnsafeBufferPointer<UInt8>
    var state = ScanState.code
    /// The last scanned line's tokens; `SpanAssembler` may move their ends to character boundaries.
    var tokens = TokenRun()
    /// The line being scanned: `bytes[lineStart..<lineEnd]`, without its newline.
    private(set) var lineStart = 0
    private(set) var lineEnd = 0
    private var closers = NextByteCache()

    init(language: CompiledLanguage, bytes: UnsafeBufferPointer<UInt8>) {
        self.language = language
        self.bytes = bytes
    }

    /// Tokenises `bytes[start..<end]` into `tokens`, starting in `state` and leaving the state the
    /// next line starts in.
    mutating func scanLine(from start: Int, to end: Int) {
        lineStart = start
        lineEnd = end
        tokens.reset(at: start)
        closers.reset()
        if !language.lineStyles.isEmpty {
            tokens.mark(start, end, lineStyle())
            return
        }
        let startedInCode = state == .code
        var index = resume()
        if startedInCode { index = scanLineStart() }
        while index < end {
            let byte = bytes[index]
            let kind = language.byteClass[Int(byte)]
            if kind == 0 {
                index &+= 1
            } else if kind & ByteClass.opener != 0, let next = scanOpener(at: index) {
                index = next
            } else if kind & ByteClass.fraction != 0, isLeadingDotFloat(index) {
                index = scanNumber(at: index)
            } else if kind & ByteClass.wordStart != 0 {
                index = scanWord(at: index)
            } else if kind & ByteClass.digit != 0, language.numbers != nil, isWordStart(index) {
                index = scanNumber(at: index)
            } else {
                index &+= 1
            }
        }
        tokens.finish(at: end)
    }

    /// Finishes whatever the previous line left open; returns where code starts again.
    private mutating func resume() -> Int {
        switch state {
        case .code: return lineStart
        case .blockComment(let depth): return scanBlockComment(from: lineStart, tokenStart: lineStart, depth: depth)
        case .string(let rule): return scanStringBody(rule: rule, from: lineStart, tokenStart: lineStart)
        case .hashString(let hashes): return scanHashStringBody(hashes: hashes, from: lineStart, tokenStart: lineStart)
        }
    }

    /// Comments, strings and sigils: whatever the byte at `index` may open. Nil when it opens nothing
    /// here, so the byte is read as part of a word or as plain text instead.
    private mutating func scanOpener(at index: Int) -> Int? {
        let byte = bytes[index]
        if !language.blockOpen.isEmpty, byte == language.blockOpen[0], matches(language.blockOpen, at: index) {
            return scanBlockComment(from: index + language.blockOpen.count, tokenStart: index, depth: 1)
        }
        for comment in language.lineComments where comment[0] == byte && matches(comment, at: index) {
            if language.lineCommentsNeedSpaceBefore && !followsSpace(index) { break }
            tokens.mark(index, lineEnd, .comment)
            return lineEnd
        }
        if language.bareHashStrings, byte == UInt8(ascii: "#"), let next = scanBareHashString(at: index) {
            return next
        }
        if !language.stringsNeedWordBoundary || isWordStart(index), let next = scanString(at: index, tokenStart: index) {
            return next
        }
        for sigil in language.sigils where sigil.prefix == byte {
            if let end = scanSigil(sigil, at: index) {
                tokens.mark(index, end, sigil.style)
                return end
            }
        }
        return nil
    }

    /// Diff: the style of the first line prefix that matches, or plain.
    private func lineStyle() -> TextStyle {
        for (prefix, style) in language.lineStyles where matches(prefix, at: lineStart) { return style }
        return .plain
    }

    // MARK: - Byte tests shared by the scanning extensions

    /// Whether `sequence` is written at `index`, within the line.
    func matches(_ sequence: [UInt8], at index: Int) -> Bool {
        guard index + sequence.count <= lineEnd else { return false }
        for offset in sequence.indices where bytes[index + offset] != sequence[offset] { return false }
        return true
    }

    /// Whether no word runs into `index` from the left, so a number or string may start there.
    func isWordStart(_ index: Int) -> Bool {
        index == lineStart || language.byteClass[Int(bytes[index - 1])] & ByteClass.wordPart == 0
    }

    /// `.5`, but not the `.0` of `x.0` or the `.5` of the range `1..5`.
    private func isLeadingDotFloat(_ index: Int) -> Bool {
        index + 1 < lineEnd && Self.isDigit(bytes[index + 1]) && isWordStart(index)
            && (index == lineStart || bytes[index - 1] != UInt8(ascii: "."))
    }

    func followsSpace(_ index: Int) -> Bool {
        index == lineStart || Self.isSpace(bytes[index - 1])
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Where the next `target` byte on the line is, at or after `index`. Remembered per line, so a
    /// thousand `${` with no `}` cost one look to the line end, not a thousand.
    mutating func nextByte(_ target: UInt8, from index: Int) -> Int? {
        closers.next(target, from: index, in: bytes, before: lineEnd)
    }
}

/// The memory behind `LineScanner.nextByte`: for a few bytes, where a search started and what it found.
/// An answer found from an earlier start still holds for a later one that does not pass it.
private struct NextByteCache {
    private var entries: [(target: UInt8, from: Int, found: Int)] = []

    mutating func reset() { entries.removeAll(keepingCapacity: true) }

    mutating func next(_ target: UInt8, from index: Int, in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        let slot = entries.firstIndex { $0.target == target }
        if let slot, entries[slot].from <= index, entries[slot].found >= index {
            let found = entries[slot].found
            return found == end ? nil : found
        }
        var position = index
        while position < end && bytes[position] != target { position += 1 }
        if let slot { entries[slot] = (target, index, position) } else { entries.append((target, index, position)) }
        return position == end ? nil : position
    }
}
