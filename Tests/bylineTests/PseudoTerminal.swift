import Foundation
import XCTest

/// A pseudo-terminal of the test's own, for what tmux cannot do: window sizes up to 65535x65535 (tmux
/// 3.3a's own server segfaults on huge `resize-window`), storms of resizes, and a hang-up by closing
/// the terminal. The program runs as the leader of a new session with the terminal's far side as its
/// controlling terminal (so resizes reach it as SIGWINCH and closing the near side as SIGHUP); the
/// test holds the near side, sets the size (TIOCSWINSZ), types, and keeps reading what the program
/// writes, so the program never blocks on a full terminal.
final class PseudoTerminal {
    let pid: pid_t
    private var master: Int32
    /// The far side, held by the test as well: its modes can be read after the program has gone.
    private let slave: Int32
    private(set) var output: [UInt8] = []
    private var status: Int32?

    /// Starts `argv` in a terminal of `columns` x `rows`, with `environment` (plus PATH) as its whole environment.
    init(columns: Int, rows: Int, argv: [String], environment: [String: String]) throws {
        // posix_openpt, unlockpt and ptsname are hidden from Swift (glibc's __USE_XOPEN_EXTENDED): the
        // same through the multiplexer and its two ioctls.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlocked: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, PseudoTerminal.setLock, &unlocked) == 0, ioctl(master, PseudoTerminal.number, &number) == 0 else {
            throw Failure.setup("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"
        _ = fcntl(master, F_SETFL, O_NONBLOCK)
        PseudoTerminal.setSize(master, columns: columns, rows: rows)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session, set up before the file actions: the far side, opened first by the session's
        // leader, becomes its controlling terminal.
        posix_spawnattr_setflags(&attributes, PseudoTerminal.spawnNewSession)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
        env.merge(environment) { $1 }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let args = argv.map { strdup($0) } + [nil]
        defer { (envp + args).forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, argv[0], &actions, &attributes, args, envp)
        guard spawned == 0 else {
            close(master)
            throw Failure.setup("cannot run \(argv[0]): \(spawned)")
        }
        pid = child
        slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            _ = Spawn.wait(pid)
        }
        if master >= 0 { close(master) }
        if slave >= 0 { close(slave) }
    }

    /// Sets the window size, as a terminal emulator does when its window changes: the program gets SIGWINCH.
    func resize(columns: Int, rows: Int) {
        PseudoTerminal.setSize(master, columns: columns, rows: rows)
    }

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        while !bytes.isEmpty {
            let written = write(master, bytes, bytes.count)
            if written > 0 {
                bytes.removeFirst(written)
            } else {
                pump(milliseconds: 10)
            }
        }
    }

    /// The terminal's modes now (those the program set, or left behind).
    func modes() -> termios {
        var modes = termios()
        tcgetattr(slave, &modes)
        return modes
    }

    /// Reads what the program wrote, for up to `milliseconds` or until there is nothing more.
    func pump(milliseconds: Int32 = 20) {
        guard master >= 0 else { return }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { return }
            output += buffer[..<count]
        }
    }

    /// Reads output until `text` appears in what was written from `offset` on, for up to `seconds`.
    func waitFor(_ text: String, after offset: Int = 0, seconds: Double = 10) -> Bool {
        let needle = Array(text.utf8)
        return Polling.until(seconds: seconds) {
            pump()
            return output.count >= offset && output[offset...].firstRange(of: needle) != nil
        }
    }

    /// Keeps reading for `seconds`: the program answers what it was sent.
    func settle(seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline { pump() }
    }

    /// The program's exit status once it has ended (128 + signal when killed), reading its output
    /// meanwhile; nil if it is still running after `seconds`.
    func exitStatus(within seconds: Double) -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        _ = Polling.until(seconds: seconds) {
            pump()
            guard waitpid(pid, &raw, WNOHANG) == pid else { return false }
            status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
            return true
        }
        return status
    }

    /// The program's peak resident memory so far (VmHWM), in kilobytes.
    func peakResidentKilobytes() -> Int? { PseudoTerminal.peakResidentKilobytes(of: pid) }

    /// Closes the near side, as sshd does when the client's connection drops: the program's terminal
    /// hangs up (SIGHUP to its session, POLLHUP and EIO on the far side). The test's own far-side
    /// descriptor keeps the modes readable.
    func hangUp() {
        close(master)
        master = -1
    }

    /// VmHWM of `pid` from /proc, in kilobytes.
    static func peakResidentKilobytes(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    private static func setSize(_ descriptor: Int32, columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = withUnsafeMutablePointer(to: &size) { ioctl(descriptor, UInt(TIOCSWINSZ), $0) }
    }

    // Linux's values (the same on x86-64 and arm64), which Swift does not import: the C macros are
    // built from _IOR/_IOW, or hidden behind _GNU_SOURCE.
    /// TIOCSPTLCK, _IOW('T', 0x31, int): lock or unlock the far side.
    private static let setLock: UInt = 0x4004_5431
    /// TIOCGPTN, _IOR('T', 0x30, unsigned int): the far side's number under /dev/pts.
    private static let number: UInt = 0x8004_5430
    /// glibc's POSIX_SPAWN_SETSID.
    private static let spawnNewSession: Int16 = 0x80

    enum Failure: Error { case setup(String) }
}
