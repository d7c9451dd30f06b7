#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import BylineMarkdown
import Dispatch

/// Parses post bodies ahead of need, off the input thread: the selection's neighbours, asked for by
/// the reducer (`Effect.prefetchBodies`) once a frame is painted and no key waits. A move then finds
/// its body parsed. Answers are the actions the runtime feeds back (`.bodyLoaded`, `.bodyFailed`).
///
/// A body the screen needs now (`Effect.loadBody`) is `claim`ed: a finished parse is taken, one under
/// way is waited for, a queued one is withdrawn so the runtime parses it at once itself.
final class BackgroundBodies: @unchecked Sendable {
    private enum Job {
        case queued
        case parsing
        case done(Action)
    }

    private var mutex = pthread_mutex_t()
    private var finishedOne = pthread_cond_t()
    private var jobs: [Int: Job] = [:]
    /// First screens laid out with the bodies, for the runtime to keep in its `ViewCache`.
    private var laidOut: [LaidOutAhead] = []
    /// Bumped when the store is replaced: answers about the old store's post numbers are dropped.
    private var generation = 0
    private let queue = DispatchQueue(label: "byline.prefetch", qos: .utility)

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&finishedOne, nil)
    }

    deinit {
        pthread_cond_destroy(&finishedOne)
        pthread_mutex_destroy(&mutex)
    }

    /// Queues `posts` of `state`'s store for parsing, one after another on one background thread, and
    /// lays out the first screen of each as the preview would show it in `state`.
    func start(_ posts: [Int], for state: AppState) {
        let store = state.store
        let mine = locked { () -> Int in
            for post in posts where jobs[post] == nil { jobs[post] = .queued }
            return generation
        }
        for post in posts {
            queue.async { [self] in
                let wanted = locked { () -> Bool in
                    guard generation == mine, case .queued? = jobs[post] else { return false }
                    jobs[post] = .parsing
                    return true
                }
                guard wanted else { return }
                let answer = Self.parse(post, in: store)
                var ahead: LaidOutAhead?
                if case let .bodyLoaded(_, loaded) = answer { ahead = PreviewContent.layOutAhead(state, post: post, loaded) }
                locked {
                    guard generation == mine else { return }
                    jobs[post] = .done(answer)
                    if let ahead { laidOut.append(ahead) }
                    pthread_cond_broadcast(&finishedOne)
                }
            }
        }
    }

    /// The answer for `post` if it was asked for here: waits for a parse under way; nil when it was
    /// never asked for or still queued (then it is withdrawn, and the caller parses it now).
    func claim(_ post: Int) -> Action? {
        locked {
            while true {
                switch jobs[post] {
                case nil: return nil
                case .queued?:
                    jobs[post] = nil
                    return nil
                case .parsing?:
                    pthread_cond_wait(&finishedOne, &mutex)
                case let .done(answer)?:
                    jobs[post] = nil
                    return answer
                }
            }
        }
    }

    /// Answers finished since the last call.
    func take() -> [Action] {
        locked {
            var answers: [Action] = []
            for (post, job) in jobs {
                if case let .done(answer) = job {
                    answers.append(answer)
                    jobs[post] = nil
                }
            }
            return answers
        }
    }

    /// First screens laid out since the last call.
    func takeLaidOut() -> [LaidOutAhead] {
        locked {
            defer { laidOut = [] }
            return laidOut
        }
    }

    /// Forgets every job: the store was replaced, so its post numbers mean other posts now.
    func cancelAll() {
        locked {
            generation += 1
            jobs = [:]
            laidOut = []
            pthread_cond_broadcast(&finishedOne)
        }
    }

    /// Reads and parses one body: the only disk work the reader does after start-up.
    static func parse(_ post: Int, in store: PostStore) -> Action {
        switch store.limitedBody(of: post) {
        case let .success(body):
            return .bodyLoaded(post: post, LoadedPost(body))
        case let .failure(error):
            return .bodyFailed(post: post, message: error.description)
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
