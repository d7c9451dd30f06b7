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

    /// Parses the bytes of a block, which starts on line `firstLine` of its file. The result is always a
    /// table. YAML is read from the bytes without making a string first. Problems read past (a repeated
    /// key: the last one is used) are added to `warnings`.
    package static func parse(_ bytes: ArraySlice<UInt8>, format: FrontMatterBlock.Format, firstLine: Int,
                              warnings: inout [Failure]) -> Result<FrontMatterEntry, Failure> {
        switch format {
        case .yaml: return bytes.withUnsafeBufferPointer { YAMLFrontMatter.parse($0, firstLine: firstLine, warnings: &warnings) }
        case .toml: return parseTOML(String(decoding: bytes, as: UTF8.self), firstLine: firstLine, warnings: &warnings)
        }
    }

    /// The same, without the warnings.
    package static func parse(_ bytes: ArraySlice<UInt8>, format: FrontMatterBlock.Format, firstLine: Int) -> Result<FrontMatterEntry, Failure> {
        var warnings: [Failure] = []
        return parse(bytes, format: format, firstLine: firstLine, warnings: &warnings)
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

    static func parseTOML(_ text: String, firstLine: Int, warnings: inout [Failure]) -> Result<FrontMatterEntry, Failure> {
        var text = text
        var table: TOMLTable?
        var repeats = 0
        while table == nil {
            do {
                table = try TOMLTable(string: text)
            } catch let error as TOMLParseError {
                // A repeated key or table: the last one is used (`TOMLRepeatedKeys`).
                if repeats < TOMLRepeatedKeys.maximumRepeats,
                   let renamed = TOMLRepeatedKeys.renamingEarlier(error, in: text, firstLine: firstLine, count: repeats) {
                    text = renamed.text
                    warnings.append(renamed.warning)
                    repeats += 1
                    continue
                }
                return .failure(Failure(message: "TOML front matter: \(error.description)",
                                        line: error.source.begin.line + firstLine - 1, column: error.source.begin.column))
            } catch {
                return .failure(Failure(message: "TOML front matter: \(error)", line: firstLine, column: 1))
            }
        }
        let lines = topLevelKeyLines(text, firstLine: firstLine)
        var entry = convert(table!, depth: 0)
        if repeats > 0 { entry = TOMLRepeatedKeys.droppingPlaceholders(entry) }
        // TOMLKit reports no positions for values; top-level keys are found in the text for diagnostics.
        if case let .table(pairs) = entry.value {
            entry.value = .table(pairs.map { pair in
                var value = pair.value
                value.line = lines[pair.key]
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
private func topLevelKeyLines(_ text: String, firstLine: Int) -> [String: Int] {
    var lines: [String: Int] = [:]
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        // The first table header ends the top level.
        if line.hasPrefix("[") { break }
        guard let equals = line.firstIndex(of: "=") else { continue }
        var key = line[..<equals]
        while let last = key.last, last == " " || last == "\t" { key = key.dropLast() }
        if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
            key = key.dropFirst().dropLast()
        }
        if lines[String(key)] == nil { lines[String(key)] = firstLine + offset }
    }
    return lines
}
