#if canImport(Glibc)
import Glibc
#endif

/// Turns the bytes of a post file into clean UTF-8 text and reports what had to be fixed.
///
/// BOMs are removed and CRLF becomes LF silently (both are normal in real blogs). Invalid UTF-8 is
/// replaced by U+FFFD with a warning at its first place. A NUL byte marks a binary file, which is refused.
package enum PostText {
    /// What was wrong with the bytes, with the first place it happened.
    package enum Problem: Equatable, Sendable {
        case invalidUTF8(line: Int, column: Int)
        case nulByte(line: Int, column: Int)
    }

    /// The cleaned bytes (valid UTF-8, LF line ends, no BOM) and any problem.
    /// `truncated` says the bytes are a prefix of the file, so a character cut at the end is not an error.
    package static func clean(_ raw: [UInt8], truncated: Bool = false) -> (bytes: [UInt8], problem: Problem?) {
        var start = 0
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
        var end = raw.count
        if truncated { end = completeCharactersEnd(raw, from: start) }

        if let nul = find(0x00, in: raw, start..<end) {
            let (line, column) = place(of: nul, in: raw, from: start)
            return ([], .nulByte(line: line, column: column))
        }
        // Most files are already clean: no carriage return and valid UTF-8. Copy them as they are.
        if find(0x0D, in: raw, start..<end) == nil, isValidUTF8(raw, start..<end) {
            return (start == 0 && end == raw.count ? raw : Array(raw[start..<end]), nil)
        }
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var problem: Problem?
        var index = start
        while index < end {
            let byte = raw[index]
            if byte == 0x0D, index + 1 < end, raw[index + 1] == 0x0A { index += 1; continue }
            if byte < 0x80 { output.append(byte); index += 1; continue }
            let length = validSequenceLength(raw, at: index, end: end)
            if length == 0 {
                if problem == nil {
                    let (line, column) = place(of: index, in: raw, from: start)
                    problem = .invalidUTF8(line: line, column: column)
                }
                output += [0xEF, 0xBF, 0xBD]
                index += 1
            } else {
                output += raw[index..<index + length]
                index += length
            }
        }
        return (output, problem)
    }

    /// The first offset of `byte` in `range`, by `memchr`.
    private static func find(_ byte: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            guard let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    /// Whether `range` is well-formed UTF-8. Runs of ASCII are passed over eight bytes at a time and the
    /// rest is checked by `validSequenceLength`, the table the repair below uses. (The standard library's
    /// validator, `String(validating:)`, also made and threw away a copy of every file's first 4 KiB.)
    static func isValidUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawPointer(buffer.baseAddress!)
            var index = range.lowerBound
            let end = range.upperBound
            while index < end {
                if index + 8 <= end, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                } else if buffer[index] < 0x80 {
                    index += 1
                } else {
                    let length = validSequenceLength(buffer, at: index, end: end)
                    guard length > 0 else { return false }
                    index += length
                }
            }
            return true
        }
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0 (RFC 3629, no overlongs or surrogates).
    static func validSequenceLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
        bytes.withUnsafeBufferPointer { validSequenceLength($0, at: index, end: end) }
    }

    /// The same on a buffer, for the check of whole prefixes.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= end else { return 0 }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// Where a prefix can end without cutting a multi-byte character in two.
    private static func completeCharactersEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = bytes.count
        var back = 0
        while end > start, back < 3, (0x80...0xBF).contains(bytes[end - 1]) { end -= 1; back += 1 }
        guard end > start else { return bytes.count }
        let lead = bytes[end - 1]
        let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return needed > back + 1 ? end - 1 : bytes.count
    }

    /// One-based line and column (in characters, counting each invalid byte as one) of a byte offset.
    static func place(of offset: Int, in bytes: [UInt8], from start: Int) -> (Int, Int) {
        var line = 1, column = 1
        var index = start
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; column = 1; index += 1; continue }
            if byte != 0x0D { column += 1 }
            index += byte < 0x80 ? 1 : max(1, validSequenceLength(bytes, at: index, end: offset))
        }
        return (line, column)
    }
}
