#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import Dispatch

/// Runs the body search off the input thread, so typing never waits on the disk. Each new search
/// supersedes the one before: the old one stops reading bodies, and only the newest result is kept.
final class BackgroundSearch: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var generation = 0
    private var finished: (query: PostQuery, results: [Int])?
    private var running = 0
    /// How far the newest search has scanned, when it reads bodies (posts scanned, posts to scan).
    private var scanned: (done: Int, total: Int)?

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// Starts searching `store` for `query`, cancelling any search still running.
    func start(_ query: PostQuery, in store: PostStore) {
        let mine = locked { () -> Int in
            generation += 1
            running += 1
            finished = nil
            scanned = nil
            return generation
        }
        DispatchQueue.global(qos: .userInitiated).async {
            let results = store.matches(query, cancelled: { [unowned self] in self.locked { self.generation != mine } },
                                        progress: { done, total in
                                            self.locked { if self.generation == mine { self.scanned = (done, total) } }
                                        })
            self.locked {
                self.running -= 1
                if let results, self.generation == mine { self.finished = (query, results) }
            }
        }
    }

    /// The newest finished result, once.
    func take() -> (query: PostQuery, results: [Int])? {
        locked {
            defer { finished = nil }
            return finished
        }
    }

    /// How far the running search has read, if it reads bodies.
    var progress: (done: Int, total: Int)? { locked { running > 0 ? scanned : nil } }

    /// Whether a search is still running (the input loop then wakes often to collect it).
    var isRunning: Bool { locked { running > 0 } }

    /// Whether a result waits to be taken (a search from the index can finish before the frame is painted).
    var hasResult: Bool { locked { finished != nil } }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
