import Foundation
import XCTest

/// A frame reaches the terminal in one write: over SSH every write the reader makes becomes a packet
/// of its own (with its header and MAC), so a list move in 40 writes cost far more than its bytes.
/// The binary runs in tmux with a preloaded `write` that logs each write to the terminal.
final class FrameWritesTests: XCTestCase {
    /// Logs each `write` to standard output: one line per call, its size, to $BYLINE_TEST_WRITE_LOG.
    private static let shim = """
        #define _GNU_SOURCE
        #include <fcntl.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/syscall.h>
        #include <unistd.h>

        ssize_t write(int fd, const void *buffer, size_t count) {
            ssize_t written = syscall(SYS_write, fd, buffer, count);
            const char *log = getenv("BYLINE_TEST_WRITE_LOG");
            if (fd == 1 && log != NULL) {
                int file = open(log, O_WRONLY | O_APPEND | O_CREAT, 0600);
                if (file >= 0) {
                    char line[32];
                    int length = snprintf(line, sizeof line, "%zd\\n", written);
                    syscall(SYS_write, file, line, (size_t) length);
                    close(file);
                }
            }
            return written;
        }
        """

    private func buildShim(in scratch: ScratchFolder) throws -> String {
        let source = try scratch.write("write-log.c", Self.shim)
        let library = scratch.path + "/write-log.so"
        let compile = Process()
        compile.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compile.arguments = ["cc", "-shared", "-fPIC", "-O1", "-o", library, source]
        try compile.run()
        compile.waitUntilExit()
        XCTAssertEqual(compile.terminationStatus, 0, "cc could not build the write logger")
        return library
    }

    /// The sizes of the writes logged so far, once no write has come for `quiet` seconds.
    private func settledWrites(_ log: String, quiet: Double = 0.4, deadline: Double = 10) -> [Int] {
        var last = "", lastChange = Date()
        let end = Date().addingTimeInterval(deadline)
        while Date() < end {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if text != last {
                last = text
                lastChange = Date()
            } else if Date().timeIntervalSince(lastChange) >= quiet {
                break
            }
            usleep(20_000)
        }
        return last.split(separator: "\n").compactMap { Int($0) }
    }

    func testEachFrameAfterTheFirstIsOneWrite() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let scratch = try ScratchFolder()
        let library = try buildShim(in: scratch)
        let log = scratch.path + "/writes.log"
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(BylineRunner.binary) --no-cache \(BylineRunner.shippedPosts); exec sleep 60",
                                   environment: ["LD_PRELOAD": library, "BYLINE_TEST_WRITE_LOG": log])
        var screen = try tmux.waitFor(text: "14 of 14 posts")
        let first = settledWrites(log)
        XCTAssertFalse(first.isEmpty, "the write logger saw nothing: was it preloaded?")
        // Set-up (the alternate screen, modes, once more after the resume) and the first frame, which
        // is larger than ncurses' output buffer (rows + 2 by columns + 6 bytes).
        XCTAssertLessThanOrEqual(first.count, 10, "the first screen took \(first.count) writes: \(first)")

        // A list move (selection and preview), the tag pane, a move there, back: one write each.
        for key in ["j", "j", "Tab", "j", "Tab"] {
            try Data().write(to: URL(fileURLWithPath: log))
            let before = screen
            try tmux.send(key)
            screen = try tmux.waitFor("the frame after \(key)") { $0 != before }
            let writes = settledWrites(log)
            XCTAssertEqual(writes.count, 1, "\(key) took \(writes.count) writes: \(writes)")
            XCTAssertGreaterThan(writes.first ?? 0, 0)
        }
    }
}
