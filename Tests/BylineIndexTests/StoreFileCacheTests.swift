import BylineCore
@testable import BylineIndex
import BylineMarkdown
import BylineTestSupport
import Foundation
import GRDB
import Synchronization
import XCTest

/// Issue 20: the cache's store is a file beside it that every reader maps (`MappedStore`). A cached
/// start maps it and answers as a plain load; a bad store file is noticed, the store made from the
/// rows, and the file written again (never in restricted mode); readers never see a torn store.
final class StoreFileCacheTests: CachedBlogTestCase {
    private var storePath: String { PostCache.storePath(of: cachePath) }

    private func assertSame(_ cached: PostStore, _ plain: PostStore, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        SameStoreAssertion.assertSameStore(cached, plain, context, searches: ["lat", "go", "東京", "café", "q rust", "zz", "p9"],
                                           slugs: plain.posts.prefix(20).map(\.slug), file: file, line: line)
    }

    private func bytes() throws -> [UInt8] { try Array(Data(contentsOf: URL(fileURLWithPath: storePath))) }
    private func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: storePath)) }

    func testACachedStartMapsTheStoreFileAndTheCacheHasNoSnapshotTable() throws {
        XCTAssertEqual(try persist(), .built(posts: try plainStore().posts.count))
        XCTAssertEqual(storePath, cacheFolder.path + "/blog.store")
        XCTAssertTrue(FileManager.default.fileExists(atPath: storePath))
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        XCTAssertTrue(cached.posts.isMapped, "mapped, not decoded")
        XCTAssertNil(reader.problem)
        XCTAssertNil(reader.unsnapshotted)
        assertSame(cached, try plainStore(), "a start from the store file")
        let tables = try DatabaseQueue(path: cachePath).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        XCTAssertFalse(tables.contains("snapshot"))
        // An update writes the file again, of the new rows' generation.
        try blog.write("post-1.md", "---\ntitle: Changed latency\ntags: [go]\n---\nNew words here.\n")
        XCTAssertEqual(try persist(), .updated(files: 1))
        let next = cachedBlog()
        let updated = try XCTUnwrap(next.cachedStore())
        XCTAssertTrue(updated.posts.isMapped)
        assertSame(updated, try plainStore(), "a start after an update")
    }

    /// Each kind of bad store file: noticed (the reason kept, as a bad cache's is), the store made from
    /// the rows (exact), and the file written again by the next write; the start after maps it.
    func testABadStoreFileIsNoticedAndRebuiltNeverTrusted() throws {
        try persist()
        let good = try bytes()
        let plain = try plainStore()
        let rows = try PostCache(path: cachePath, realRoot: realPath(blog.path)!, includeDrafts: false, writable: false).contents().files.count
        XCTAssertGreaterThan(rows, plain.posts.count)
        let other = try TempFolder()
        try GeneratedBlog.write(20, into: other, seed: 7)
        let foreignStore = try PostStore.load(root: other.path, inspector: CmarkBodyInspector())
        let foreignPath = other.path + "/foreign.store"
        let generation = try XCTUnwrap(try PostCache(path: cachePath, realRoot: realPath(blog.path)!, includeDrafts: false, writable: false).knownGeneration)
        try MappedStoreWriter.write(foreignStore, generation: generation &+ 1, to: foreignPath)
        var flipped = good
        flipped[good.count / 2] ^= 0x10
        var otherVersion = good
        otherVersion[8] &+= 1
        let kinds: [(String, [UInt8]?)] = [
            ("a byte flipped", flipped), ("cut short", Array(good.prefix(good.count - 100))), ("empty", []),
            ("foreign", Array("not a store".utf8)), ("another cache build's", try Array(Data(contentsOf: URL(fileURLWithPath: foreignPath)))),
            ("another version", otherVersion), ("missing", nil),
        ]
        for (kind, damaged) in kinds {
            if let damaged { try write(damaged) } else { try FileManager.default.removeItem(atPath: storePath) }
            let reader = cachedBlog()
            let store = try XCTUnwrap(reader.cachedStore(), kind)
            XCTAssertFalse(store.posts.isMapped, "\(kind): not used")
            XCTAssertEqual(reader.storeFileProblem == nil, damaged == nil, "\(kind): \(reader.storeFileProblem ?? "no problem")")
            XCTAssertNil(reader.problem, "\(kind): the rows are fine")
            XCTAssertNotNil(reader.unsnapshotted, "\(kind): to be written again")
            assertSame(store, plain, "\(kind): from the rows")
            // The reader goes on: its scan finds nothing changed; the bad file is written again.
            let scan = try reader.scan()
            _ = reader.persist(scan, store: reader.currentStore(scan, cached: store))
            reader.writeSnapshot()
            let next = cachedBlog()
            let again = try XCTUnwrap(next.cachedStore())
            XCTAssertTrue(again.posts.isMapped, "\(kind): written again and mapped")
            XCTAssertNil(next.storeFileProblem, kind)
            XCTAssertEqual(try PostCache(path: cachePath, realRoot: realPath(blog.path)!, includeDrafts: false, writable: false).contents().files.count,
                           rows, "\(kind): every row kept")
            assertSame(again, plain, "\(kind): the file written again")
        }
    }

    /// Restricted mode maps the file read-only and writes nothing; a bad file is not used (the rows make
    /// the store) and is left as it is.
    func testRestrictedModeWritesNoStoreFile() throws {
        try persist()
        let restricted = cachedBlog(writable: false)
        XCTAssertTrue(try XCTUnwrap(restricted.cachedStore()).posts.isMapped)
        var damaged = try bytes()
        damaged[damaged.count - 1] ^= 1
        try write(damaged)
        let reader = cachedBlog(writable: false)
        let store = try XCTUnwrap(reader.cachedStore())
        XCTAssertFalse(store.posts.isMapped)
        XCTAssertNil(reader.unsnapshotted, "nothing to write")
        assertSame(store, try plainStore(), "restricted, from the rows")
        let scan = try reader.scan()
        XCTAssertEqual(reader.persist(scan, store: reader.currentStore(scan, cached: store)).outcome, .notWritten)
        XCTAssertTrue(reader.writeSnapshot())
        XCTAssertEqual(try bytes(), damaged, "left as it was")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).contains { $0.contains(".tmp-") })
    }

    /// A reader whose rows another reader changed since does not write its (older) store over them.
    func testAStoreFileIsWrittenOnlyOverTheRowsItWasMadeFrom() throws {
        try persist()
        let first = cachedBlog(), second = cachedBlog()
        _ = try XCTUnwrap(first.cachedStore())
        _ = try XCTUnwrap(second.cachedStore())
        let cache = try XCTUnwrap(first.cache)
        try blog.write("post-2.md", "---\ntitle: Rewritten\n---\nText.\n")
        XCTAssertEqual(try persist(), .updated(files: 1))
        XCTAssertThrowsError(try cache.writeSnapshot(try plainStore()), "the rows are of another write now")
        let next = cachedBlog()
        assertSame(try XCTUnwrap(next.cachedStore()), try plainStore(), "after the refused write")
        XCTAssertTrue(try XCTUnwrap(next.cachedStore()).posts.isMapped)
    }

    /// Two readers start again and again while the cache is written again and again (each write a new
    /// store file renamed over the old): each maps the old or the new store whole, and its search
    /// answers through the rows of the same write (the generation pairs them), never a torn one.
    func testReadersNeverSeeATornStoreWhileTheCacheIsRewritten() throws {
        try persist()
        let roundCount = 12
        let done = Mutex(false)
        let root = blog.path, cachePath = cachePath
        @Sendable func reader(writable: Bool) -> CachedBlog {
            CachedBlog(root: root, includeDrafts: false, inspector: CmarkBodyInspector(),
                       policy: .init(path: cachePath, writable: writable, minimumPosts: 0))
        }
        let writer = Thread {
            for round in 0..<roundCount {
                try? "---\ntitle: Round \(round) marker\(round)x\ntags: [go]\n---\nWords zq\(round)marker.\n"
                    .write(toFile: root + "/post-1.md", atomically: true, encoding: .utf8)
                let blog = reader(writable: true)
                _ = blog.cachedStore()
                if let scan = try? blog.scan() { _ = blog.persist(scan, store: blog.store(from: scan)) }
            }
            done.withLock { $0 = true }
        }
        let count = try plainStore().posts.count
        let failures = Mutex<[String]>([])
        let reads = Mutex(0)
        let rounds = Mutex<Set<Int>>([])
        let finished = DispatchSemaphore(value: 0)
        let readers = (0..<2).map { _ in
            Thread {
                defer { finished.signal() }
                while !done.withLock({ $0 }) {
                    let blog = reader(writable: false)
                    guard let store = blog.cachedStore() else { continue }
                    reads.withLock { $0 += 1 }
                    let posts = Array(store.posts)
                    guard posts.count == count, store.tags.tags.allSatisfy({ $0.posts.capacity == count }) else {
                        failures.withLock { $0.append("a store of \(posts.count) posts") }
                        continue
                    }
                    // The changed post, whichever round: its own words find it through the rows paired with this store.
                    guard let number = posts.firstIndex(where: { $0.path == "post-1.md" }) else {
                        failures.withLock { $0.append("post-1.md missing") }
                        continue
                    }
                    let title = posts[number].title.split(separator: " ")
                    if title.first == "Round", let round = title.dropFirst().first.flatMap({ Int($0) }) {
                        rounds.withLock { $0.insert(round) }
                        let found = store.matches(PostQuery(search: "zq\(round)marker"))
                        if found != [number] {
                            let documents = store.searchIndex?.documents(matchingAll: PostQuery(search: "zq\(round)marker").searchTerms)
                            failures.withLock { $0.append("round \(round): search found \(found), not \(number) (mapped \(store.posts.isMapped), its document \(String(describing: store.documentIDs[number])), the index's \(String(describing: documents)))") }
                        }
                    }
                }
            }
        }
        for thread in [writer] + readers { thread.start() }
        for _ in readers { finished.wait() }
        XCTAssertTrue(done.withLock { $0 })
        XCTAssertEqual(failures.withLock { $0 }, [])
        XCTAssertGreaterThan(reads.withLock { $0 }, 0)
        XCTAssertGreaterThan(rounds.withLock { $0.count }, 1, "the readers saw several of the writes")
    }
}
