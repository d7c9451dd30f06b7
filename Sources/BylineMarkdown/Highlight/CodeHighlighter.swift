import BylineCore

// Placeholder until the table-driven highlighter lands: every line one code span.
public enum CodeHighlighter {
    public static func highlight(_ code: String, language: String?) -> [[StyledSpan]] {
        guard !code.isEmpty else { return [] }
        return code.split(separator: "\n", omittingEmptySubsequences: false).map { [StyledSpan(String($0), .codeBlock)] }
    }
}
