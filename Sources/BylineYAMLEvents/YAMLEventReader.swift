import CYaml

/// Reads YAML text as libyaml's event stream, the one Yams composes from (not a second parser), and
/// hands each event to a closure that builds its own value from it: no intermediate tree, no Swift
/// allocation per event. A module of its own because BylineCore imports no C module.
package enum YAMLEventReader {
    /// Feeds every event after the stream start to `body`, up to and with the stream end, until `body`
    /// returns false. The result is libyaml's error, if it found the text malformed before then.
    package static func read(_ text: UnsafeBufferPointer<UInt8>, _ body: (YAMLEvent) -> Bool) -> YAMLEventError? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return YAMLEventError(kind: .memory) }
        defer { yaml_parser_delete(&parser) }
        // As Yams sets it up for `.utf8`: the encoding is named, not guessed from the first bytes.
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        // libyaml asserts on a null input; an empty buffer may have no address.
        var empty: UInt8 = 0
        return withUnsafePointer(to: &empty) { emptyAddress in
            yaml_parser_set_input_string(&parser, text.baseAddress ?? emptyAddress, text.count)
            return events(&parser, body)
        }
    }

    private static func events(_ parser: inout yaml_parser_t, _ body: (YAMLEvent) -> Bool) -> YAMLEventError? {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return YAMLEventError(parser) }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_START_EVENT { continue }
            let isEnd = event.type == YAML_STREAM_END_EVENT
            guard body(YAMLEvent(event)), !isEnd else { return nil }
        }
    }
}

/// One libyaml event. Its pointers are libyaml's: valid only during the call it is handed to.
package struct YAMLEvent {
    /// What the event opens, closes or holds.
    package enum Kind: Equatable, Sendable {
        case scalar, alias, sequenceStart, sequenceEnd, mappingStart, mappingEnd, documentStart, documentEnd, streamEnd
    }

    package let kind: Kind
    /// Zero-based line and column (in Unicode scalars) where the event starts, as libyaml counts.
    package let line: Int
    package let column: Int
    /// A scalar's bytes (UTF-8, may hold NUL).
    package let value: UnsafeBufferPointer<UInt8>
    /// A scalar written without quotes or block indicator: only these can be YAML's nulls.
    package let isPlain: Bool
    /// A quoted scalar with no tag of its own, which Yams tags `!!str`.
    package let isQuotedImplicit: Bool
    private let anchorBytes: UnsafePointer<UInt8>?
    private let tagBytes: UnsafePointer<UInt8>?

    init(_ event: yaml_event_t) {
        line = Int(event.start_mark.line)
        column = Int(event.start_mark.column)
        var value = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var isPlain = false, isQuotedImplicit = false
        var anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_SCALAR_EVENT:
            kind = .scalar
            let scalar = event.data.scalar
            value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            isQuotedImplicit = scalar.quoted_implicit == 1
            (anchor, tag) = (scalar.anchor, scalar.tag)
        case YAML_ALIAS_EVENT:
            kind = .alias
            anchor = event.data.alias.anchor
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            let start = event.data.sequence_start
            (anchor, tag) = (start.anchor, start.implicit != 0 ? nil : start.tag)
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            let start = event.data.mapping_start
            (anchor, tag) = (start.anchor, start.implicit != 0 ? nil : start.tag)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        default: kind = .streamEnd
        }
        self.value = value
        self.isPlain = isPlain
        self.isQuotedImplicit = isQuotedImplicit
        anchorBytes = UnsafePointer(anchor)
        tagBytes = UnsafePointer(tag)
    }

    /// The anchor a node defines or the one an alias (`*name`) names; most nodes have none.
    package var anchor: String? { anchorBytes.map(String.init(cString:)) }
    /// The node's own tag, expanded by libyaml (`!!str` is `tag:yaml.org,2002:str`); nil when it has
    /// none, and for a collection also when libyaml calls its tag implicit, as Yams reads events.
    package var tag: String? { tagBytes.map(String.init(cString:)) }
}

/// libyaml's report of malformed text, with the fields Yams' `YamlError` words its errors from.
package struct YAMLEventError: Error, Equatable, Sendable {
    /// The stage of libyaml that failed.
    package enum Kind: Equatable, Sendable { case memory, reader, scanner, parser }

    package var kind: Kind
    package var problem = ""
    /// What libyaml was reading when it failed ("while parsing a block mapping"), if it says.
    package var context: String?
    /// Zero-based line and column of the problem.
    package var line = 0
    package var column = 0

    init(kind: Kind) { self.kind = kind }

    init(_ parser: yaml_parser_t) {
        switch parser.error {
        case YAML_READER_ERROR: kind = .reader
        case YAML_SCANNER_ERROR: kind = .scanner
        case YAML_PARSER_ERROR: kind = .parser
        default: kind = .memory
        }
        problem = parser.problem.map { String(cString: $0) } ?? ""
        context = parser.context.map { String(cString: $0) }
        line = Int(parser.problem_mark.line)
        column = Int(parser.problem_mark.column)
    }
}
