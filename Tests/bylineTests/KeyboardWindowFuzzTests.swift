import Foundation
import XCTest

/// The real reader in a pseudo-terminal of its own (fuzz/pty_fuzz.py; not tmux, whose 3.3a server
/// segfaults on resize storms), fed random keys, escape sequences, bracketed pastes, mouse reports,
/// invalid UTF-8 and window sizes from 0x0 to 65535x65535 from a fixed seed: it never crashes, always
/// answers, holds bounded memory whatever size a client claims, and gives the terminal back.
///
/// BYLINE_PTY_FUZZ_MAX_SIZE (COLSxROWS) clamps the sizes sent, to try a build without the window bound;
/// BYLINE_PTY_FUZZ_SEED picks other inputs.
final class KeyboardWindowFuzzTests: XCTestCase {
    /// Steps sent: some 10 s of input, with a probe every 25 steps.
    static let steps = 300
    /// Peak resident memory allowed. A 1000x500 window, the largest byline draws (issue 15), peaked at
    /// 95 MB in a debug build; a client claiming 65535x65535 took 4 GB before the bound.
    static let peakMemoryKiB = 256 * 1024
    /// Seconds the script may run in all: its steps, probes and the final quit (about 12 s when all is
    /// well; every probe byline fails to answer adds 5 s).
    static let scriptSeconds = 120.0

    func testRandomKeysAndWindowSizesNeverCrashHangOrLeaveTheTerminalBroken() throws {
        let python = "/usr/bin/python3"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: python), "python3 is installed by make test")
        let scratch = try ScratchFolder()
        let environment = ProcessInfo.processInfo.environment
        let report = scratch.path + "/report.json"
        var arguments = [BylineRunner.repository + "/fuzz/pty_fuzz.py", "--byline", BylineRunner.binary,
                         "--posts", BylineRunner.shippedPosts, "--steps", String(Self.steps),
                         "--cache-home", scratch.path, "--report", report,
                         "--seed", environment["BYLINE_PTY_FUZZ_SEED"] ?? "15"]
        if let size = environment["BYLINE_PTY_FUZZ_MAX_SIZE"] { arguments += ["--max-size", size] }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let ended = Polling.until(seconds: Self.scriptSeconds) { !process.isRunning }
        if !ended { process.terminate() }
        process.waitUntilExit()
        XCTAssertTrue(ended, "the fuzz script ran past \(Self.scriptSeconds) s")
        XCTAssertEqual(process.terminationStatus, 0, "fuzz/pty_fuzz.py itself failed")

        let data = try Data(contentsOf: URL(fileURLWithPath: report))
        let result = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = String(decoding: data, as: UTF8.self)

        // No crash: byline was alive after every step and ended by `q` with status 0, not a signal.
        XCTAssertTrue(result["crashed_at_step"] is NSNull, "byline died: \(summary)")
        XCTAssertEqual(result["exit"] as? [String: Int], ["status": 0], "byline did not quit cleanly: \(summary)")
        // No hang: every probe (a resize to an ordinary size) brought a frame within 5 s.
        XCTAssertEqual((result["hung_probes"] as? [Int]) ?? [-1], [], "byline stopped answering: \(summary)")
        // Memory bounded whatever size the window claimed.
        let peak = try XCTUnwrap(result["peak_rss_kib"] as? Int)
        XCTAssertLessThan(peak, Self.peakMemoryKiB, "peak memory \(peak) KiB: \(summary)")
        // The terminal given back: the pty's modes as before (echo and canonical input on), the
        // alternate screen left and the cursor shown after the final `q`.
        XCTAssertEqual(result["termios_restored"] as? Bool, true, "tty modes not restored: \(summary)")
        XCTAssertEqual(result["echo_icanon_after"] as? [Bool], [true, true], summary)
        XCTAssertEqual(result["rmcup_seen"] as? Bool, true, "no rmcup after q: \(summary)")
        XCTAssertEqual(result["cnorm_seen"] as? Bool, true, "no cnorm after q: \(summary)")
        // The steps were really sent.
        XCTAssertGreaterThan((result["sizes_sent"] as? Int) ?? 0, 50, summary)
        XCTAssertGreaterThan((result["bytes_sent"] as? Int) ?? 0, 5000, summary)
    }
}
