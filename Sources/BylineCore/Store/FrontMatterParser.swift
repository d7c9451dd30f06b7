import BylineYAMLEvents
import TOMLKit
import Yams

/// Parses a front matter block with Yams or TOMLKit into `FrontMatterValue`, reporting errors at file lines.
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

    /// The same for the bytes of a block; flat YAML is read from them without making a string first.
    static func parse(_ bytes: ArraySlice<UInt8>, format: FrontMatterBlock.Format, firstLine: Int) -> Result<FrontMatterEntry, Failure> {
        switch format {
        case .yaml:
            if let flat = bytes.withUnsafeBufferPointer({ FlatYAML.parse($0, firstLine: firstLine) }) { return .success(flat) }
            return parseYAMLWithYams(String(decoding: bytes, as: UTF8.self), firstLine: firstLine)
        case .toml:
            return parseTOML(String(decoding: bytes, as: UTF8.self), firstLine: firstLine)
        }
    }

    // MARK: YAML

    static func parseYAML(_ text: String, firstLine: Int) -> Result<FrontMatterEntry, Failure> {
        // Most front matter is flat `key: value` lines, read in a fraction of Yams' time to the same result.
        if let flat = FlatYAML.parse(text, firstLine: firstLine) { return .success(flat) }
        return parseYAMLWithYams(text, firstLine: firstLine)
    }

    /// Every YAML front matter through Yams: what `FlatYAML` must agree with, and the fallback for the rest.
    static func parseYAMLWithYams(_ text: String, firstLine: Int) -> Result<FrontMatterEntry, Failure> {
        // Aliases are counted first: `compose` itself can spend minutes on a few hundred bytes of them.
        // Every alias starts with `*`; most front matter has none.
        if text.utf8.contains(UInt8(ascii: "*")),
           let overrun = YAMLAliasBudget.firstOverrun(in: text, limit: maximumAliasedValues) {
            return .failure(Failure(
                message: "YAML front matter: aliases (`*name`) bring in more than \(maximumAliasedValues) values, the limit (this one passes it)",
                line: overrun.line + firstLine, column: overrun.column + 1))
        }
        let node: Node?
        do {
            // The basic resolver leaves every scalar a string; regex typing of each scalar costs 4x.
            // The encoding is named: its default reads the whole process environment on every call.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(failure(from: error, firstLine: firstLine))
        } catch {
            return .failure(Failure(message: "YAML front matter: \(error)", line: firstLine, column: 1))
        }
        guard let node else { return .success(FrontMatterEntry(.table([]), line: firstLine, column: 1)) }
        let entry = convert(node, firstLine: firstLine, depth: 0)
        guard case .table = entry.value else {
            return .failure(Failure(message: "front matter should be fields (`title: ...`), not \(entry.kindName)",
                                    line: entry.line ?? firstLine, column: entry.column ?? 1))
        }
        return .success(entry)
    }

    /// Front matter nests a few levels at most; deeper input is not a blog's and is cut off here.
    static let maximumDepth = 32

    /// Values that aliases (`*name`) may bring into one front matter, counted before Yams composes it
    /// (`YAMLAliasBudget`). An alias stands for every value of what it names, so a 260-byte "billion
    /// laughs" of aliases nested 9 deep stands for 9^9 values: copied out, over 60 s and 5.8 GB; used as
    /// keys, minutes inside `compose`. A blog that reuses a list of tags under a few names stays far below.
    package static let maximumAliasedValues = 10_000

    /// Yams' tree copied out; aliases are already known to bring in at most `maximumAliasedValues`.
    private static func convert(_ node: Node, firstLine: Int, depth: Int) -> FrontMatterEntry {
        let line = node.mark.map { $0.line + firstLine - 1 }
        let column = node.mark?.column
        guard depth < maximumDepth else { return FrontMatterEntry(.other, line: line, column: column) }
        let value: FrontMatterValue
        switch node {
        case let .scalar(scalar):
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            value = isNull ? .other : .string(scalar.string)
        case let .sequence(sequence):
            value = .list(sequence.map { convert($0, firstLine: firstLine, depth: depth + 1) })
        case let .mapping(mapping):
            value = .table(mapping.map { pair in
                (key: pair.key.string ?? "", value: convert(pair.value, firstLine: firstLine, depth: depth + 1))
            })
        default:
            value = .other
        }
        return FrontMatterEntry(value, line: line, column: column)
    }

    private static func failure(from error: YamlError, firstLine: Int) -> Failure {
        func at(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> Failure {
            let prefix = context.map { "\($0.text), " } ?? ""
            return Failure(message: "YAML front matter: \(prefix)\(problem)",
                           line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return at(problem, mark, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Failure(message: "YAML front matter: duplicate field \(duplicates.joined(separator: ", "))",
                           line: context.mark.line + firstLine - 1, column: context.mark.column)
        case let .reader(problem, _, _, _):
            return Failure(message: "YAML front matter: \(problem)", line: firstLine, column: 1)
        default:
            return Failure(message: "YAML front matter: \(error)", line: firstLine, column: 1)
        }
    }

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
