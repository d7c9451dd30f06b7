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

    private var environment: [String: String] { ["XDG_CACHE_HOME": cacheHome.path] }

    /// The changed post is found by its new word, and every tenth post by "latenc".
    private func searches(_ tmux: TmuxSession, posts: Int) throws {
        for (typed, found) in [("zebra", 1), ("latenc", 100)] {
            try tmux.type("/" + typed)
            try tmux.waitFor(text: "\(found) of \(posts) posts")
            try tmux.send("Escape")
        }
    }

    func testIndexBuildsRefreshesAndCommandsReadIt() throws {
        var result = try BylineRunner.run(["index", blog.path], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(": built, 1000 posts"), result.stdout)
        XCTAssertEqual(cacheFiles().count, 1)
        XCTAssertTrue(cacheFiles()[0].hasSuffix(".sqlite"))
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
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).count, 1)
        XCTAssertEqual(try BylineRunner.run(["index", "/no/such/folder"], environment: environment).status, 2)
        // A relative --cache-dir that does not exist yet is made, relative to the working folder.
        result = try BylineRunner.run(["index", blog.path, "--cache-dir", "made/for/it"], in: elsewhere.path, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path + "/made/for/it").count, 1)
    }

    func testTheReaderStartsACacheThenStartsFromItAndRefreshesIt() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        var tmux = try TmuxSession(width: 120, height: 40, command: "exec \(BylineRunner.binary) \(blog.path)", environment: environment)
        try tmux.waitFor(text: "1000 of 1000 posts")
        // The reader indexes the blog in the background and says so; the cache appears when done.
        let deadline = Date().addingTimeInterval(60)
        while cacheFiles().filter({ $0.hasSuffix(".sqlite") }).isEmpty, Date() < deadline { usleep(100_000) }
        XCTAssertEqual(cacheFiles().filter { $0.hasSuffix(".sqlite") }.count, 1, "\(cacheFiles())")
        try tmux.waitFor("the status line without indexing") { !$0.joined().contains("indexing") }
        try tmux.send("q")

        // A post changes while byline is closed: the next start shows the cache, then the change.
        try blog.write("post-7.md", "---\ntitle: Zebracorn sighting\ndate: 2030-01-01\ntags: [zoo]\n---\nA zebracorn.\n")
        try blog.write("post-new.md", "---\ntitle: Quokka\ndate: 2029-01-01\n---\nA quokka.\n")
        tmux = try TmuxSession(width: 120, height: 40, command: "exec \(BylineRunner.binary) \(blog.path)", environment: environment)
        try tmux.waitFor(text: "1001 of 1001 posts")
        try tmux.waitFor(text: "Zebracorn sighting")
        try searches(tmux, posts: 1001)
        try tmux.waitFor("the status line without indexing") { !$0.joined().contains("indexing") && !$0.joined().contains("reading") }
        try tmux.send("q")
        usleep(300_000)
        // The reader wrote the change into the cache: nothing is left for `index` to read.
        let result = try BylineRunner.run(["index", blog.path], environment: environment)
        XCTAssertTrue(result.stdout.contains(": up to date, 1001 posts"), result.stdout)

        // From a cache up to date, the first screen is shown from its first posts alone, and the rest
        // are in before a key is read: the first key reaches the last post.
        tmux = try TmuxSession(width: 120, height: 40, command: "exec \(BylineRunner.binary) \(blog.path)", environment: environment)
        try tmux.waitFor(text: "1001 of 1001 posts")
        XCTAssertFalse(try tmux.capture().joined().contains("Post 0 about go"))
        try tmux.send("G")
        try tmux.waitFor(text: "Post 0 about go")
        try tmux.send("q")
    }

    func testRestrictedReadsAFreshCacheAndWritesNone() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        // No cache: none is made, however large the blog.
        var tmux = try TmuxSession(width: 120, height: 40, command: "exec \(BylineRunner.binary) --restricted \(blog.path)",
                                   environment: environment)
        try tmux.waitFor(text: "1000 of 1000 posts")
        usleep(1_500_000)
        try tmux.send("q")
        XCTAssertEqual(cacheFiles(), [])

        // A cache built ahead is read; a post changed since is found by reading it; the cache is untouched.
        XCTAssertEqual(try BylineRunner.run(["index", blog.path], environment: environment).status, 0)
        let file = cacheFolder + "/" + cacheFiles()[0]
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let stamp = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        try blog.write("post-7.md", "---\ntitle: Zebracorn sighting\ndate: 2030-01-01\n---\nA zebracorn.\n")
        tmux = try TmuxSession(width: 120, height: 40, command: "exec \(BylineRunner.binary) --restricted \(blog.path)",
                               environment: environment)
        try tmux.waitFor(text: "Zebracorn sighting")
        try searches(tmux, posts: 1000)
        usleep(1_000_000)
        try tmux.send("q")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date, stamp)
        XCTAssertEqual(cacheFiles().count, 1, "no journal or temporary file left: \(cacheFiles())")
    }
}
