import ArgumentParser
import BylineVisitor
#if canImport(Glibc)
import Glibc
#endif

/// `byline authorized-key TYPE KEY`: the answer to sshd's `AuthorizedKeysCommand ... %t %k`, which lets
/// any visitor in with the key they offer, confined by `restrict,pty` (docs/ssh.md). It prints that one
/// authorized_keys line for a well-formed key, and nothing, with status 1, for anything else. `main`
/// runs it before the argument parser, so that no parser message can quote a client's bytes back.
struct AuthorizedKeyCommand: ParsableCommand {
    static let name = "authorized-key"

    static let configuration = CommandConfiguration(
        commandName: name,
        abstract: "Answer sshd's AuthorizedKeysCommand (%t %k) with the offered key, restricted.",
        discussion: """
        Prints `restrict,pty TYPE KEY` for an OpenSSH public key (ssh-ed25519, ecdsa-sha2-nistp256/384/521, \
        ssh-rsa, sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com) whose base64 names the same \
        type, and nothing with exit status 1 otherwise. See docs/ssh.md.
        """
    )

    @Argument(parsing: .captureForPassthrough, help: "TYPE KEY, as sshd's %t %k.")
    var words: [String] = []

    func run() throws { Self.answer(words) }

    /// Prints the line, or exits with status 1 and prints nothing.
    static func answer(_ arguments: [String]) -> Never {
        guard let line = AuthorizedKeyAnswer.line(for: arguments) else { Glibc.exit(1) }
        let bytes = Array(line.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(1, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { Glibc.exit(1) }
            written += count
        }
        Glibc.exit(0)
    }
}
