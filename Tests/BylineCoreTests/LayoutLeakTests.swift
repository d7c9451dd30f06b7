import BylineCore
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Laying out text keeps no memory once its lines are dropped. The fuzzer's leak check found that
/// every wrapped paragraph and every `FlatText` left a byte of scratch storage behind (a 32-byte heap
/// chunk): a reader relays out a post at every resize, so a resize storm grew the heap without bound.
final class LayoutLeakTests: XCTestCase {
    /// Layouts run here: 200,000 leaked chunks are some 6 MB, far above what the heap moves otherwise.
    static let rounds = 200_000
    /// Growth of the data segment allowed over all rounds (allocator slack, lazily made metadata).
    static let allowedGrowth = 2 << 20

    func testWrappingParagraphsKeepsNoMemory() throws {
        let spans = [StyledSpan("a few words to wrap", .plain)]
        _ = TextWrapper.wrap(spans, width: 8)
        let before = try heapBytes()
        for _ in 0..<Self.rounds { _ = TextWrapper.wrap(spans, width: 8) }
        let growth = try heapBytes() - before
        XCTAssertLessThan(growth, Self.allowedGrowth, "\(growth) bytes kept by \(Self.rounds) wraps")
    }

    func testDocumentLayoutsKeepNoMemory() throws {
        let document = Document(blocks: [])
        _ = DocumentLayout.text(for: document, width: 40)
        let before = try heapBytes()
        for _ in 0..<Self.rounds { _ = DocumentLayout.text(for: document, width: 40) }
        let growth = try heapBytes() - before
        XCTAssertLessThan(growth, Self.allowedGrowth, "\(growth) bytes kept by \(Self.rounds) flat layouts")
    }

    /// `byline show`'s road: a layout cut into parts. A writer made for a part after the last was
    /// never finished, and kept its buffer (found by the fuzzer's leak check).
    func testLayoutsWrittenInPartsKeepNoMemory() throws {
        let document = Document(blocks: [.paragraph([StyledSpan("one", .plain)]), .paragraph([StyledSpan("two", .strong)])])
        func layOut() { DocumentLayout.write(document, width: 40, glyphs: .unicode, prefix: [], partBytes: 2) { _ in } }
        layOut()
        let before = try heapBytes()
        for _ in 0..<Self.rounds { layOut() }
        let growth = try heapBytes() - before
        XCTAssertLessThan(growth, Self.allowedGrowth, "\(growth) bytes kept by \(Self.rounds) layouts in parts")
    }

    /// The process's resident anonymous memory (`RssAnon` in /proc/self/status), in bytes.
    private func heapBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else {
            throw XCTSkip("no RssAnon in /proc/self/status")
        }
        return kilobytes * 1024
    }
}
