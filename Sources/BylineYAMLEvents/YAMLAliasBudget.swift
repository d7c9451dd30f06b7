import CYaml

/// Counts the values that aliases (`*name`) bring into a YAML front matter, before Yams composes it,
/// with libyaml's own event parser (the one Yams composes with, not a second parser).
///
/// Yams composes an alias as the anchored node itself, shared, and copying that tree out is counted
/// anyway; but Yams also checks every mapping for repeated keys by hashing the keys, and a key that
/// is an alias (`? *g : 1`) or holds aliases is hashed through every value it stands for: 403 bytes
/// of aliases nested 8 deep used as keys kept `compose` busy 47 s. Counted here, in one linear pass
/// over the events, such a front matter never reaches `compose`.
///
/// A module of its own, as Yams is over the same C library: BylineCore imports no C module.
package enum YAMLAliasBudget {
    /// Where an alias passed the limit: zero-based line and column in the text, as libyaml counts.
    package struct Overrun: Equatable, Sendable {
        package var line: Int
        package var column: Int
    }

    /// The first alias at which the values brought in by aliases pass `limit`; nil when they stay
    /// within it, or when libyaml finds the text malformed (then `compose` reports the error in its
    /// words).
    package static func firstOverrun(in text: String, limit: Int) -> Overrun? {
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Overrun? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = Counter(limit: limit)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    counter.value(anchor: name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT:
                    counter.open(anchor: name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT:
                    counter.open(anchor: name(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    counter.close()
                case YAML_ALIAS_EVENT:
                    guard counter.alias(name(event.data.alias.anchor)) else {
                        return Overrun(line: Int(event.start_mark.line), column: Int(event.start_mark.column))
                    }
                default:
                    break
                }
            }
            return nil
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }

    /// The size of every anchored value (the values it holds, itself included, as aliases expand it)
    /// and of the collections still open; sizes stop growing past the limit, so nothing overflows.
    private struct Counter {
        let limit: Int
        var sizes: [String: Int] = [:]
        var open: [(anchor: String?, size: Int)] = []
        /// Values brought in by aliases so far.
        var aliased = 0

        init(limit: Int) { self.limit = limit }

        mutating func value(anchor: String?) {
            add(1)
            if let anchor { sizes[anchor] = 1 }
        }

        mutating func open(anchor: String?) { open.append((anchor, 1)) }

        mutating func close() {
            guard let closed = open.popLast() else { return }
            if let anchor = closed.anchor { sizes[anchor] = closed.size }
            add(closed.size)
        }

        /// Whether the values brought in so far, with this alias's, stay within the limit.
        mutating func alias(_ anchor: String?) -> Bool {
            let size = anchor.flatMap { sizes[$0] } ?? 0
            aliased = min(aliased + size, limit + 1)
            add(size)
            return aliased <= limit
        }

        private mutating func add(_ size: Int) {
            guard !open.isEmpty else { return }
            open[open.count - 1].size = min(open[open.count - 1].size + size, limit + 1)
        }
    }
}
