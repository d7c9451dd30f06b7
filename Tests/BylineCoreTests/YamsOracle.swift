import Yams
@testable import BylineCore

/// How byline read YAML front matter before `YAMLFrontMatter`: Yams' `compose` with the basic
/// resolver, its tree copied out. The oracle `YAMLFrontMatterOracleTests` holds the reader to. It
/// has no alias budget: give it no alias bombs.
enum YamsOracle {
    static func parse(_ text: String, firstLine: Int) -> Result<FrontMatterEntry, FrontMatterParser.Failure> {
        typealias Failure = FrontMatterParser.Failure
        let node: Node?
        do {
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

    private static func convert(_ node: Node, firstLine: Int, depth: Int) -> FrontMatterEntry {
        let line = node.mark.map { $0.line + firstLine - 1 }
        let column = node.mark?.column
        guard depth < FrontMatterParser.maximumDepth else { return FrontMatterEntry(.other, line: line, column: column) }
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

    private static func failure(from error: YamlError, firstLine: Int) -> FrontMatterParser.Failure {
        func at(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> FrontMatterParser.Failure {
            let prefix = context.map { "\($0.text), " } ?? ""
            return .init(message: "YAML front matter: \(prefix)\(problem)", line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return at(problem, mark, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .init(message: "YAML front matter: duplicate field \(duplicates.joined(separator: ", "))",
                         line: context.mark.line + firstLine - 1, column: context.mark.column)
        case let .reader(problem, _, _, _):
            return .init(message: "YAML front matter: \(problem)", line: firstLine, column: 1)
        default:
            return .init(message: "YAML front matter: \(error)", line: firstLine, column: 1)
        }
    }
}
