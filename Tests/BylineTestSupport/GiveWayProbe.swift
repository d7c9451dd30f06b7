import BylineCore
import Foundation
import Synchronization
import XCTest

/// Runs work handed a gate on another thread while the test keeps a key being answered for a while:
/// work with a `giveWay.point()` in it cannot finish before the keys stop. (A lower bound on time,
/// which a slow or loaded machine cannot break.)
package enum GiveWayProbe {
    package static let answeringSeconds = 0.2

    package static func assertGivesWay(file: StaticString = #filePath, line: UInt = #line, _ work: @escaping @Sendable (GiveWay) -> Void) throws {
        let finished = Atomic<Bool>(false)
        let finishedAt = Mutex<Double>(0)
        let start = Date().timeIntervalSinceReferenceDate
        let giveWay = GiveWay()
        giveWay.answering()
        let thread = Foundation.Thread {
            work(giveWay)
            finishedAt.withLock { $0 = Date().timeIntervalSinceReferenceDate }
            finished.store(true, ordering: .releasing)
        }
        thread.start()
        while Date().timeIntervalSinceReferenceDate - start < answeringSeconds {
            giveWay.answering()
            usleep(1000)
        }
        while !finished.load(ordering: .acquiring) { usleep(1000) }
        let took = finishedAt.withLock { $0 } - start
        XCTAssertGreaterThanOrEqual(took, answeringSeconds, "the work went on while a key was being answered", file: file, line: line)
    }
}
