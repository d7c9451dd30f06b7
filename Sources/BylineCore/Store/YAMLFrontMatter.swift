import BylineYAMLEvents

/// Reads a YAML front matter in one pass over libyaml's events (`YAMLEventReader`) straight into a
/// `FrontMatterEntry`: the entry, the errors and their places that Yams' `compose` with the basic
/// resolver gave, without a tree in between. `YAMLFrontMatterOracleTests` holds it to Yams.
///
/// Scalars stay strings; YAML's plain nulls (empty, `~`, `null`) are `.other`. Aliases are the values
/// their anchors name, counted against `FrontMatterParser.maximumAliasedValues` as they come; values
/// below `FrontMatterParser.maximumDepth` are `.other`. A key repeated in a mapping (which Yams
/// refused, throwing the whole front matter away) takes the last value, in the first one's place, as
/// Jekyll's Psych does, with a warning at the repeat.
///
/// Built as the events come, on a stack of the collections still open.
struct YAMLFrontMatter {
    typealias Failure = FrontMatterParser.Failure
    private let firstLine: Int
    private var open: [Frame] = []
    private var root: Node?
    private var documents = 0
    private var anchors: [String: Node] = [:]
    /// Values brought in by aliases so far.
    private var aliased = 0
    /// An alias that passed the budget ends the read at once.
    private var overrun: Failure?
    /// The first error Yams found itself (an undefined alias, a second document). The
    /// read goes on after it, so that aliases are still counted as the budget counted them before Yams.
    private var composerError: Failure?
    /// Problems read past: repeated keys.
    private var warnings: [Failure] = []

    private static let limit = FrontMatterParser.maximumAliasedValues
    private static let maximumDepth = FrontMatterParser.maximumDepth
    private static let valueTag = "tag:yaml.org,2002:value"

    /// The front matter table of `text`, which starts on line `firstLine` of its file, and the
    /// problems read past (`warnings`, added to).
    static func parse(_ text: UnsafeBufferPointer<UInt8>, firstLine: Int, warnings: inout [Failure]) -> Result<FrontMatterEntry, Failure> {
        var builder = YAMLFrontMatter(firstLine: firstLine)
        let error = YAMLEventReader.read(text) { builder.take($0) }
        warnings += builder.warnings
        return builder.result(error)
    }

    private init(firstLine: Int) { self.firstLine = firstLine }

    /// A node as its parent needs it.
    struct Node {
        var entry: FrontMatterEntry
        /// Values it stands for, itself included, capped past the limit.
        var size: Int
        /// Levels below it; an entry built whole (anchored) is cut to the depth it is used at.
        var height: Int
        var builtWhole: Bool
        /// Yams' `Node ==` for keys, made only where a key may need it.
        var identity: KeyIdentity?
        /// Yams' `node.string` (a key's text).
        var keyText: String?
        /// Tagged `!!value` (Yams then takes a mapping key's text from that pair's value).
        var isValueTagged: Bool
    }

    /// One open sequence or mapping.
    private struct Frame {
        var isMapping: Bool
        var line: Int, column: Int
        var anchor: String?
        var tag: String?
        var depth: Int
        /// Whether its entry is made (above the depth limit, or anchored and so made whole).
        var builds: Bool
        var whole: Bool
        /// Whether its children's identities are made (a key, inside one, or anchored).
        var tracks: Bool
        var isValueTagged: Bool
        var size = 1
        var height = 0
        var items: [FrontMatterEntry] = []
        var pairs: [(key: String, value: FrontMatterEntry)] = []
        var key: Node?
        var keys = YAMLMappingKeys()
        var childIdentities: [KeyIdentity] = []
        var valueKeyText: String??
    }

    // MARK: Events

    /// Takes one event; false ends the read (an alias passed the budget).
    private mutating func take(_ event: YAMLEvent) -> Bool {
        switch event.kind {
        case .scalar: scalar(event)
        case .alias: return alias(event)
        case .sequenceStart, .mappingStart: start(event)
        case .sequenceEnd, .mappingEnd: end()
        case .documentStart:
            documents += 1
            if documents == 2 {
                fail(Failure(message: "YAML front matter: expected a single document in the stream, but found another document",
                             line: event.line + firstLine, column: event.column + 1))
            }
        case .documentEnd, .streamEnd: break
        }
        return true
    }

