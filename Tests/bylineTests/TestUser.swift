import Foundation

/// The local account the SSH tests log in as. sshd (with `UsePAM no`) refuses a locked account, and
/// `useradd` locks new ones (`!`), so the password field is set to `*`: no password, not locked.
/// The forced command runs through the user's shell, so it must be a real one, not nologin.
enum TestUser {
    static func ensure(_ name: String) throws {
        if getpwnam(name) == nil {
            try run(["/usr/sbin/useradd", "-M", "-s", "/bin/sh", "-d", "/nonexistent", name])
        }
        if let shell = getpwnam(name)?.pointee.pw_shell, String(cString: shell) != "/bin/sh" {
            try run(["/usr/sbin/usermod", "-s", "/bin/sh", name])
        }
        if passwordField(name) != "*" {
            try run(["/usr/sbin/usermod", "-p", "*", name])
        }
    }

    /// The account's field in /etc/shadow (root can read it).
    private static func passwordField(_ name: String) -> String? {
        let shadow = (try? String(contentsOfFile: "/etc/shadow", encoding: .utf8)) ?? ""
        for line in shadow.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count > 1, fields[0] == name { return String(fields[1]) }
        }
        return nil
    }

    private static func run(_ argv: [String]) throws {
        let (status, output) = try Spawn.run(argv, timeout: 10)
        guard status == 0 else { throw LoopbackSSHD.Failure.setup("\(argv.joined(separator: " ")): \(output)") }
    }
}
