#if canImport(Glibc)
import Glibc
#endif
import BylineCore

/// A plain POSIX thread: Dispatch's pool has as many threads as cores, and the body search and the
/// parallel loading already use them.
package enum BackgroundThread {
    /// The calling thread alone (Linux schedules threads one by one) at idle priority: it runs only
    /// on a core nothing else wants, and gives way at once to the input thread. At nice 10 the refresh
    /// behind a cached first screen (100,000 files' stamps) still slowed the first keys: the first list
    /// move at 100,000 posts took 2.3 ms, 1.1 ms at idle priority (medians of 14, interleaved). Falls
    /// back to nice 10 where idle priority is refused. Its work also sleeps while a key is answered
    /// (`GiveWay`): idle priority does not rank it below other sessions' processes, sshd's among them.
    package static func lowerPriority() {
        guard let id = threadID() else { return }
        var parameters = sched_param()
        parameters.sched_priority = 0
        if sched_setscheduler(pid_t(id), idlePolicy, &parameters) != 0 {
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id, 10)
        }
    }

    /// `SCHED_IDLE`, which Glibc's module does not name.
    package static let idlePolicy: Int32 = 5

    /// The calling thread's id (its `tid`), from /proc/thread-self, since Swift's Glibc does not export
    /// `gettid`.
    package static func threadID() -> id_t? {
        var target = [CChar](repeating: 0, count: 64)
        let length = readlink("/proc/thread-self", &target, target.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: "/").last.flatMap { id_t($0) }
    }

    package static func detach(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        pthread_create(&thread, nil, { raw in
            let box = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        pthread_detach(thread)
    }
}

private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