    /// Where a new node stands: its depth, whether it is a key, and what its parent builds and tracks.
    /// Fields are read through the index: `open.last` would copy the frame, with a retain of each array.
    private func place() -> (depth: Int, isKey: Bool, builds: Bool, whole: Bool, tracks: Bool) {
        guard !open.isEmpty else { return (0, false, true, false, false) }
        let parent = open.count - 1
        let isKey = open[parent].isMapping && open[parent].key == nil
        return (open[parent].depth + 1, isKey, open[parent].builds && !isKey, open[parent].whole, open[parent].tracks)
    }

    private mutating func scalar(_ event: YAMLEvent) {
        let at = place()
        let bytes = Self.droppingBOM(event.value)
        let text = String(decoding: bytes, as: UTF8.self)
        let isNull = event.isPlain && Self.isNull(bytes)
        let line = event.line + firstLine, column = event.column + 1
        let tag = event.tag
        let anchor = event.anchor
        // Only a key, a node inside one, or an anchored node (an alias may make it a key) is compared as a key.
        var identity: KeyIdentity?, keyText: String?
        if at.isKey || at.tracks || anchor != nil {
            let resolved = event.isQuotedImplicit || tag == nil || tag == "!" || tag == KeyIdentity.stringTag ? nil : tag
            identity = .scalar(tag: resolved, text: text)
            keyText = text
        }
        let rawTag = event.isQuotedImplicit ? KeyIdentity.stringTag : tag
        let isCut = at.depth >= Self.maximumDepth && !at.whole && anchor == nil
        let entry = FrontMatterEntry(isNull || isCut ? .other : .string(text), line: line, column: column)
        let node = Node(entry: entry, size: 1, height: 0, builtWhole: anchor != nil, identity: identity,
                        keyText: keyText, isValueTagged: rawTag == Self.valueTag)
        if let anchor { anchors[anchor] = node }
        finish(node, depth: at.depth)
    }

