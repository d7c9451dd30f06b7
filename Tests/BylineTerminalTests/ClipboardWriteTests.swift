import BylineCore
import Foundation
@preconcurrency import Glibc
import XCTest
@testable import BylineTerminal

/// `Terminal.copyToClipboard` on a real terminal: a forked child takes a pty of the test's own with
/// the whole backend, paints, copies, paints again and stops; the test reads every byte it wrote.
/// The OSC 52 sequence comes whole, between the two frames (never inside one), sanitised, and a text
/// past the bound writes nothing.
final class ClipboardWriteTests: XCTestCase {
    /// TIOCSPTLCK and TIOCGPTN (Linux), which Swift does not import.
    private static let setLock: UInt = 0x4004_5431
    private static let number: UInt = 0x8004_5430

    func testOSC52IsWrittenBetweenFramesSanitisedAndBounded() throws {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlocked: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.setLock, &unlocked) == 0, ioctl(master, Self.number, &number) == 0 else {
            throw XCTSkip("no pseudo-terminal")
        }
        defer { close(master) }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = withUnsafeMutablePointer(to: &size) { ioctl(master, UInt(TIOCSWINSZ), $0) }
        let path = "/dev/pts/\(number)"
        let copied = "https://example.com/a b\u{1B}]0;evil\u{7}"
        let child = fork()
        if child == 0 {
            let slave = open(path, O_RDWR)
            dup2(slave, 0)
            dup2(slave, 1)
            setenv("TERM", "xterm-256color", 1)
            setenv("LANG", "C.UTF-8", 1)
            guard let terminal = try? Terminal.start(theme: .dark, mouse: false) else { _exit(3) }
            var screen = Screen(width: terminal.width, height: terminal.height)
            screen.put(StyledLine("FRAME-ONE"), row: 0, column: 0)
            terminal.paint(screen)
            terminal.copyToClipboard(copied)
            terminal.copyToClipboard(String(repeating: "a", count: ClipboardText.maximumBytes + 1))
            screen.put(StyledLine("FRAME-TWO"), row: 1, column: 0)
            terminal.paint(screen)
            terminal.stop()
            _exit(0)
        }
        _ = fcntl(master, F_SETFL, O_NONBLOCK)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let count = read(master, &buffer, buffer.count)
            if count > 0 { output += buffer[..<count]; continue }
            if waitpid(child, &status, WNOHANG) == child { break }
            usleep(5_000)
        }
        while case let count = read(master, &buffer, buffer.count), count > 0 { output += buffer[..<count] }
        if waitpid(child, &status, WNOHANG) == 0 { kill(child, SIGKILL); waitpid(child, &status, 0) }
        XCTAssertEqual((status >> 8) & 0xFF, 0, "the child ended cleanly: \(status)")

        let expected = try XCTUnwrap(ClipboardText.sequence(for: copied))
        let at = try XCTUnwrap(output.firstRange(of: expected), String(decoding: output, as: UTF8.self).debugDescription)
        let one = try XCTUnwrap(output.firstRange(of: Array("FRAME-ONE".utf8)))
        let two = try XCTUnwrap(output.firstRange(of: Array("FRAME-TWO".utf8)))
        XCTAssertLessThanOrEqual(one.upperBound, at.lowerBound, "after the first frame")
        XCTAssertLessThan(at.upperBound, two.lowerBound, "before the second")
        // Between the frames: the sequence and nothing else (ncurses had flushed; the long text wrote nothing).
        let between = output[one.upperBound..<two.lowerBound]
        XCTAssertEqual(between.firstRange(of: Array("\u{1B}]52;".utf8))?.lowerBound, at.lowerBound)
        XCTAssertEqual(output.split(separator: 0x1B).filter { $0.starts(with: Array("]52;".utf8)) }.count, 1, "one copy, not two")
        XCTAssertFalse(between.contains(0x07), "no BEL from the copied text (ncurses' own `oc` at the start ends with one)")
        XCTAssertNil(output.firstRange(of: Array("]0;evil".utf8)), "the text only inside base64")
    }
}
