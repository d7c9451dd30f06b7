/// What `byline authorized-key %t %k` answers sshd's `AuthorizedKeysCommand`: the offered key
/// itself as one authorized_keys line, so that any visitor gets in with whatever key they have,
/// confined by `restrict,pty` (no forwarding, no agent, no X11, no user rc; a terminal allowed).
/// Only a well-formed key is answered, and the line is built from the checked key, so a client
/// cannot add an option or a second line.
package enum AuthorizedKeyAnswer {
    /// The options before every key: everything off but the terminal the reader needs.
    package static let options = "restrict,pty"

    /// The line for `arguments` (what follows `authorized-key`: exactly a type and a key), or nil.
    package static func line(for arguments: [String]) -> String? {
        guard arguments.count == 2, let key = OpenSSHPublicKey(type: arguments[0], base64: arguments[1]) else { return nil }
        return "\(options) \(key.type) \(key.base64)\n"
    }
}
