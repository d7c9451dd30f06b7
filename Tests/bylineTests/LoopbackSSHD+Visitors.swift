import Foundation

/// The loopback sshd set up for visitors without accounts (docs/ssh.md, "Visitors"): any key let in
/// by `AuthorizedKeysCommand byline authorized-key %t %k`, and the key each session used exposed
/// to byline in `$SSH_USER_AUTH` (`ExposeAuthInfo yes`).
extension LoopbackSSHD {
    struct Visitors {
        /// `AuthorizedKeysFile none` and `AuthorizedKeysCommand` answering any key with itself.
        var anyKey = false
        /// `ExposeAuthInfo yes`.
        var exposeAuthInfo = false
        /// With `anyKey`: name the copy of byline under the temp folder (mode 1777 above it) instead,
        /// which sshd must refuse to run.
        var unsafeKeyCommand = false
        /// `ForceCommand byline --restricted --state-dir STATE POSTS`: visitors' reading state kept in
        /// `stateFolder` (the test user's).
        var stateDir = false
        /// `--max-sessions N` in the forced command (docs/ssh.md, "Limits").
        var maxSessions: Int?
    }

    /// The state folder named by `--state-dir` when `visitors.stateDir`.
    var stateFolder: String { folder + "/state" }

    /// What the forced command adds before the posts folder.
    var forcedOptions: String {
        (visitors.maxSessions.map { " --max-sessions \($0)" } ?? "") + (visitors.stateDir ? " --state-dir " + stateFolder : "")
    }

    /// The state folder, owned by the test user (the account byline runs as), as an operator makes it.
    func makeStateFolder() throws {
        try FileManager.default.createDirectory(atPath: stateFolder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        guard let account = getpwnam(LoopbackSSHD.user)?.pointee, chown(stateFolder, account.pw_uid, account.pw_gid) == 0 else {
            throw Failure.setup("cannot give \(stateFolder) to \(LoopbackSSHD.user)")
        }
    }

    /// Every path under the state folder (folders end in `/`), sorted: what the sessions left behind.
    func stateListing() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: stateFolder) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            paths.append(walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory ? path + "/" : path)
        }
        return paths.sorted()
    }

    /// The account `AuthorizedKeysCommand` runs as: unprivileged, and present on every Debian.
    static let keyCommandUser = "nobody"

    /// The `Match` block's extra lines for `visitors`.
    var visitorLines: String {
        var lines: [String] = []
        if visitors.exposeAuthInfo { lines.append("ExposeAuthInfo yes") }
        if visitors.anyKey, let keyCommandFolder {
            lines += ["AuthorizedKeysFile none",
                      "AuthorizedKeysCommand \(visitors.unsafeKeyCommand ? binary : keyCommandFolder + "/byline") authorized-key %t %k",
                      "AuthorizedKeysCommandUser \(Self.keyCommandUser)"]
        }
        return lines.map { "    " + $0 + "\n" }.joined()
    }

    /// A copy of byline for `AuthorizedKeysCommand`, which sshd runs only when the program and every
    /// folder above it are root's and writable by no one else (sshd_config(5)): so not under /tmp
    /// (mode 1777) but in a folder of its own under /run (root's, 755). Returns the folder.
    func installKeyCommand() throws -> String {
        let keyFolder = "/run/byline-keys-\(UUID().uuidString.prefix(12))"
        try FileManager.default.createDirectory(atPath: keyFolder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        do {
            try FileManager.default.copyItem(atPath: BylineRunner.binary, toPath: keyFolder + "/byline")
            guard chown(keyFolder, 0, 0) == 0, chown(keyFolder + "/byline", 0, 0) == 0,
                  chmod(keyFolder, 0o755) == 0, chmod(keyFolder + "/byline", 0o755) == 0 else {
                throw Failure.setup("cannot make \(keyFolder) root's")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: keyFolder)
            throw error
        }
        return keyFolder
    }

    /// A new client key pair in the server's folder, never listed anywhere: its private key's path.
    func makeClientKey(_ name: String) throws -> String {
        let path = folder + "/" + name
        let (status, output) = try Spawn.run(["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path], timeout: 10)
        guard status == 0 else { throw Failure.setup("ssh-keygen: \(output)") }
        return path
    }

    /// `ssh-keygen -lf`'s fingerprint of a key pair's public half (`SHA256:...`).
    static func fingerprint(ofKey path: String) throws -> String {
        let (status, output) = try Spawn.run(["/usr/bin/ssh-keygen", "-lf", path + ".pub"], timeout: 10)
        let words = output.split(separator: " ")
        guard status == 0, words.count > 1 else { throw Failure.setup("ssh-keygen -lf: \(output)") }
        return String(words[1])
    }
}
