#if canImport(Glibc)
import Glibc
#endif
import XCTest
import BylineRuntime

/// Background work (loading, refreshing, indexing) runs at idle priority, on its own thread alone: the
/// input thread keeps its own.
final class ThreadPriorityTests: XCTestCase {
    func testBackgroundWorkRunsAtIdlePriorityOnItsThreadAlone() {
        let done = expectation(description: "background thread")
        let policies = PolicyBox()
        BackgroundThread.detach {
            let before = sched_getscheduler(0)
            BackgroundThread.lowerPriority()
            policies.set(before: before, after: sched_getscheduler(0), id: BackgroundThread.threadID())
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
        XCTAssertEqual(policies.before, 0, "SCHED_OTHER before")
        XCTAssertEqual(policies.after, BackgroundThread.idlePolicy, "SCHED_IDLE after")
        XCTAssertNotNil(policies.id)
        XCTAssertNotEqual(policies.id, BackgroundThread.threadID(), "another thread than this one")
        XCTAssertEqual(sched_getscheduler(0), 0, "this thread keeps its policy")
    }
}

private final class PolicyBox: @unchecked Sendable {
    private(set) var before: Int32 = -1, after: Int32 = -1, id: id_t?
    func set(before: Int32, after: Int32, id: id_t?) { (self.before, self.after, self.id) = (before, after, id) }
}