    /// A scalar without a leading U+FEFF, as Yams made it (Foundation's `String(bytes:encoding:)` drops it).
    private static func droppingBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[3...])
    }

    /// Plain scalars that Yams' conversion made `.other`: YAML's nulls.
    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == 0x7E // ~
        case 4: return bytes[0] == 0x6E && bytes[1] == 0x75 && bytes[2] == 0x6C && bytes[3] == 0x6C // null
                    || bytes[0] == 0x4E && bytes[1] == 0x75 && bytes[2] == 0x6C && bytes[3] == 0x6C // Null
                    || bytes[0] == 0x4E && bytes[1] == 0x55 && bytes[2] == 0x4C && bytes[3] == 0x4C // NULL
        default: return false
        }
    }

    private mutating func start(_ event: YAMLEvent) {
        let at = place()
        let anchor = event.anchor
        let whole = at.whole || anchor != nil
        let tag = event.tag
        open.append(Frame(isMapping: event.kind == .mappingStart, line: event.line + firstLine, column: event.column + 1,
                          anchor: anchor, tag: tag, depth: at.depth,
                          builds: whole || (at.builds && at.depth < Self.maximumDepth), whole: whole,
                          tracks: at.isKey || at.tracks || anchor != nil, isValueTagged: tag == Self.valueTag))
    }

    private mutating func end() {
        guard var frame = open.popLast() else { return }
        let value: FrontMatterValue = frame.builds ? (frame.isMapping ? .table(frame.pairs) : .list(frame.items)) : .other
        frame.pairs = []
        frame.items = []
        var identity: KeyIdentity?
        if frame.tracks {
            let defaultTag = frame.isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq"
            let tag = frame.tag == nil || frame.tag == "!" || frame.tag == defaultTag ? nil : frame.tag
            let shape = Shape(isMapping: frame.isMapping, tag: tag, children: frame.childIdentities)
            let id = shapes[shape] ?? shapes.count
            shapes[shape] = id
            identity = .collection(id)
        }
        let node = Node(entry: FrontMatterEntry(value, line: frame.line, column: frame.column), size: frame.size,
                        height: frame.height, builtWhole: frame.anchor != nil, identity: identity,
                        keyText: frame.isMapping ? frame.valueKeyText ?? nil : nil, isValueTagged: frame.isValueTagged)
        if let anchor = frame.anchor { anchors[anchor] = node }
        finish(node, depth: frame.depth)
    }

    private mutating func alias(_ event: YAMLEvent) -> Bool {
        let anchor = event.anchor ?? ""
        let found = anchors[anchor]
        let size = found?.size ?? 0
        aliased = min(aliased + size, Self.limit + 1)
        guard aliased <= Self.limit else {
            overrun = Failure(
                message: "YAML front matter: aliases (`*name`) bring in more than \(Self.limit) values, the limit (this one passes it)",
                line: event.line + firstLine, column: event.column + 1)
            return false
        }
        if found == nil {
            fail(Failure(message: "YAML front matter: found undefined alias", line: event.line + firstLine, column: event.column + 1))
        }
        // An undefined alias stands in as nothing, so that the read goes on in step.
        var node = found ?? Node(entry: FrontMatterEntry(.other), size: 0, height: 0, builtWhole: false, identity: nil,
                                 keyText: nil, isValueTagged: false)
        node.builtWhole = true
        finish(node, depth: place().depth)
        return true
    }

    private mutating func fail(_ failure: Failure) {
        if composerError == nil { composerError = failure }
    }

    // MARK: Building

    /// Puts a finished node into its parent, or makes it the root.
    private mutating func finish(_ node: Node, depth: Int) {
        guard !open.isEmpty else { root = node; return }
        let last = open.count - 1
        open[last].size = min(open[last].size + node.size, Self.limit + 1)
        open[last].height = max(open[last].height, node.height + 1)
        if open[last].tracks, let identity = node.identity { open[last].childIdentities.append(identity) }
        guard open[last].isMapping else {
            if open[last].builds {
                let entry = entry(of: node, at: depth, parentIsWhole: open[last].whole)
                open[last].items.append(entry)
            }
            return
        }
        var key: Node? = nil
        swap(&key, &open[last].key)
        guard let key else {
            open[last].key = node
            return
        }
        if open[last].tracks, key.isValueTagged, open[last].valueKeyText == nil {
            open[last].valueKeyText = .some(node.keyText)
        }
        var repeated: Int?
        if let identity = key.identity, let line = key.entry.line,
           let first = open[last].keys.add(identity, pair: open[last].pairs.count, line: line) {
            repeated = first.pair
            warnings.append(Failure(message: "YAML front matter: field `\((key.keyText ?? "").prefix(60))` is repeated (first on line "
                                    + "\(first.line)); the last one is used", line: line, column: key.entry.column))
        }
        if open[last].builds {
            let entry = entry(of: node, at: depth, parentIsWhole: open[last].whole)
            if let repeated { open[last].pairs[repeated].value = entry } else { open[last].pairs.append((key.keyText ?? "", entry)) }
        }
    }

    /// The entry a node adds to its parent: a whole-built one is cut to the depth it is used at.
    private func entry(of node: Node, at depth: Int, parentIsWhole: Bool) -> FrontMatterEntry {
        guard node.builtWhole, !parentIsWhole else { return node.entry }
        let levels = Self.maximumDepth - depth
        return node.height >= levels ? Self.cut(node.entry, levels: levels) : node.entry
    }

    private static func cut(_ entry: FrontMatterEntry, levels: Int) -> FrontMatterEntry {
        guard levels > 0 else { return FrontMatterEntry(.other, line: entry.line, column: entry.column) }
        var entry = entry
        switch entry.value {
        case let .list(items): entry.value = .list(items.map { cut($0, levels: levels - 1) })
        case let .table(pairs): entry.value = .table(pairs.map { ($0.key, cut($0.value, levels: levels - 1)) })
        default: break
        }
        return entry
    }

    /// One id per distinct collection shape met in a key or an anchor: equal collections, equal ids.
    private var shapes: [Shape: Int] = [:]

    // MARK: Result

    /// The entry, or the first error: an alias past the budget, then Yams' own, then libyaml's.
    private func result(_ error: YAMLEventError?) -> Result<FrontMatterEntry, Failure> {
        if let overrun { return .failure(overrun) }
        if let composerError { return .failure(composerError) }
        if let error {
            switch error.kind {
            case .scanner, .parser:
                let prefix = error.context.map { "\($0), " } ?? ""
                return .failure(Failure(message: "YAML front matter: \(prefix)\(error.problem)",
                                        line: error.line + firstLine, column: error.column + 1))
            case .reader:
                return .failure(Failure(message: "YAML front matter: \(error.problem)", line: firstLine, column: 1))
            case .memory:
                return .failure(Failure(message: "YAML front matter: Memory error", line: firstLine, column: 1))
            }
        }
        guard let root else { return .success(FrontMatterEntry(.table([]), line: firstLine, column: 1)) }
        let entry = entry(of: root, at: 0, parentIsWhole: false)
        guard case .table = entry.value else {
            return .failure(Failure(message: "front matter should be fields (`title: ...`), not \(entry.kindName)",
                                    line: entry.line ?? firstLine, column: entry.column ?? 1))
        }
        return .success(entry)
    }
}
