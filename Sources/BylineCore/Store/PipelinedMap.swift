#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// `ParallelMap` for items that are still being found: other cores start on the first items while the
/// calling thread produces the rest, then the caller joins them. Used to overlap the walk of a posts
/// folder (100,000 directory entries take a core a fifth of a second) with the loading of the posts.
///
/// Results come back in the order the items were produced. Workers wait only for the producer, which
/// runs on the calling thread, so a busy or single-core machine is slower but never stuck.
enum PipelinedMap {
    /// Calls `produce` with a function that hands on one item; returns `transform` of every item.
    /// Each worker keeps one `State` (an open folder) across the items it takes.
    static func map<T, R, State>(batch: Int = 64, state makeState: @escaping @Sendable () -> State,
                                 transform: @escaping @Sendable (inout State, T) -> R,
                                 produce: (_ emit: (T) -> Void) -> Void) -> [R] where T: Sendable, R: Sendable {
        let queue = WorkQueue<T, R>(batch: batch)
        let group = DispatchGroup()
        let helpers = max(0, min(63, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) - 1))
        for _ in 0..<helpers {
            DispatchQueue.global().async(group: group) { queue.work(makeState(), transform) }
        }
        var pending: [T] = []
        pending.reserveCapacity(batch)
        produce { item in
            pending.append(item)
            if pending.count == batch {
                queue.add(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        queue.add(pending)
        queue.finish()
        queue.work(makeState(), transform)
        group.wait()
        return queue.results()
    }
}

/// Items produced so far, which of them are taken, and the results handed back, under one lock.
private final class WorkQueue<T, R>: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let added = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let batch: Int
    private var items: [T] = []
    private var taken = 0
    private var finished = false
    /// Results by the position of their first item, in the order workers finished them.
    private var pieces: [(start: Int, results: [R])] = []

    init(batch: Int) {
        self.batch = batch
        pthread_mutex_init(lock, nil)
        pthread_cond_init(added, nil)
    }

    deinit {
        pthread_cond_destroy(added)
        pthread_mutex_destroy(lock)
        lock.deallocate()
        added.deallocate()
    }

    func add(_ more: [T]) {
        guard !more.isEmpty else { return }
        pthread_mutex_lock(lock)
        items += more
        pthread_cond_broadcast(added)
        pthread_mutex_unlock(lock)
    }

    /// No more items will come.
    func finish() {
        pthread_mutex_lock(lock)
        finished = true
        pthread_cond_broadcast(added)
        pthread_mutex_unlock(lock)
    }

    /// Takes runs of items until all are taken and no more will come.
    func work<State>(_ initial: State, _ transform: (inout State, T) -> R) {
        var state = initial
        pthread_mutex_lock(lock)
        while true {
            if taken < items.count {
                let start = taken
                taken = min(items.count, start + batch)
                // A copy: a slice would share the buffer, and the producer's next append would copy it all.
                let run = Array(items[start..<taken])
                pthread_mutex_unlock(lock)
                let results = run.map { transform(&state, $0) }
                pthread_mutex_lock(lock)
                pieces.append((start, results))
            } else if finished {
                break
            } else {
                pthread_cond_wait(added, lock)
            }
        }
        pthread_mutex_unlock(lock)
    }

    /// Every result, in the order of the items. Call after all workers are done.
    func results() -> [R] {
        pieces.sort { $0.start < $1.start }
        var all: [R] = []
        all.reserveCapacity(items.count)
        for index in pieces.indices {
            all += pieces[index].results
            pieces[index].results = []
        }
        return all
    }
}
