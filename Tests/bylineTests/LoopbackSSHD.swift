import Foundation
import XCTest

/// A real OpenSSH server on 127.0.0.1 for one test, set up the way the README tells a blog owner to:
/// one user whose every session is forced into `byline --restricted POSTS`, with forwarding off.
/// Everything lives in a temp folder the test user can reach (mode 755): a copy of the built binary
/// and of the posts (a binary under root's mode-700 home is unreachable), a throwaway host key, the
/// client's key pair, the config and sshd's log. `stop()` (or deinit, when a test fails) ends sshd
/// by its PID and removes the folder.
final class LoopbackSSHD {
    /// The account every SSH test logs in as; created once per machine, left in place.
    static let user = "byline-ssh-test"

    let folder: String
    private(set) var port = 0
    /// The copies the forced command runs and reads, which a test may add posts to before connecting.
    let binary: String
    let posts: String
    let clientKey: String
    let log: String
    /// What this server adds to docs/ssh.md's first set-up: visitors without accounts (`LoopbackSSHD+Visitors.swift`).
    let visitors: Visitors
    /// The root-owned folder holding the `AuthorizedKeysCommand` binary, when `visitors.anyKey`.
    private(set) var keyCommandFolder: String?
    private var pid: pid_t = 0

    /// Skips the test when this machine cannot run it: `make test` installs OpenSSH, and CI runs as root.
    static func skipUnlessAvailable() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
                          && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh"),
                          "openssh-server and openssh-client are installed by make test")
        try XCTSkipUnless(getuid() == 0, "sshd must run as root to switch to the test user")
    }

    init(visitors: Visitors = Visitors()) throws {
        self.visitors = visitors
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-sshd-\(UUID().uuidString.prefix(12))").path
        binary = folder + "/byline"
        posts = folder + "/posts"
        clientKey = folder + "/client_key"
        log = folder + "/sshd.log"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        do {
            try TestUser.ensure(LoopbackSSHD.user)
            try installReader()
            try makeKeys()
            if visitors.anyKey { keyCommandFolder = try installKeyCommand() }
            if visitors.stateDir { try makeStateFolder() }
            // sshd's privilege separation needs this folder, even for a config check.
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            (port, pid) = try listen()
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            if let keyCommandFolder { try? FileManager.default.removeItem(atPath: keyCommandFolder) }
            throw error
        }
    }

    deinit { stop() }

    func stop() {
        if pid > 0 { Spawn.stop(pid) }
        pid = 0
        try? FileManager.default.removeItem(atPath: folder)
        if let keyCommandFolder { try? FileManager.default.removeItem(atPath: keyCommandFolder) }
        keyCommandFolder = nil
    }

    /// The ssh command line for this server: its key and port, no questions asked, then `options`
    /// (such as `-tt`), the test user's destination, and the remote command if any.
    func ssh(_ options: [String] = [], command: [String] = [], key: String? = nil) -> [String] {
        ["/usr/bin/ssh"] + clientOptions(key: key ?? clientKey) + ["-p", "\(port)"] + options + ["\(LoopbackSSHD.user)@127.0.0.1"] + command
    }

    /// The same, as one line for a shell (in tmux); every word here is free of quotes and spaces
    /// except the remote command, which the caller quotes.
    func sshLine(_ options: [String] = [], command: String = "") -> String {
        (ssh(options) + (command.isEmpty ? [] : [command])).joined(separator: " ")
    }

    /// Options shared by ssh, scp and sftp: this key only, no known_hosts, no questions, no config files.
    var clientOptions: [String] { clientOptions(key: clientKey) }

    /// The same with another private key (`makeClientKey`).
    func clientOptions(key: String) -> [String] {
        ["-F", "/dev/null", "-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
         "-o", "ConnectTimeout=5"]
    }

    /// Adds a post to the copied blog (readable by the test user).
    func addPost(_ name: String, _ text: String) throws {
        let path = posts + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
    }

    /// Running byline processes started by this server (the test user's, from this copy of the
    /// binary); zombies count as gone since they run nothing.
    func bylineProcesses() -> [pid_t] {
        guard let account = getpwnam(LoopbackSSHD.user)?.pointee.pw_uid,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { pid_t($0) }.filter { pid in
            var info = stat()
            guard stat("/proc/\(pid)", &info) == 0, info.st_uid == account,
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  let program = cmdline.split(separator: 0).first else { return false }
            return String(decoding: program, as: UTF8.self) == binary && !ProcessWatch.isGone(pid)
        }
    }

    /// Whether every byline this server started has ended by the deadline.
    func bylinesEnd(within seconds: Double) -> Bool {
        Polling.until(seconds: seconds) { bylineProcesses().isEmpty }
    }

    /// sshd's log so far (for assertions and failure messages).
    func logText() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    /// How many times the test user has logged in: proof that a refused action got past authentication.
    func acceptedLogins() -> Int {
        logText().components(separatedBy: "Accepted publickey for \(LoopbackSSHD.user) ").count - 1
    }

    private func installReader() throws {
        try FileManager.default.copyItem(atPath: BylineRunner.binary, toPath: binary)
        chmod(binary, 0o755)
        try FileManager.default.copyItem(atPath: BylineRunner.shippedPosts, toPath: posts)
        chmod(posts, 0o755)
        for name in try FileManager.default.contentsOfDirectory(atPath: posts) { chmod(posts + "/" + name, 0o644) }
    }

    private func makeKeys() throws {
        for key in [folder + "/host_key", clientKey] {
            let (status, output) = try Spawn.run(["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "byline-test", "-f", key], timeout: 10)
            guard status == 0 else { throw Failure.setup("ssh-keygen: \(output)") }
        }
        try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: folder + "/authorized_keys")
        chmod(folder + "/authorized_keys", 0o644)
    }

    /// Starts `sshd -D` on a free port and waits until it listens; another process can take the port
    /// between choosing and binding it, so a failed start is retried on a new port.
    private func listen() throws -> (port: Int, pid: pid_t) {
        let configPath = folder + "/sshd_config"
        let logPath = log
        var lastLog = ""
        for _ in 0..<3 {
            let port = try LoopbackTCP.freePort()
            try LoopbackSSHD.config(folder: folder, port: port, binary: binary + forcedOptions, posts: posts, visitors: visitorLines).write(toFile: configPath, atomically: true, encoding: .utf8)
            let pid = try Spawn.start(["/usr/sbin/sshd", "-D", "-f", configPath, "-E", logPath], outputPath: folder + "/sshd.out")
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                lastLog = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                if lastLog.contains("Server listening on 127.0.0.1 port \(port)") { return (port, pid) }
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { break }
                usleep(10_000)
            }
            Spawn.stop(pid)
            lastLog += (try? String(contentsOfFile: folder + "/sshd.out", encoding: .utf8)) ?? ""
        }
        throw Failure.setup("sshd did not start:\n\(lastLog)")
    }

    /// The server's whole config. The `Match` block is what a blog owner adds for the blog's user;
    /// there is deliberately no `Subsystem` line, so sftp (and scp, which uses it) has nothing to reach.
    private static func config(folder: String, port: Int, binary: String, posts: String, visitors: String) -> String {
        """
        ListenAddress 127.0.0.1
        Port \(port)
        HostKey \(folder)/host_key
        PidFile \(folder)/sshd.pid
        UsePAM no
        StrictModes no
        AuthorizedKeysFile \(folder)/authorized_keys
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin no
        AllowUsers \(user)
        PrintMotd no
        PrintLastLog no
        MaxStartups 64
        LogLevel VERBOSE

        Match User \(user)
            ForceCommand \(binary) --restricted \(posts)
            DisableForwarding yes
            PermitTTY yes
            PermitTunnel no
            X11Forwarding no
            AllowTcpForwarding no
            AllowAgentForwarding no
            AllowStreamLocalForwarding no
            PermitUserRC no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            ClientAliveInterval 15
            ClientAliveCountMax 3
        \(visitors)
        """
    }

    enum Failure: Error { case setup(String) }
}
