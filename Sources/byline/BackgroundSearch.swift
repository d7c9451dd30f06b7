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
    /// What the newest search has settled since it was last taken, when it reads bodies.
    private var partial: SearchPartial?

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// Starts searching `store` for `query`, cancelling any search still running.
    func start(_ query: PostQuery, in store: PostStore) {
        let mine = locked { () -> Int in
            generation += 1
            running += 1
            finished = nil
            partial = nil
            return generation
        }
        DispatchQueue.global(qos: .userInitiated).async {
            let results = store.matches(query, cancelled: { [unowned self] in self.locked { self.generation != mine } },
                                        progress: { settled in
                                            self.locked { if self.generation == mine { self.partial = settled } }
                                        })
            self.locked {
                self.running -= 1
                if let results, self.generation == mine {
                    self.finished = (query, results)
                    self.partial = nil
                }
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

    /// What the running search has settled since this was last asked, once, if it reads bodies.
    func takePartial() -> SearchPartial? {
        locked {
            defer { partial = nil }
            return partial
        }
    }

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
