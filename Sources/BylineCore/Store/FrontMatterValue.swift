/// Front matter in one shape, whether it came from YAML or TOML, so that field extraction is written once.
///
/// Scalars stay strings (YAML is composed with the basic resolver): byline types only the fields it reads,
/// which is both faster and the only way to accept the many date spellings real blogs use.
/// Not `indirect`: lists and tables nest through their arrays already, and an indirect enum puts every
/// value, every title and tag, in a box of its own on the heap.
package enum FrontMatterValue: Equatable, Sendable {
    /// A scalar as written (YAML) or a TOML string.
    case string(String)
    /// A TOML integer or float, kept as its decimal text.
    case number(String)
    /// A TOML boolean.
    case bool(Bool)
    /// A TOML date or date-time, already typed by the TOML parser.
    case date(PostDate)
    /// A YAML sequence or TOML array.
    case list([FrontMatterEntry])
    /// A YAML mapping or TOML table, in document order.
    case table([(key: String, value: FrontMatterEntry)])
    /// Anything byline does not read (YAML null, a TOML time of day, an alias).
    case other

    package static func == (lhs: FrontMatterValue, rhs: FrontMatterValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)), let (.number(a), .number(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.date(a), .date(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case let (.table(a), .table(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.other, .other): return true
        default: return false
        }
    }
}

/// A value with the place it was written, for diagnostics.
package struct FrontMatterEntry: Equatable, Sendable {
    package var value: FrontMatterValue
    /// One-based line in the file (not in the front matter), when the parser reports it.
    package var line: Int?
    package var column: Int?

    package init(_ value: FrontMatterValue, line: Int? = nil, column: Int? = nil) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The value under `key` in a table, compared case-insensitively (`Title` and `title` are one field).
    package subscript(key: String) -> FrontMatterEntry? {
        guard case let .table(pairs) = value else { return nil }
        if let exact = pairs.first(where: { $0.key == key }) { return exact.value }
        let lowered = key.lowercased()
        return pairs.first { $0.key.lowercased() == lowered }?.value
    }

    /// Short name of the kind of value, for messages such as "title should be text, not a list".
    package var kindName: String {
        switch value {
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true/false"
        case .date: return "a date"
        case .list: return "a list"
        case .table: return "a table"
        case .other: return "empty"
        }
    }
}
