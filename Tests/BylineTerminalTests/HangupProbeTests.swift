import Glibc
import XCTest
@testable import BylineTerminal

/// Telling a dead terminal from a quiet one, so a reader never spins after its client dies.
final class HangupProbeTests: XCTestCase {
    func testVerdictFromPoll() {
        XCTAssertEqual(HangupProbe.verdict(revents: 0, bytesWaiting: 0), .quiet)
        XCTAssertEqual(HangupProbe.verdict(revents: Int16(POLLHUP), bytesWaiting: nil), .gone)
        XCTAssertEqual(HangupProbe.verdict(revents: Int16(POLLERR), bytesWaiting: nil), .gone)
        XCTAssertEqual(HangupProbe.verdict(revents: Int16(POLLNVAL), bytesWaiting: nil), .gone)
        XCTAssertEqual(HangupProbe.verdict(revents: Int16(POLLIN | POLLHUP), bytesWaiting: 3), .gone)
        XCTAssertEqual(HangupProbe.verdict(revents: Int16(POLLIN), bytesWaiting: 0), .gone, "readable but empty: end of input")
        XCTAssertEqual(HangupProbe.verdict(revents: Int16(POLLIN), bytesWaiting: nil), .gone)
        XCTAssertEqual(HangupProbe.verdict(revents: Int16(POLLIN), bytesWaiting: 1), .quiet, "a key just after the timeout")
    }

    func testErrnoThatMeansTheTerminalIsGone() {
        XCTAssertEqual(HangupProbe.judge(errno: EIO, fileDescriptor: -1), .gone, "the SSH client was killed")
        XCTAssertEqual(HangupProbe.judge(errno: EBADF, fileDescriptor: -1), .gone)
    }

    func testAnOpenQuietPipeIsQuiet() throws {
        let (reader, writer) = try pipePair()
        defer { close(reader); close(writer) }
        XCTAssertEqual(HangupProbe.judge(errno: 0, fileDescriptor: reader), .quiet)
    }

    func testAPipeWithInputWaitingIsQuiet() throws {
        let (reader, writer) = try pipePair()
        defer { close(reader); close(writer) }
        XCTAssertEqual(write(writer, "j", 1), 1)
        XCTAssertEqual(HangupProbe.judge(errno: 0, fileDescriptor: reader), .quiet)
    }

    func testAPipeWhoseWriterClosedIsGone() throws {
        let (reader, writer) = try pipePair()
        defer { close(reader) }
        close(writer)
        XCTAssertEqual(HangupProbe.judge(errno: 0, fileDescriptor: reader), .gone)
    }

    func testAClosedDescriptorIsGone() throws {
        let (reader, writer) = try pipePair()
        close(reader)
        close(writer)
        XCTAssertEqual(HangupProbe.judge(errno: 0, fileDescriptor: reader), .gone)
    }

    func testAFileAtItsEndIsGone() throws {
        let descriptor = open("/dev/null", O_RDONLY)
        try XCTSkipIf(descriptor < 0)
        defer { close(descriptor) }
        XCTAssertEqual(HangupProbe.judge(errno: 0, fileDescriptor: descriptor), .gone)
    }

    private func pipePair() throws -> (Int32, Int32) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw XCTSkip("no pipe") }
        return (descriptors[0], descriptors[1])
    }
}
