import Foundation
import XCTest

/// A real terminal for end-to-end tests: a private tmux server (its own `-L` socket), driven with
/// `send-keys` and read with `capture-pane`, polled with a deadline, never a bare sleep.
final class TmuxSession {
    let socket: String
    private(set) var width: Int
    private(set) var height: Int

    /// Starts `command` (run by /bin/sh) in a detached session of the given size.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        socket = "byline-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        let exports = environment.map { "export \($0.key)='\($0.value)'; " }.joined()
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main",
                  "/bin/sh", "-c", exports + command])
        // Keep the pane after the program exits, so its last screen can be read.
        try? tmux(["set-option", "-t", "main", "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Sends tmux key names (`Tab`, `Enter`, `Space`, `C-c`, `NPage`) or, with `literal`, text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// The screen as plain text rows.
    func capture() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "main"]).components(separatedBy: "\n")
    }

    /// Waits until `condition` holds for the screen, or fails after `seconds`.
    @discardableResult
    func waitFor(_ description: String, seconds: Double = 10, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var screen: [String] = []
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(20_000)
        }
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
        Int32(try tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    enum TmuxError: Error { case failed(String), timeout(String) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-L", socket] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw TmuxError.failed("tmux \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }
}
