import Foundation
import XCTest

/// A crash gives the terminal back (tty modes, the shell's screen) and, in restricted mode, shows a
/// visitor no crash report. The crash is a SIGSEGV sent to byline: the handler that restores the
/// terminal runs for it as for a real fault.
final class CrashEndToEndTests: XCTestCase {
    /// Runs byline (through `sh -c` so its pid is known), crashes it once its first screen is up, and
    /// returns the pane's whole output and the tty modes before and after.
    private func crash(_ options: String, environment: String, shell: String = "") throws
        -> (output: [String], before: String, after: String, folder: [String]) {
        let scratch = try ScratchFolder()
        let cacheHome = try ScratchFolder()
        let command = "cd \(scratch.path) && \(shell) stty -a > before.txt; "
            + "\(environment) sh -c 'echo $$ > pid.txt; exec \(BylineRunner.binary) \(options) \(BylineRunner.shippedPosts)'; "
            + "echo \"exit=$?\"; stty -a > after.txt; echo CRASH-DONE; exec sleep 60"
        let tmux = try TmuxSession(width: 100, height: 30, command: command, environment: ["XDG_CACHE_HOME": cacheHome.path])
        try tmux.waitFor(text: "14 of 14 posts")
        let written = try String(contentsOfFile: scratch.path + "/pid.txt", encoding: .utf8)
        let pid = try XCTUnwrap(Int32(written.trimmingCharacters(in: .whitespacesAndNewlines)), "pid.txt: \(written)")
        XCTAssertEqual(kill(pid, SIGSEGV), 0)
        // Ten seconds: the runtime's interactive crash report would hold the terminal for thirty.
        let output = try tmux.waitFor("the shell after the crash", history: true) { $0.contains { $0.contains("CRASH-DONE") } }
        let before = try String(contentsOfFile: scratch.path + "/before.txt", encoding: .utf8)
        let after = try String(contentsOfFile: scratch.path + "/after.txt", encoding: .utf8)
        return (output, before, after, try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted())
    }

    func testACrashGivesTheTerminalBack() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        // The runtime's own report is off here only so that it does not wait for a key.
        let crashed = try crash("", environment: "SWIFT_BACKTRACE=enable=no")
        XCTAssertTrue(crashed.output.contains { $0.contains("exit=\(128 + SIGSEGV)") }, crashed.output.joined(separator: "\n"))
        XCTAssertTrue(crashed.output.contains { $0.contains("byline: stopped by a fatal signal") })
        XCTAssertEqual(crashed.before, crashed.after, "stty -a is as it was before byline")
        XCTAssertFalse(crashed.output.contains { $0.contains("14 of 14 posts") }, "the full screen is gone: \(crashed.output)")
    }

    func testAVisitorSeesNoCrashReport() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        // The runtime's report asked for, even interactive, and core files allowed (the kernel writes
        // them into the current folder here): restricted mode still shows no report and leaves no core.
        let crashed = try crash("--restricted", environment: "SWIFT_BACKTRACE=enable=yes,interactive=yes", shell: "ulimit -c unlimited;")
        let text = crashed.output.joined(separator: "\n")
        XCTAssertTrue(text.contains("exit=\(128 + SIGSEGV)"), text)
        for sign in ["crashed", "Backtrace", "Press space to interact", "Thread 0"] {
            XCTAssertFalse(text.contains(sign), "\(sign) in \(text)")
        }
        XCTAssertEqual(crashed.before, crashed.after, "stty -a is as it was before byline")
        XCTAssertEqual(crashed.folder, ["after.txt", "before.txt", "pid.txt"], "no core file")
    }
}
