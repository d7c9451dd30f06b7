import Foundation
import XCTest

/// A real terminal for end-to-end tests: a private tmux server (its own `-L` socket), driven with
/// `send-keys` and read with `capture-pane`, polled with a deadline, never a bare sleep.
final class TmuxSession {
    let socket: String
    private(set) var width: Int
    private(set) var height: Int
    /// A reading state folder of the session's own when the test names none: a reader never writes
    /// the runner's ~/.local/state, and no earlier run's read marks show.
    private let stateHome: ScratchFolder?

    /// Starts `command` (run by /bin/sh) in a detached session of the given size.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        socket = "byline-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        var environment = environment
        stateHome = environment["XDG_STATE_HOME"] == nil ? try ScratchFolder() : nil
        if let stateHome { environment["XDG_STATE_HOME"] = stateHome.path }
        let exports = environment.map { "export \($0.key)='\($0.value)'; " }.joined()
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main",
                  "/bin/sh", "-c", exports + command])
        // Keep the pane after the program exits, so its last screen can be read.
        _ = try? tmux(["set-option", "-t", "main", "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Sends tmux key names (`Tab`, `Enter`, `Space`, `C-c`, `NPage`) or, with `literal`, text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// The screen as plain text rows; with `history`, every row the pane has scrolled off first,
    /// for a line-based program whose output outruns the screen.
    func capture(history: Bool = false) throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "main"] + (history ? ["-S", "-"] : [])).components(separatedBy: "\n")
    }

    /// Waits until `condition` holds for the screen (with `history`, the pane's whole output), or
    /// fails after `seconds`.
    @discardableResult
    func waitFor(_ description: String, seconds: Double = 10, history: Bool = false,
                 file: StaticString = #filePath, line: UInt = #line,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        var screen: [String] = []
        if try Polling.until(seconds: seconds, {
            screen = try capture(history: history)
            return condition(screen)
        }) { return screen }
        XCTFail("timed out waiting for \(description); screen:\n" + screen.joined(separator: "\n"), file: file, line: line)
        throw TmuxError.timeout(description)
    }

    /// Waits until some row contains `text`.
    @discardableResult
    func waitFor(text: String, seconds: Double = 10, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try waitFor("\"\(text)\"", seconds: seconds, file: file, line: line) { $0.contains { $0.contains(text) } }
    }

    func resize(width: Int, height: Int) throws {
        self.width = width
        self.height = height
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the program in the pane.
    func panePID() throws -> Int32 {
        Int32(try display("#{pane_pid}")) ?? 0
    }

    /// A tmux format expanded for the pane, such as `#{pane_title}` or `#{pane_dead_status}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    enum TmuxError: Error { case failed(String), timeout(String) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let (status, text) = try Spawn.run(["/usr/bin/tmux", "-L", socket] + arguments)
        guard status == 0 else { throw TmuxError.failed("tmux \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }
}

/// Runs a program with posix_spawn and waitpid. Foundation's Process can miss the exit of tmux's
/// client (it forks the server on the way out) and wait forever; waitpid does not.
enum Spawn {
    /// Runs `argv` to its end (or, with `timeout`, kills it at the deadline) and returns its exit
    /// status (128 + signal when killed) and its standard output and error together.
    static func run(_ argv: [String], input: String = "/dev/null", timeout: Double? = nil) throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let pid = try start(argv, input: input, outputPath: outputPath)
        let status = timeout.map { wait(pid, killingAfter: $0) } ?? wait(pid)
        let output = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
        return (status, output)
    }

    /// Starts `argv` without waiting (a server, or a client a test kills), standard input from the
    /// file `input`, standard output and error into `outputPath`. Reap it with `wait` or `stop`.
    static func start(_ argv: [String], input: String = "/dev/null", outputPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let args = argv.map { strdup($0) } + [nil]
        defer { (envp + args).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, args, envp)
        guard spawned == 0 else { throw TmuxSession.TmuxError.failed("cannot run \(argv[0]): \(spawned)") }
        return pid
    }

    /// Waits for `pid` to end: its exit status, or 128 + the signal that ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return decode(status)
    }

    /// Waits for `pid` until `seconds` have passed, then kills it, so that a hung child fails a test
    /// instead of hanging the suite.
    static func wait(_ pid: pid_t, killingAfter seconds: Double) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { return decode(status) }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        return wait(pid)
    }

    /// Ends a child started with `start`: SIGTERM, then SIGKILL if it is still there after 2 s.
    static func stop(_ pid: pid_t) {
        kill(pid, SIGTERM)
        _ = wait(pid, killingAfter: 2)
    }

    private static func decode(_ status: Int32) -> Int32 {
        let exited = (status & 0x7F) == 0
        return exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
