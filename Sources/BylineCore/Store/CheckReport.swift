/// What `byline check` prints: the problems grouped so that an author reads the few errors first and
/// then each kind of warning once, with its count, instead of thousands of lines in file order.
///
/// A group is one severity and one `Diagnostic.Kind`: errors before warnings, kinds in their declared
/// order, files in order within a group. Each entry stays a compiler-style `file:line:col: severity:
/// message` line, so an editor can still jump to it. Errors are always listed whole; a warning group
/// longer than `shownPerGroup` is cut to its first entries and a line saying how many more there are,
/// unless every entry is asked for.
package enum CheckReport {
    /// Entries shown of a long warning group.
    package static let shownPerGroup = 10

    /// The report's lines, made safe for a terminal (`Diagnostic.visibleLine`); a blank line between groups.
    package static func lines(_ diagnostics: [Diagnostic], all: Bool) -> [String] {
        let order = Dictionary(uniqueKeysWithValues: Diagnostic.Kind.allCases.enumerated().map { ($1, $0) })
        var groups: [GroupKey: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            groups[GroupKey(severity: diagnostic.severity, kind: order[diagnostic.kind]!), default: []].append(diagnostic)
        }
        var lines: [String] = []
        for key in groups.keys.sorted() {
            let entries = groups[key]!.sorted { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
            let kind = entries[0].kind
            if !lines.isEmpty { lines.append("") }
            let noun = key.severity == .error ? "error" : "warning"
            lines.append("\(entries.count) \(noun)\(entries.count == 1 ? "" : "s"): \(kind.heading)")
            let shown = all || key.severity == .error ? entries.count : min(entries.count, shownPerGroup)
            lines += entries.prefix(shown).map(\.visibleLine)
            if shown < entries.count {
                lines.append("… and \(entries.count - shown) more (`byline check --all` lists every one)")
            }
        }
        return lines
    }

    /// A group's place in the report: errors first, then the kind's declared order.
    private struct GroupKey: Hashable, Comparable {
        var severity: Diagnostic.Severity
        var kind: Int

        static func < (a: GroupKey, b: GroupKey) -> Bool {
            a.severity != b.severity ? a.severity < b.severity : a.kind < b.kind
        }
    }
}
