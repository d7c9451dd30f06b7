/// Where a reader arriving over SSH asked to start: `ssh -t blog@host tag:go`. The request comes from
/// the client (sshd passes it in `SSH_ORIGINAL_COMMAND`), so it is parsed here and never run.
package enum DeepLink: Hashable, Sendable {
    /// `tag:NAME`: start with the tag required.
    case tag(String)
    /// `post:SLUG`: start in the reader on that post.
    case post(String)
    /// `search:WORDS`: start with the search applied.
    case search(String)
    /// Anything else: ignored, with a note saying so.
    case ignored(String)

    /// Longest request honoured; anything longer is ignored rather than processed.
    package static let maximumLength = 200

    /// The deep link in an `SSH_ORIGINAL_COMMAND`; nil when there is none.
    package static func parse(_ command: String?) -> DeepLink? {
        guard let command else { return nil }
        let text = command.trimmed
        guard !text.isEmpty else { return nil }
        guard text.count <= maximumLength else { return .ignored(String(text.prefix(40)) + "…") }
        for (prefix, make) in [("tag:", DeepLink.tag), ("post:", DeepLink.post), ("search:", DeepLink.search)] as [(String, (String) -> DeepLink)] {
            if text.lowercased().hasPrefix(prefix) {
                let value = String(text.dropFirst(prefix.count)).trimmed
                return value.isEmpty ? .ignored(text) : make(value)
            }
        }
        return .ignored(text)
    }
}
