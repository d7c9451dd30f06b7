import BylineCore
import BylineMarkdown
import Dispatch
import XCTest

/// cmark-gfm 0.29 keeps the characters its inline extensions need (`~` for strikethrough, `|` for
/// tables, `:` and `w` for autolinks) in one table for the whole process, switched on at the start of
/// every parse's inline pass and off at its end (github/cmark-gfm#176). Two parses at once then lose
/// each other's strikethrough and links. byline parses on several threads (loading, prefetching the
/// neighbours of the selected post, `show`), so every parse must give what it gives alone.
final class ConcurrentParseTests: XCTestCase {
    func testParsesOnManyThreadsEqualTheParseAlone() {
        let paragraph = "Some ~~struck~~ text with www.example.com and https://example.org/a links, ~~again~~ and again.\n\n"
        let table = "| a | b |\n|---|---|\n| ~~x~~ | www.example.net |\n\n"
        let markdown = String(repeating: paragraph + table, count: 200)
        let alone = MarkdownDocument.parse(markdown)
        XCTAssertTrue(alone.references.contains("http://www.example.com"), "autolinks are found")

        let threads = 4, rounds = 40
        let differing = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<rounds where MarkdownDocument.parse(markdown) != alone { differing.add() }
        }
        XCTAssertEqual(differing.value, 0, "\(differing.value) of \(threads * rounds) parses on \(threads) threads differed from the parse alone")
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
