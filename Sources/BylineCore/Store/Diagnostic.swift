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

    /// What sort of problem it is: `check` groups its report by this, one group per kind, in this order
    /// (errors before warnings whatever the kind). A new kind of problem is a new case with its heading.
    package enum Kind: String, Sendable, CaseIterable {
        /// The file could not be read (a NUL byte, not a regular file, a read error).
        case unreadable
        /// The front matter could not be read as YAML or TOML, or was never closed, or is too long.
        case frontMatter
        /// A front matter key given twice in one table: the last one is used.
        case repeatedKey
        /// A front matter field whose value could not be used (or was cut to a limit).
        case field
        /// Bytes that are not UTF-8.
        case encoding
        /// A body past the size limit.
        case size
        /// The folder: symlinks that lead nowhere or outside, files that are not regular files.
        case folder
        /// Two posts of one language answering to one slug.
        case duplicateSlug
        /// A redirect stub whose target is no post of the blog (or that has no target), so it opens nothing.
        case redirectTarget
        /// A link in a body to a post the blog does not have (`SiteCheck`).
        case brokenLink
        /// A shortcode byline does not know, shown as written (`SiteCheck`).
        case unknownShortcode
        /// A post with no date in its front matter, file name or folders.
        case undated
        /// A post with nothing after its front matter.
        case empty

        /// The heading of the kind's group in `check`.
        package var heading: String {
            switch self {
            case .unreadable: return "files that could not be read"
            case .frontMatter: return "front matter that could not be read"
            case .repeatedKey: return "front matter keys given twice"
            case .field: return "front matter fields ignored"
            case .encoding: return "text that is not UTF-8"
            case .size: return "posts past the size limit"
            case .folder: return "files skipped in the folder"
            case .duplicateSlug: return "slugs used by two posts of one language"
            case .redirectTarget: return "redirect stubs that lead to no post"
            case .brokenLink: return "broken links between posts"
            case .unknownShortcode: return "shortcodes byline does not know"
            case .undated: return "posts without a date"
            case .empty: return "empty posts"
            }
        }
    }

    /// The file, relative to the posts folder.
    package var file: String
    /// One-based line, when the problem has a place.
    package var line: Int?
    /// One-based column in Unicode scalars, when known.
    package var column: Int?
    package var severity: Severity
    package var kind: Kind
    package var message: String

    package init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity, kind: Kind, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.kind = kind
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
