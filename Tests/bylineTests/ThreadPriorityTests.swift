#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import byline

/// Background work (loading, refreshing, indexing) runs at idle priority, on its own thread alone: the
/// input thread keeps its own.
final class ThreadPriorityTests: XCTestCase {
    func testBackgroundWorkRunsAtIdlePriorityOnItsThreadAlone() {
        let done = expectation(description: "background thread")
        let policies = PolicyBox()
        Thread.detach {
            let before = sched_getscheduler(0)
            Thread.lowerPriority()
            policies.set(before: before, after: sched_getscheduler(0), id: Thread.threadID())
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
        XCTAssertEqual(policies.before, 0, "SCHED_OTHER before")
        XCTAssertEqual(policies.after, Thread.idlePolicy, "SCHED_IDLE after")
        XCTAssertNotNil(policies.id)
        XCTAssertNotEqual(policies.id, Thread.threadID(), "another thread than this one")
        XCTAssertEqual(sched_getscheduler(0), 0, "this thread keeps its policy")
    }
}

private final class PolicyBox: @unchecked Sendable {
    private(set) var before: Int32 = -1, after: Int32 = -1, id: id_t?
    func set(before: Int32, after: Int32, id: id_t?) { (self.before, self.after, self.id) = (before, after, id) }
}
