/// The keys of one YAML mapping, to refuse a repeated key as Yams did (issue 17 may change that):
/// compared as Yams compares nodes, and reported in Yams' words at its place.
struct YAMLMappingKeys {
    private struct Key {
        var identity: KeyIdentity
        var text: String?
        var line: Int, column: Int
    }

    private var keys: [Key] = []
    private var seen: Set<KeyIdentity> = []
    private var hasRepeated = false

    /// Keys compared one by one before a set is built: most front matter has fewer.
    private static let comparedDirectly = 16

    mutating func add(_ identity: KeyIdentity, text: String?, line: Int, column: Int) {
        if keys.count < Self.comparedDirectly {
            if keys.contains(where: { $0.identity == identity }) { hasRepeated = true }
        } else {
            if seen.isEmpty { seen = Set(keys.map(\.identity)) }
            if !seen.insert(identity).inserted { hasRepeated = true }
        }
        keys.append(Key(identity: identity, text: text, line: line, column: column))
    }

    /// Yams' report of repeated keys, if any: each repeated key once, at the first one's place.
    func repeated() -> FrontMatterParser.Failure? {
        guard hasRepeated else { return nil }
        var counts: [KeyIdentity: Int] = [:]
        for key in keys { counts[key.identity, default: 0] += 1 }
        var listed: Set<KeyIdentity> = []
        let firsts = keys.filter { counts[$0.identity, default: 0] > 1 && listed.insert($0.identity).inserted }
        // Yams sorts them as nodes: scalars by their text; collections have no order among scalars.
        let sorted = firsts.filter(\.identity.isScalar).sorted { ($0.text ?? "") < ($1.text ?? "") }
            + firsts.filter { !$0.identity.isScalar }
        return FrontMatterParser.Failure(
            message: "YAML front matter: duplicate field \(sorted.map { $0.text ?? "<uncovertable>" }.joined(separator: ", "))",
            line: sorted[0].line, column: sorted[0].column)
    }
}

/// What Yams compares keys by (`Node ==`): a scalar's resolved tag and text; a collection's resolved
/// tag and children, as an id given to its `Shape`, so that comparing and hashing never walk a tree.
enum KeyIdentity: Hashable {
    /// `tag` nil is `!!str`, the basic resolver's tag for every untagged scalar.
    case scalar(tag: String?, text: String)
    case collection(Int)

    static let stringTag = "tag:yaml.org,2002:str"

    var isScalar: Bool { if case .scalar = self { return true } else { return false } }
}

/// A collection as Yams compares it; `tag` nil is the default (`!!seq`, `!!map`).
struct Shape: Hashable {
    var isMapping: Bool
    var tag: String?
    var children: [KeyIdentity]
}
