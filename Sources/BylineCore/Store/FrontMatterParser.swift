import TOMLKit

/// Parses a front matter block into `FrontMatterValue`, YAML from libyaml's events (`YAMLFrontMatter`)
/// and TOML with TOMLKit, reporting errors at file lines.
package enum FrontMatterParser {
    /// A parse failure at a place in the file.
    package struct Failure: Error, Equatable {
        package var message: String
        package var line: Int?
        package var column: Int?
    }

    /// Parses `text`, which starts on line `firstLine` of its file. The result is always a table.
    package static func parse(_ text: String, format: FrontMatterBlock.Format, firstLine: Int) -> Result<FrontMatterEntry, Failure> {
        switch format {
        case .yaml: return parseYAML(text, firstLine: firstLine)
        case .toml: return parseTOML(text, firstLine: firstLine)
        }
    }

    /// The same for the bytes of a block: YAML is read from them without making a string first.
    static func parse(_ bytes: ArraySlice<UInt8>, format: FrontMatterBlock.Format, firstLine: Int) -> Result<FrontMatterEntry, Failure> {
        switch format {
        case .yaml: return bytes.withUnsafeBufferPointer { YAMLFrontMatter.parse($0, firstLine: firstLine) }
        case .toml: return parseTOML(String(decoding: bytes, as: UTF8.self), firstLine: firstLine)
        }
    }

    static func parseYAML(_ text: String, firstLine: Int) -> Result<FrontMatterEntry, Failure> {
        var text = text
        return text.withUTF8 { YAMLFrontMatter.parse($0, firstLine: firstLine) }
    }

    /// Front matter nests a few levels at most; deeper input is not a blog's and is cut off here.
    static let maximumDepth = 32

    /// Values that aliases (`*name`) may bring into one front matter, counted as they are read
    /// (`YAMLFrontMatter`). An alias stands for every value of what it names, so a 260-byte "billion
    /// laughs" of aliases nested 9 deep stands for 9^9 values: copied out, over 60 s and 5.8 GB; used as
    /// keys, minutes inside Yams' `compose`, which hashed every key through them. A blog that reuses a
    /// list of tags under a few names stays far below.
    package static let maximumAliasedValues = 10_000

    // MARK: TOML

    static func parseTOML(_ text: String, firstLine: Int) -> Result<FrontMatterEntry, Failure> {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return .failure(Failure(message: "TOML front matter: \(error.description)",
                                    line: error.source.begin.line + firstLine - 1, column: error.source.begin.column))
        } catch {
            return .failure(Failure(message: "TOML front matter: \(error)", line: firstLine, column: 1))
        }
        let lines = TopLevelKeyLines(text: text, firstLine: firstLine)
        var entry = convert(table, depth: 0)
        // TOMLKit reports no positions for values; top-level keys are found in the text for diagnostics.
        if case let .table(pairs) = entry.value {
            entry.value = .table(pairs.map { pair in
                var value = pair.value
                value.line = lines.line(of: pair.key)
                value.column = value.line == nil ? nil : 1
                return (pair.key, value)
            })
        }
        entry.line = firstLine
        entry.column = 1
        return .success(entry)
    }

    private static func convert(_ value: TOMLValueConvertible, depth: Int) -> FrontMatterEntry {
        guard depth < maximumDepth else { return FrontMatterEntry(.other) }
        switch value.type {
        case .string: return FrontMatterEntry(.string(value.string ?? ""))
        case .int: return FrontMatterEntry(.number(value.int.map(String.init) ?? ""))
        case .double: return FrontMatterEntry(.number(value.double.map { "\($0)" } ?? ""))
        case .bool: return FrontMatterEntry(.bool(value.bool ?? false))
        case .date:
            guard let day = value.date else { return FrontMatterEntry(.other) }
            return FrontMatterEntry(PostDate(year: day.year, month: day.month, day: day.day).map(FrontMatterValue.date) ?? .other)
        case .dateTime:
            guard let stamp = value.dateTime else { return FrontMatterEntry(.other) }
            let time = PostDate.Time(hour: stamp.time.hour, minute: stamp.time.minute, second: stamp.time.second,
                                     nanosecond: stamp.time.nanoSecond)
            let date = PostDate(year: stamp.date.year, month: stamp.date.month, day: stamp.date.day,
                                time: time, utcOffsetMinutes: stamp.offset?.offset)
            return FrontMatterEntry(date.map(FrontMatterValue.date) ?? .other)
        case .array:
            guard let array = value.array else { return FrontMatterEntry(.other) }
            return FrontMatterEntry(.list(array.map { convert($0, depth: depth + 1) }))
        case .table:
            guard let table = value.table else { return FrontMatterEntry(.other) }
            return convert(table, depth: depth + 1)
        default:
            return FrontMatterEntry(.other)
        }
    }

    private static func convert(_ table: TOMLTable, depth: Int) -> FrontMatterEntry {
        FrontMatterEntry(.table(table.keys.compactMap { key in
            table[key].map { (key: key, value: convert($0, depth: depth)) }
        }))
    }
}

/// The file line of each top-level `key = value` in TOML text, found by a scan of line starts.
private struct TopLevelKeyLines {
    private var lines: [String: Int] = [:]

    init(text: String, firstLine: Int) {
        var inTable = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") { inTable = true; continue }
            guard !inTable, let equals = line.firstIndex(of: "=") else { continue }
            var key = line[..<equals].trimmingCharacters(in: " \t")
            if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
                key = String(key.dropFirst().dropLast())
            }
            if lines[key] == nil { lines[key] = firstLine + offset }
        }
    }

    func line(of key: String) -> Int? { lines[key] }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
