@testable import BylineIndex
import Foundation
import XCTest

/// A build's two stages side by side: every chunk consumed once, in order, whole; at most two chunks
/// made and not yet consumed (memory bounded by the chunk); a failure waits for the chunk being made.
final class BuildPipelineTests: XCTestCase {
    private final class Log: @unchecked Sendable {
        let lock = NSLock()
        var made: [Range<Int>] = []
        var ahead = 0, mostAhead = 0
        func make(_ range: Range<Int>) -> [Int] {
            lock.withLock {
                made.append(range)
                ahead += 1
                mostAhead = max(mostAhead, ahead)
            }
            return Array(range)
        }
        func consumed() { lock.withLock { ahead -= 1 } }
    }

    func testChunksAreConsumedInOrderWithAtMostOneMadeAhead() throws {
        for beside in [false, true] {
            for (count, chunk) in [(0, 4), (1, 4), (10, 3), (12, 4), (1000, 7)] {
                let log = Log()
                var consumed: [Int] = []
                var lasts: [Bool] = []
                try BuildPipeline.run(count: count, chunk: chunk, beside: beside, rows: log.make) { range, rows, isLast in
                    XCTAssertEqual(rows, Array(range))
                    consumed += rows
                    lasts.append(isLast)
                    log.consumed()
                }
                XCTAssertEqual(consumed, Array(0..<count), "\(count) by \(chunk)")
                XCTAssertEqual(lasts.filter { $0 }.count, count == 0 ? 0 : 1)
                XCTAssertEqual(lasts.last ?? true, true)
                XCTAssertLessThanOrEqual(log.mostAhead, beside ? 2 : 1, "the chunk consumed and the next one")
                XCTAssertEqual(log.made, stride(from: 0, to: count, by: chunk).map { $0..<min($0 + chunk, count) })
            }
        }
    }

    func testAFailureStopsTheBuildOnceTheChunkBeingMadeIsDone() {
        struct Failure: Error {}
        let log = Log()
        XCTAssertThrowsError(try BuildPipeline.run(count: 100, chunk: 10, beside: true, rows: log.make) { range, _, _ in
            if range.lowerBound == 30 { throw Failure() }
        })
        // Chunks up to the failed one, and the one made beside it: nothing after.
        XCTAssertEqual(log.made.map(\.lowerBound), [0, 10, 20, 30, 40])
    }
}
