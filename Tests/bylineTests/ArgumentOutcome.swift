@testable import byline

/// What the one command-line parser (swift-argument-parser, through `Byline.parseAsRoot`) makes of a
/// command line, in a line a table can hold: the command it parsed (`"ShowCommand"`), or the exit
/// status and the first line of what `Byline.exitShowingSafely` would say (`"64: Error: Missing ..."`).
enum ArgumentOutcome {
    static func of(_ arguments: [String]) -> String {
        do {
            return "\(type(of: try Byline.parseAsRoot(arguments)))"
        } catch {
            let line = Byline.fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? ""
            return "\(Byline.exitCode(for: error).rawValue): \(line)"
        }
    }
}
