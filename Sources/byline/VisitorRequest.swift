import BylineVisitor
#if canImport(Glibc)
import Glibc
#endif

/// `ssh blog@host visitor`: a restricted session asked by the visitor which key sshd saw, answered with
/// that key's type and OpenSSH fingerprint (what `ssh-keygen -lf KEY.pub` prints for it), so a visitor
/// can tell which key their reading state goes with, and an operator can check `ExposeAuthInfo`. It
/// shows the visitor only their own public key's fingerprint, and no path of the server.
enum VisitorRequest {
    /// The one word in `SSH_ORIGINAL_COMMAND` that asks for it (other words remain deep links or are ignored).
    static let word = "visitor"

    /// Whether `command` (SSH_ORIGINAL_COMMAND) asks for it: the word alone, with spaces around at most.
    static func isAsked(_ command: String?) -> Bool {
        command?.split(separator: " ") == [Substring(word)]
    }

    /// The answer's one line: `visitor SHA256:... (TYPE)`, or that the session has no key.
    static func answer(_ identity: VisitorIdentity?) -> String {
        guard let identity else { return "visitor without a key: nothing is kept after this session\n" }
        return "visitor \(identity.fingerprint) (\(identity.keyType))\n"
    }
}
