import BylineCore
import BylineState
import Foundation
import Synchronization

/// The reading state file of the blog being read, opened on first use off the input thread (opening
/// checks the file, and may replace it). When it cannot be kept, the session goes on without it and
/// the status line says so once.
package final class ReadingStateFile: Sendable {
    package let path: String
    private let store = Mutex<ReadingStateStore?>(nil)
    private let clock: @Sendable () -> Double

    package init(path: String, clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.path = path
        self.clock = clock
    }

    /// The state for `store`'s posts, this visit recorded: `.readingStateLoaded`, with a `.note` when
    /// the file was replaced or cannot be used.
    package func load(_ posts: PostStore) -> [Action] {
        let keys = posts.posts.map(PostKey.init)
        do {
            let opened = try ReadingStateStore(path: path)
            store.withLock { $0 = opened }
            var state = try opened.start(posts: keys, now: clock())
            // The pass over every post the reducer would make on the input thread, made here.
            state.prepared = PreparedMarks(reading: state, store: posts)
            // Saved posts are found by path through the store's look-up (`AppState.savedNumbers`): built
            // here, off the input thread, not by the first frame that counts them (at 100,000 posts a
            // build is a pass over every path and slug).
            if state.posts.values.contains(where: { $0.marks.saved }) { posts.linkIndex.prepare(posts) }
            var answers: [Action] = [.readingStateLoaded(state)]
            if let aside = opened.movedAside { answers.append(.note("the reading state could not be trusted: moved to \(aside)")) }
            return answers
        } catch {
            return [.readingStateLoaded(ReadingState()), .note("reading state not kept: \(error.description)")]
        }
    }

    /// Writes `change`; a failure loses it (the next session starts from what was written).
    package func save(_ change: ReadingStateChange) {
        let now = clock()
        store.withLock { try? $0?.apply(change, now: now) }
    }
}
