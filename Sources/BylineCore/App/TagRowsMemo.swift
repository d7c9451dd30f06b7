#if canImport(Glibc)
import Glibc
#endif

/// Remembers the tag pane's rows for the filter they were counted for. Counting every tag among the
/// results is a pass over each tag's post set (at 100,000 posts, most of a list move's time), and
/// it was done several times a frame although moving the selection changes neither the results nor
/// the tags.
///
/// Pure memoization: the rows are a function of the results, the tag states and the order, which
/// are the key; a test checks the rows equal a fresh count after every kind of change. Comparing
/// the results is cheap while they are unchanged: arrays that share storage compare equal at once.
public final class TagRowsMemo: @unchecked Sendable {
    private struct Key: Equatable {
        var results: [Int]
        var tagStates: [String: TagState]
        var tagSort: TagSort
    }

    private var key: Key?
    private var rows: [AppState.TagRow] = []
    private var mutex = pthread_mutex_t()

    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func rows(results: [Int], tagStates: [String: TagState], tagSort: TagSort, make: () -> [AppState.TagRow]) -> [AppState.TagRow] {
        let wanted = Key(results: results, tagStates: tagStates, tagSort: tagSort)
        pthread_mutex_lock(&mutex)
        if let key, key == wanted {
            let known = rows
            pthread_mutex_unlock(&mutex)
            return known
        }
        pthread_mutex_unlock(&mutex)
        let made = make()
        pthread_mutex_lock(&mutex)
        key = wanted
        rows = made
        pthread_mutex_unlock(&mutex)
        return made
    }
}
