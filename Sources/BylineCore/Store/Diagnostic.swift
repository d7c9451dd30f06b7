/// A problem found in a posts folder, reported the way compilers do so editors can jump to it.
///
/// Loading never stops at a bad file: the loader records a diagnostic and goes on with the rest.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Whether the problem makes `byline check` fail.
    package enum Severity: String, Sendable, Comparable {
        /// The file could not be read or parsed as intended.
        case error
        /// The file was read, but something in it was ignored or guessed.
        case warning

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// The file, relative to the posts folder.
    package var file: String
    /// One-based line, when the problem has a place.
    package var line: Int?
    /// One-based column in Unicode scalars, when known.
    package var column: Int?
    package var severity: Severity
    package var message: String

    package init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:col: error: message`, or `file: error: message` without a place.
    package var description: String { file + afterFile }

    /// The same line made safe for a terminal, as `check` prints it: every control in the file name,
    /// newlines and tabs too, shown as its symbol (`␊`), so that a name is never confused with another
    /// (`a\nb.md` is not `a b.md`); the message on one line, through `VisibleText.escapeLine`.
    package var visibleLine: String {
        VisibleText.escapeAll(file) + VisibleText.escapeLine(afterFile)
    }

    /// `:line:col: error: message`: the description after the file name.
    private var afterFile: String {
        var place = ""
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(severity.rawValue): \(message)"
    }
}
