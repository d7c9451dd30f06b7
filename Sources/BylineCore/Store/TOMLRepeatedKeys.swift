import TOMLKit

/// TOML forbids a key or table written twice, and TOMLKit refuses the whole front matter for it. As
/// with YAML, the last one is used instead: the earlier definition's key is renamed to a placeholder,
/// the text parsed again, and the placeholder dropped from the table.
enum TOMLRepeatedKeys {
    /// Repeats handled in one front matter; past them the error stands.
    static let maximumRepeats = 16
    private static let placeholder = "__byline_repeated_"

    /// `text` with the earlier definition of the key `error` says is repeated renamed, and the warning for
    /// the repeat; nil when the error is not a repeat, or its first definition is not found.
    static func renamingEarlier(_ error: TOMLParseError, in text: String, firstLine: Int, count: Int)
        -> (text: String, warning: FrontMatterParser.Failure)? {
        let message = error.description
        guard message.contains("cannot redefine existing "), let close = message.lastIndex(of: "'"),
              let open = message[..<close].lastIndex(of: "'") else { return nil }
        let key = String(message[message.index(after: open)..<close])
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let repeatLine = error.source.begin.line - 1
        guard repeatLine > 0, repeatLine < lines.count else { return nil }
        let isTable = header(lines[repeatLine]) != nil
        // A key is matched in the repeat's own section (the table header above it); a table by its name.
        var section: String?, first: Int?, sectionOfFirst: String?
        for number in 0..<repeatLine {
            let name = header(lines[number])
            if let name { section = name }
            if isTable ? name == key : name == nil && self.key(of: lines[number]) == key {
                first = number
                sectionOfFirst = section
            }
        }
        guard isTable || sectionOfFirst == section else { return nil }
        guard let first, let range = lines[first].range(of: key) else { return nil }
        lines[first].replaceSubrange(range, with: "\(placeholder)\(count)")
        let warning = FrontMatterParser.Failure(
            message: "TOML front matter: \(isTable ? "table" : "field") `\(key.prefix(60))` is repeated (first on line "
                + "\(first + firstLine)); the last one is used",
            line: repeatLine + firstLine, column: Self.column(of: key, in: lines[repeatLine]))
        return (lines.joined(separator: "\n"), warning)
    }

    /// `entry` without the placeholders' keys, at any depth.
    static func droppingPlaceholders(_ entry: FrontMatterEntry) -> FrontMatterEntry {
        guard case let .table(pairs) = entry.value else { return entry }
        var entry = entry
        entry.value = .table(pairs.filter { !$0.key.hasPrefix(placeholder) }.map { ($0.key, droppingPlaceholders($0.value)) })
        return entry
    }

    /// Where `key` starts in `line`, in characters from 1 (1 when it is not found as written).
    private static func column(of key: String, in line: String) -> Int {
        line.range(of: key).map { line.distance(from: line.startIndex, to: $0.lowerBound) + 1 } ?? 1
    }

    /// The name in a `[name]` table header line.
    private static func header(_ line: String) -> String? {
        let trimmed = line.trimmed
        guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[["), let close = trimmed.firstIndex(of: "]") else { return nil }
        return String(trimmed[trimmed.index(after: trimmed.startIndex)..<close]).trimmed
    }

    /// The key of a `key = value` line, unquoted.
    private static func key(of line: String) -> String? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        var key = String(line[..<equals]).trimmed
        if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote { key = String(key.dropFirst().dropLast()) }
        return key
    }
}
