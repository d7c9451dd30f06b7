import Foundation
import XCTest

/// A frame reaches the terminal in one write: over SSH every write the reader makes becomes a packet
/// of its own (with its header and MAC), so a list move in 40 writes cost far more than its bytes.
/// The binary runs in tmux with a preloaded `write` and `read` that log each write to the terminal
/// and each read of a key, in the order they happen.
final class FrameWritesTests: XCTestCase {
    /// Logs each `write` to standard output (`W SIZE`) and each `read` from standard input that got
    /// something (`R SIZE`), one line per call, to $BYLINE_TEST_WRITE_LOG.
    private static let shim = """
        #define _GNU_SOURCE
        #include <fcntl.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/syscall.h>
        #include <unistd.h>

        static void note(char kind, ssize_t size) {
            const char *log = getenv("BYLINE_TEST_WRITE_LOG");
            if (log == NULL) return;
            int file = open(log, O_WRONLY | O_APPEND | O_CREAT, 0600);
            if (file < 0) return;
            char line[32];
            int length = snprintf(line, sizeof line, "%c %zd\\n", kind, size);
            syscall(SYS_write, file, line, (size_t) length);
            close(file);
        }

        ssize_t write(int fd, const void *buffer, size_t count) {
            ssize_t written = syscall(SYS_write, fd, buffer, count);
            if (fd == 1) note('W', written);
            return written;
        }

        ssize_t read(int fd, void *buffer, size_t count) {
            ssize_t got = syscall(SYS_read, fd, buffer, count);
            if (fd == 0 && got > 0) note('R', got);
            return got;
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

    /// The log so far: the sizes of the writes before the first key was read, then after each read.
    private func writesByRead(_ log: String) -> [[Int]] {
        var segments: [[Int]] = [[]]
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let size = Int(fields[1]) else { continue }
            if fields[0] == "R" { segments.append([]) } else { segments[segments.count - 1].append(size) }
        }
        return segments
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

        // A list move (selection and preview), focus to the preview, a scroll there, focus round to the
        // tag pane: one write each. The
        // reader paints a key's frame before it reads the next key, so each key's writes are those
        // logged between its read and the next: no quiet spell has to be guessed. Each key is sent once
        // the one before has changed the screen, so that no two are read into one frame; a last key
        // closes the last one's writes.
        let keys = ["j", "j", "Tab", "j", "Tab"]
        for key in keys + ["j"] {
            let before = screen
            try tmux.send(key)
            screen = try tmux.waitFor("the frame after \(key)") { $0 != before }
        }
        _ = Polling.until(seconds: 10) { writesByRead(log).count >= keys.count + 2 }
        let segments = writesByRead(log)
        XCTAssertEqual(segments.count, keys.count + 2, "one read for each key sent: \(segments)")
        guard segments.count == keys.count + 2 else { return }

        // Set-up (the alternate screen, modes, once more after the resume) and the first frame, which
        // is larger than ncurses' output buffer (rows + 2 by columns + 6 bytes).
        let first = segments[0]
        XCTAssertFalse(first.isEmpty, "the write logger saw nothing: was it preloaded?")
        XCTAssertLessThanOrEqual(first.count, 10, "the first screen took \(first.count) writes: \(first)")
        for (key, writes) in zip(keys, segments[1...]) {
            XCTAssertEqual(writes.count, 1, "\(key) took \(writes.count) writes: \(writes)")
            XCTAssertGreaterThan(writes.first ?? 0, 0)
        }
    }
}
