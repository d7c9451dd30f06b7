import Foundation
import XCTest

/// The persistent cache as people meet it: `byline index`, the reader starting from a cache and
/// refreshing it, commands reading it, and restricted mode writing none.
final class CacheEndToEndTests: XCTestCase {
    private var blog: ScratchFolder!
    private var cacheHome: ScratchFolder!
    private var cacheFolder: String { cacheHome.path + "/byline" }

    /// A blog just large enough (1,000 posts) for the reader to start a cache on its own.
    override func setUpWithError() throws {
        blog = try ScratchFolder()
        cacheHome = try ScratchFolder()
        for number in 0..<1000 {
            let tag = ["go", "rust", "ops", "web"][number % 4]
            try blog.write("post-\(number).md", """
                ---
                title: Post \(number) about \(tag)
                date: 2024-01-01T00:\(String(format: "%02d", number / 60 % 60)):\(String(format: "%02d", number % 60))Z
                tags: [\(tag)]
                ---
                Body \(number) mentions \(number % 10 == 0 ? "latency" : "throughput") in \(tag).

                """)
        }
    }

    private func cacheFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? []).sorted()
    }

    /// A folder holds one cache (and its store file beside it, issue 20) and nothing else: no journal,
    /// no temporary file, no head file.
    private func assertOneCache(_ files: [String], file: StaticString = #filePath, line: UInt = #line) {
        let files = files.sorted()
        XCTAssertEqual(files.count, 2, "the cache and its store file alone: \(files)", file: file, line: line)
        XCTAssertTrue(files.first?.hasSuffix(".sqlite") == true, "\(files)", file: file, line: line)
        XCTAssertEqual(files.last, files.first.map { String($0.dropLast(".sqlite".count)) + ".store" }, "\(files)", file: file, line: line)
    }

    /// A count as the status line writes it: 1001 → `1,001`.
    private func grouped(_ count: Int) -> String {
        let digits = Array(String(count))
        return String(digits.enumerated().flatMap { index, digit in index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit] })
    }

    private var environment: [String: String] { ["XDG_CACHE_HOME": cacheHome.path] }

    /// The changed post is found by its new word, and every tenth post by "latenc". The count is read
    /// from the whole search prompt (` /zebra█  1 of 1,001 posts`, so that "1 of" is not found inside
    /// "1,001 of") once no search is running (the count while it runs is the titles' and tags' alone).
    private func searches(_ tmux: TmuxSession, posts: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        for (typed, found) in [("zebra", 1), ("latenc", 100)] {
            try tmux.type("/" + typed)
            try tmux.waitFor("\(found) of \(grouped(posts)) posts found by \(typed)", file: file, line: line) {
                let status = ReaderScreen.statusLine($0)
                return status.hasPrefix(" /\(typed)█  \(found) of \(grouped(posts)) posts") && !status.contains("searching")
            }
            try tmux.send("Escape")
            try tmux.waitFor("the search cancelled", file: file, line: line) {
                ReaderScreen.statusLine($0).hasPrefix(" \(grouped(posts)) of \(grouped(posts)) posts")
            }
        }
    }

    /// byline in tmux on the blog, with `options`; the shell says how it ended (`EXIT=0`), so a test
    /// knows it has quit (and its background work with it) before it looks at the cache.
    private func reader(_ options: String = "") throws -> TmuxSession {
        try TmuxSession(width: 120, height: 40, command: "\(BylineRunner.binary) \(options)\(blog.path); echo EXIT=$?; exec sleep 60",
                        environment: environment)
    }

    /// Waits until the status line reads ` POSTS of POSTS posts · list` with nothing between: no
    /// loading, reading, indexing or search. The background loader reports "nothing" only when it
    /// has finished, after any cache write, and it reports indexing before it hands over the store
    /// it indexes, so this is the end of all of it (ReaderApp, BackgroundLoad).
    private func waitUntilIdle(_ tmux: TmuxSession, posts: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        try tmux.waitFor("\(posts) posts and no work in the background", seconds: 60, file: file, line: line) {
            ReaderScreen.statusLine($0).hasPrefix(" \(grouped(posts)) of \(grouped(posts)) posts · list")
        }
    }

    /// Quits with q and waits for the shell to report byline's exit status.
    private func quit(_ tmux: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        try tmux.send("q")
        let screen = try tmux.waitFor(text: "EXIT=", file: file, line: line)
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "EXIT=0"), "q ends byline cleanly: \(screen)", file: file, line: line)
    }

    func testIndexBuildsRefreshesAndCommandsReadIt() throws {
        var result = try BylineRunner.run(["index", blog.path], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(": built, 1000 posts"), result.stdout)
        assertOneCache(cacheFiles())
        result = try BylineRunner.run(["index", blog.path], environment: environment)
        XCTAssertTrue(result.stdout.contains(": up to date, 1000 posts"), result.stdout)

        try blog.write("post-5.md", "---\ntitle: Zebracorn\ntags: [zoo]\n---\nA zebracorn.\n")
        try blog.write("post-new.md", "---\ntitle: Quokka\n---\nA quokka.\n")
        // Commands read the cache, and find the changed files without writing it.
        let listed = try BylineRunner.run(["list", blog.path, "--search", "zebra"], environment: environment)
        XCTAssertEqual(listed.stdout.split(separator: "\n").first, "Zebracorn")
        let scanned = try BylineRunner.run(["list", blog.path, "--search", "latenc", "--no-cache"], environment: environment)
        let cached = try BylineRunner.run(["list", blog.path, "--search", "latenc"], environment: environment)
        XCTAssertEqual(cached.stdout, scanned.stdout)
        XCTAssertEqual(scanned.stdout.components(separatedBy: "\n\n").count, 100)
        result = try BylineRunner.run(["index", blog.path], environment: environment)
        XCTAssertTrue(result.stdout.contains(": 2 changed files read, 1001 posts"), result.stdout)
        // --cache-dir names the folder; --no-cache reads and writes none.
        let elsewhere = try ScratchFolder()
        result = try BylineRunner.run(["index", blog.path, "--cache-dir", elsewhere.path], environment: environment)
        assertOneCache(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted())
        XCTAssertEqual(try BylineRunner.run(["index", "/no/such/folder"], environment: environment).status, 2)
        // A relative --cache-dir that does not exist yet is made, relative to the working folder.
        result = try BylineRunner.run(["index", blog.path, "--cache-dir", "made/for/it"], in: elsewhere.path, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        assertOneCache(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path + "/made/for/it").sorted())
    }

    func testTheReaderStartsACacheThenStartsFromItAndRefreshesIt() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        var tmux = try reader()
        try tmux.waitFor(text: "1,000 of 1,000 posts")
        // The reader indexes the blog in the background and says so; the cache appears when done.
        try waitUntilIdle(tmux, posts: 1000)
        assertOneCache(cacheFiles())
        try quit(tmux)

        // A post changes while byline is closed: the next start shows the cache, then the change.
        try blog.write("post-7.md", "---\ntitle: Zebracorn sighting\ndate: 2030-01-01\ntags: [zoo]\n---\nA zebracorn.\n")
        try blog.write("post-new.md", "---\ntitle: Quokka\ndate: 2029-01-01\n---\nA quokka.\n")
        tmux = try reader()
        // The refresh runs at idle priority: on a busy machine it waits for a free core.
        try tmux.waitFor(text: "1,001 of 1,001 posts", seconds: 60)
        try tmux.waitFor(text: "Zebracorn sighting")
        try searches(tmux, posts: 1001)
        try waitUntilIdle(tmux, posts: 1001)
        assertOneCache(cacheFiles())
        try quit(tmux)
        // The reader wrote the change into the cache: nothing is left for `index` to read.
        let result = try BylineRunner.run(["index", blog.path], environment: environment)
        XCTAssertTrue(result.stdout.contains(": up to date, 1001 posts"), result.stdout)

        // From a cache up to date, the first screen is the cache's whole store: the first key reaches
        // the last post.
        tmux = try reader()
        var screen = try tmux.waitFor(text: "1,001 of 1,001 posts")
        // The newest posts head the list; the oldest, post 0, is far below the first screen, so it
        // can only appear once G has reached it.
        XCTAssertNotNil(ReaderScreen.row(screen, containing: "Zebracorn sighting"))
        XCTAssertNil(ReaderScreen.row(screen, containing: "Post 0 about go"))
        try tmux.send("G")
        // (Unread: the reading state's mark stands between the date and the title.)
        screen = try tmux.waitFor("post 0 selected") { $0.contains { $0.contains("▸2024-01-01 •  Post 0 about go") } }
        try quit(tmux)
    }

    func testRestrictedReadsAFreshCacheAndWritesNone() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        // No cache: none is made, however large the blog.
        // (Were one written, the loader would not report "nothing" before it had finished writing it.)
        var tmux = try reader("--restricted ")
        try waitUntilIdle(tmux, posts: 1000)
        try quit(tmux)
        XCTAssertEqual(cacheFiles(), [])

        // A cache built ahead is read; a post changed since is found by reading it; the cache is untouched.
        XCTAssertEqual(try BylineRunner.run(["index", blog.path], environment: environment).status, 0)
        let file = cacheFolder + "/" + cacheFiles()[0]
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let stamp = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        try blog.write("post-7.md", "---\ntitle: Zebracorn sighting\ndate: 2030-01-01\n---\nA zebracorn.\n")
        tmux = try reader("--restricted ")
        try tmux.waitFor(text: "Zebracorn sighting", seconds: 60)
        try searches(tmux, posts: 1000)
        try waitUntilIdle(tmux, posts: 1000)
        try quit(tmux)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date, stamp)
        assertOneCache(cacheFiles())
    }
}
