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
    /// Calls `produce` with a function that hands on one item; returns `transform` of every item, in
    /// runs of up to `batch` (joined into one array they would be held twice for a moment: for 100,000
    /// posts, 20 MB more at the peak). Each worker keeps one `State` (an open folder) across its items.
    /// `progress` hears (items done, items in all once the producer has finished, else nil) as runs
    /// are done, from the worker that did one.
    static func map<T, R, State>(batch: Int = 64, state makeState: @escaping @Sendable () -> State,
                                 transform: @escaping @Sendable (inout State, T) -> R,
                                 progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)? = nil,
                                 produce: (_ emit: (T) -> Void) -> Void) -> [[R]] where T: Sendable, R: Sendable {
        let queue = WorkQueue<T, R>(progress: progress)
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

/// Runs of items produced and not yet taken, and the results handed back, under one lock. A run is
/// dropped once taken, so the items are not all held at once.
private final class WorkQueue<T, R>: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let added = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Runs waiting, each with the position of its first item; `next` is the first not taken.
    private var runs: [(start: Int, items: [T])] = []
    private var next = 0
    private var produced = 0
    private var finished = false
    /// Results by the position of their first item, in the order workers finished them.
    private var pieces: [(start: Int, results: [R])] = []
    private var done = 0
    private let progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)?

    init(progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)?) {
        self.progress = progress
        pthread_mutex_init(lock, nil)
        pthread_cond_init(added, nil)
    }

    deinit {
        pthread_cond_destroy(added)
        pthread_mutex_destroy(lock)
        lock.deallocate()
        added.deallocate()
    }

    func add(_ run: [T]) {
        guard !run.isEmpty else { return }
        pthread_mutex_lock(lock)
        runs.append((produced, run))
        produced += run.count
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

    /// Takes runs until all are taken and no more will come.
    func work<State>(_ initial: State, _ transform: (inout State, T) -> R) {
        var state = initial
        pthread_mutex_lock(lock)
        while true {
            if next < runs.count {
                let (start, run) = runs[next]
                runs[next].items = []
                next += 1
                pthread_mutex_unlock(lock)
                let results = run.map { transform(&state, $0) }
                pthread_mutex_lock(lock)
                pieces.append((start, results))
                done += results.count
                progress?(done, finished ? produced : nil)
            } else if finished {
                break
            } else {
                pthread_cond_wait(added, lock)
            }
        }
        pthread_mutex_unlock(lock)
    }

    /// Every result, in runs in the order of the items. Call after all workers are done.
    func results() -> [[R]] {
        pieces.sort { $0.start < $1.start }
        return pieces.map(\.results)
    }
}
