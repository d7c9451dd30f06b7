@testable import BylineCore
import BylineTestSupport
import Foundation
import Synchronization
import XCTest

/// Background work sleeps while a key is answered, only work handed the gate does, and only until the
/// window after the last key or frame has closed.
final class GiveWayTests: XCTestCase {
    /// A clock the test moves, and a record of each sleep (which moves the clock as far).
    private final class DrivenClock: Sendable {
        let time = Mutex<UInt64>(1_000_000_000)
        let sleeps = Mutex<[UInt64]>([])
        let reads = Atomic<Int>(0)
        /// Runs during the first sleep, as if another key arrived meanwhile.
        let duringFirstSleep = Mutex<(@Sendable () -> Void)?>(nil)

        func now() -> UInt64 {
            reads.add(1, ordering: .relaxed)
            return time.withLock { $0 }
        }

        func sleep(_ nanoseconds: UInt64) {
            let first = sleeps.withLock { sleeps in
                sleeps.append(nanoseconds)
                return sleeps.count == 1
            }
            time.withLock { $0 += nanoseconds }
            if first, let meanwhile = duringFirstSleep.withLock({ $0 }) { meanwhile() }
        }

        func advance(_ nanoseconds: UInt64) { time.withLock { $0 += nanoseconds } }

        func gate() -> GiveWay {
            GiveWay(now: { [self] in now() }, sleep: { [self] in sleep($0) })
        }
    }

    private let window = GiveWay.windowNanoseconds

    func testWithNoKeyBeingAnsweredBackgroundWorkGoesOnWithoutReadingTheClock() {
        let clock = DrivenClock()
        let gate = clock.gate()
        gate.point()
        XCTAssertEqual(clock.sleeps.withLock { $0 }, [])
        XCTAssertEqual(clock.reads.load(ordering: .relaxed), 0)
    }

    func testBackgroundWorkSleepsUntilTheWindowAfterTheKeyCloses() {
        let clock = DrivenClock()
        let gate = clock.gate()
        gate.answering()
        clock.advance(3_000_000)
        gate.point()
        XCTAssertEqual(clock.sleeps.withLock { $0 }, [window - 3_000_000])
    }

    func testWorkHandedNoGateNeverSleeps() {
        let clock = DrivenClock()
        let gate = clock.gate()
        gate.answering()
        _ = ParallelMap.map(Array(0..<100), allCores: false) { $0 * 2 }
        XCTAssertEqual(clock.sleeps.withLock { $0 }, [])
        _ = ParallelMap.map(Array(0..<100), allCores: false, giveWay: gate) { $0 * 2 }
        XCTAssertEqual(clock.sleeps.withLock { $0 }, [GiveWay.windowNanoseconds], "handed it, the same work sleeps")
    }

    func testAWindowMovedOnDuringTheSleepIsWaitedOutToo() {
        let clock = DrivenClock()
        let gate = clock.gate()
        gate.answering()
        // The frame is written 4 ms into the sleep: the window now ends 4 ms later than it did.
        // (The clock has already moved past the sleep when the hook runs: it is set back to the write.)
        let frameWritten: @Sendable () -> Void = {
            clock.time.withLock { $0 -= 6_000_000 }
            gate.answering()
            clock.time.withLock { $0 += 6_000_000 }
        }
        clock.duringFirstSleep.withLock { $0 = frameWritten }
        gate.point()
        XCTAssertEqual(clock.sleeps.withLock { $0 }, [window, 4_000_000])
    }

    func testOnceTheWindowHasClosedLaterPointsCostOneLoad() {
        let clock = DrivenClock()
        let gate = clock.gate()
        gate.answering()
        clock.advance(window + 1)
        gate.point()
        XCTAssertEqual(clock.sleeps.withLock { $0 }, [])
        let reads = clock.reads.load(ordering: .relaxed)
        gate.point()
        XCTAssertEqual(clock.reads.load(ordering: .relaxed), reads, "the closed window was cleared")
        // The next key opens it again.
        gate.answering()
        gate.point()
        XCTAssertEqual(clock.sleeps.withLock { $0 }, [window])
    }

    /// The map that takes a scan's stamps, reads its changed files and a build's words on one core.
    func testTheMapOnOneCoreGivesWay() throws {
        try GiveWayProbe.assertGivesWay { giveWay in _ = ParallelMap.map(Array(0..<100), allCores: false, giveWay: giveWay) { $0 * 2 } }
    }

    func testTheFolderWalkGivesWay() throws {
        let folder = try TempFolder()
        for number in 0..<20 { _ = try folder.write("post-\(number).md", "---\ntitle: Post \(number)\n---\nBody.\n") }
        let root = folder.path
        try GiveWayProbe.assertGivesWay { giveWay in _ = PostFinder.find(root: root, includeDrafts: false, giveWay: giveWay) }
    }
}
