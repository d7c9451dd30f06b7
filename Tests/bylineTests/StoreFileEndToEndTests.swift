import Foundation
import XCTest

/// Issue 20: readers of one blog while `byline index` rewrites its cache and store file (a new file
/// renamed over the old one) see the old blog or the new one whole, never a torn store: every listing
/// and every search any of them prints is one the blog really had, and none of them fails.
final class StoreFileEndToEndTests: XCTestCase {
    private var blog: ScratchFolder!
    private var cache: ScratchFolder!

    override func setUpWithError() throws {
        blog = try ScratchFolder()
        cache = try ScratchFolder()
        for number in 0..<400 {
            try blog.write("post-\(number).md", """
                ---
                title: Post \(number)
                date: 2024-01-01T00:\(String(format: "%02d", number / 60 % 60)):\(String(format: "%02d", number % 60))Z
                tags: [t\(number % 7)]
                ---
                Body \(number) about ordinary things.

                """)
        }
    }

    /// The post that changes between the two editions of the blog: its title, tag and words.
    private func edition(_ which: Int) -> String {
        let word = which == 0 ? "alpha" : "omega"
        return "---\ntitle: The \(word) edition\ndate: 2025-01-01\ntags: [\(word)]\n---\nThe \(word) body.\n"
    }

    /// Puts an edition in place as an editor saving by rename does: the folder holds one or the other.
    private func put(_ which: Int) throws {
        let temporary = blog.path + "/.edition.tmp"
        try edition(which).write(toFile: temporary, atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(temporary, blog.path + "/edition.md"), 0)
    }

    private func index() throws {
        let indexed = try BylineRunner.run(["index", blog.path, "--cache-dir", cache.path])
        XCTAssertEqual(indexed.status, 0, indexed.stderr)
    }

    /// The store file's inode: a new one each time the store is written whole and renamed into place.
    private func storeInode() throws -> UInt64 {
        let store = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasSuffix(".store") })
        var info = stat()
        XCTAssertEqual(stat(cache.path + "/" + store, &info), 0)
        return UInt64(info.st_ino)
    }

    func testReadersWhileBylineIndexRewritesTheStoreSeeTheOldOrTheNewBlog() throws {
        let listing = ["list", blog.path, "--cache-dir", cache.path]
        let searching = listing + ["--search", "omeg"]
        // What each reader may print: the blog's first edition or its second, each read from a fresh cache.
        var expected: [[String]: Set<String>] = [listing: [], searching: []]
        for which in [0, 1] {
            try put(which)
            try index()
            for arguments in [listing, searching] {
                let output = try BylineRunner.run(arguments)
                XCTAssertEqual(output.status, 0, output.stderr)
                expected[arguments]!.insert(output.stdout)
            }
        }
        XCTAssertEqual(expected[listing]!.count, 2, "the two editions list differently")
        XCTAssertEqual(expected[searching]!.count, 2, "the search finds the omega edition only")

        let log = ReaderLog()
        let readers = DispatchGroup()
        for arguments in [listing, searching] {
            DispatchQueue.global().async(group: readers) {
                while !log.isStopped {
                    guard let output = try? BylineRunner.run(arguments) else { continue }
                    log.add(arguments, output)
                }
            }
        }
        var inodes: Set<UInt64> = [try storeInode()]
        for round in 0..<12 {
            try put(round % 2)
            try index()
            inodes.insert(try storeInode())
        }
        log.stop()
        readers.wait()
        let seen = log.runs

        XCTAssertGreaterThan(inodes.count, 1, "byline index wrote new store files, renamed into place")
        for arguments in [listing, searching] {
            let runs = seen.filter { $0.arguments == arguments }
            XCTAssertGreaterThanOrEqual(runs.count, 6, "each reader ran throughout the rewrites")
            for run in runs {
                XCTAssertEqual(run.output.status, 0, run.output.stderr)
                XCTAssertTrue(expected[arguments]!.contains(run.output.stdout), "a listing the blog never had:\n\(run.output.stdout.prefix(400))")
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        XCTAssertEqual(files.count, 2, "the cache and its store file, no temporary left: \(files)")
    }
}

/// What the reader threads ran and printed, and when they are to stop.
private final class ReaderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var seen: [(arguments: [String], output: BylineRunner.Output)] = []

    var isStopped: Bool { lock.withLock { stopped } }
    var runs: [(arguments: [String], output: BylineRunner.Output)] { lock.withLock { seen } }
    func stop() { lock.withLock { stopped = true } }
    func add(_ arguments: [String], _ output: BylineRunner.Output) { lock.withLock { seen.append((arguments, output)) } }
}
