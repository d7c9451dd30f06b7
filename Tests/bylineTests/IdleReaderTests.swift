import Foundation
import XCTest

/// An idle reader sleeps in one `poll` until a key or news arrives: it does not wake on a timer. (The
/// loop before woke every 500 ms when idle, and every 2 to 5 ms while work ran.)
final class IdleReaderTests: XCTestCase {
    /// How long the reader is watched, idle.
    static let watchSeconds: UInt32 = 3

    func testAnIdleReaderDoesNotWakeUp() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let tmux = try TmuxSession(width: 100, height: 30,
                                   command: "exec \(BylineRunner.binary) --no-cache \(BylineRunner.shippedPosts)")
        try tmux.waitFor(text: "14 of 14 posts")
        let pid = try tmux.panePID()
        XCTAssertGreaterThan(pid, 0)
        // Settled: the bodies parsed ahead of the first frame are in, so nothing is left to do.
        _ = Polling.until(seconds: 10) { Self.threadsRunning(pid) == 0 }
        let before = try XCTUnwrap(Self.wakeUps(pid))
        let ticksBefore = try XCTUnwrap(Self.cpuTicks(pid))
        sleep(Self.watchSeconds)
        let after = try XCTUnwrap(Self.wakeUps(pid))
        let ticksAfter = try XCTUnwrap(Self.cpuTicks(pid))
        // One spare wake-up, for a signal from outside (tmux's own SIGWINCH at attach): a timer of
        // 500 ms would be 6 here, and nothing else should wake the loop at all.
        XCTAssertLessThanOrEqual(after - before, 1, "the input thread woke \(after - before) times in \(Self.watchSeconds) s of idleness")
        XCTAssertLessThanOrEqual(ticksAfter - ticksBefore, 1, "the idle reader used \(ticksAfter - ticksBefore) CPU ticks")
        try tmux.tmux(["kill-server"])
    }

    /// How often the input thread (the main thread, whose id is the process's) went to sleep and was woken.
    static func wakeUps(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("voluntary_ctxt_switches:") }
        return line.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
    }

    /// User and system CPU time of the whole process, in clock ticks.
    static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3 of stat(5), utime 14 and stime 15.
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// Threads of the process running now (state R).
    static func threadsRunning(_ pid: Int32) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.filter { task in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("R")
        }.count
    }
}
