import BylineCore
import BylineMarkdown
import BylineRuntime
import Foundation
import Synchronization
import XCTest

/// The whole reader in-process: a runtime on its own thread, the in-memory backend and a driven clock.
/// The test types keys and reads screens; nothing here waits on time except a deadline against hangs.
final class RuntimeHarness: @unchecked Sendable {
    let clock = DrivenClock()
    let backend: MemoryBackend
    let runtime: ReaderRuntime
    private let ending = Mutex<ReaderRuntime.Ending?>(nil)

    /// Every wait here gives up after this long: only a hang can take it.
    static let hangSeconds = 20.0

    static let shippedPosts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("posts").path

    static func shippedStore() throws -> PostStore {
        try PostStore.load(root: shippedPosts, inspector: CmarkBodyInspector())
    }

    init(store: PostStore, performers: Performers = Performers(), width: Int = 100, height: Int = 30,
         idleTimeout: Int? = nil, start: BlogStart = .complete, watching: FolderWatching? = nil) {
        backend = MemoryBackend(width: width, height: height, clock: clock)
        let state = AppState(store: store, blogName: "posts", width: width, height: height)
        runtime = ReaderRuntime(state: state, backend: backend, performers: performers, clock: clock, idleTimeout: idleTimeout,
                                watching: watching)
        let thread = Foundation.Thread { [self] in
            let end = runtime.run(start: start)
            ending.withLock { $0 = end }
        }
        thread.start()
    }

    /// How the session ended, once it has; nil while it runs.
    var ended: ReaderRuntime.Ending? { ending.withLock { $0 } }

    /// Waits for `condition`; false after `hangSeconds`.
    @discardableResult
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(Self.hangSeconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(500)
        }
        return true
    }

    /// Waits until the screen shows `text`.
    func waitForScreen(containing text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(waitUntil { backend.text.contains(text) }, "never showed \"\(text)\":\n\(backend.text)", file: file, line: line)
    }

    /// Waits until every effect has finished and the runtime waits again with everything fed taken.
    func settle(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(waitUntil { runtime.effectsRunning == 0 && backend.isWaiting }, "never settled", file: file, line: line)
    }

    /// Waits until the session ends.
    func waitForEnding(file: StaticString = #filePath, line: UInt = #line) -> ReaderRuntime.Ending? {
        XCTAssertTrue(waitUntil { ended != nil }, "the session did not end", file: file, line: line)
        return ended
    }

    /// Ends a session still running (Ctrl-C), so no thread outlives its test.
    func stop() {
        if ended == nil { backend.feed(.key(.control("c"))) }
        _ = waitUntil { ended != nil }
    }
}

/// A performer that waits until the test releases it: one gate per key.
final class Gates<Key: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSCondition()
    private var open: Set<Key> = []
    private var held: Set<Key>
    private(set) var arrived: [Key] = []

    /// Keys in `held` wait at `pass` until `release`; others pass at once.
    init(holding held: Set<Key>) { self.held = held }

    func pass(_ key: Key) {
        lock.lock()
        arrived.append(key)
        lock.broadcast()
        while held.contains(key), !open.contains(key) { lock.wait() }
        lock.unlock()
    }

    func release(_ key: Key) {
        lock.lock()
        open.insert(key)
        lock.broadcast()
        lock.unlock()
    }

    func hasArrived(_ key: Key) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return arrived.contains(key)
    }
}
