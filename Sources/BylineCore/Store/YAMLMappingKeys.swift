/// The keys of one YAML mapping, compared as Yams compares nodes, so that a repeated key is found: the
/// last one wins (as Jekyll's reader, Psych, has it) and `YAMLFrontMatter` warns at the repeat.
struct YAMLMappingKeys {
    /// A key met first, and where its pair is in the mapping.
    struct First {
        var identity: KeyIdentity
        var pair: Int
        var line: Int
    }

    private var firsts: [First] = []
    private var seen: [KeyIdentity: Int] = [:]

    /// Keys compared one by one before a dictionary is built: most front matter has fewer.
    private static let comparedDirectly = 16

    /// The key met before that equals `identity`, if any; else `identity` is recorded as the key of
    /// pair `pair`, on line `line`.
    mutating func add(_ identity: KeyIdentity, pair: Int, line: Int) -> First? {
        if firsts.count < Self.comparedDirectly {
            if let earlier = firsts.first(where: { $0.identity == identity }) { return earlier }
        } else {
            if seen.isEmpty { seen = Dictionary(uniqueKeysWithValues: firsts.indices.map { (firsts[$0].identity, $0) }) }
            if let earlier = seen[identity] { return firsts[earlier] }
            seen[identity] = firsts.count
        }
        firsts.append(First(identity: identity, pair: pair, line: line))
        return nil
    }
}

/// What Yams compares keys by (`Node ==`): a scalar's resolved tag and text; a collection's resolved
/// tag and children, as an id given to its `Shape`, so that comparing and hashing never walk a tree.
enum KeyIdentity: Hashable {
    /// `tag` nil is `!!str`, the basic resolver's tag for every untagged scalar.
    case scalar(tag: String?, text: String)
    case collection(Int)

    static let stringTag = "tag:yaml.org,2002:str"
}

/// A collection as Yams compares it; `tag` nil is the default (`!!seq`, `!!map`).
struct Shape: Hashable {
    var isMapping: Bool
    var tag: String?
    var children: [KeyIdentity]
}
