/// The binding table as a markdown table, for the README and `byline keys`: generated, so it cannot drift.
package enum KeymapDocumentation {
    package static func markdownTable() -> String {
        var rows = ["| keys | where | action |", "|---|---|---|"]
        for binding in Keymap.bindings {
            let keys = binding.keys.map { "`\($0.label == "`" ? "``" : $0.label)`" }.joined(separator: " ")
            rows.append("| \(keys) | \(binding.scope) | \(binding.help) |")
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
