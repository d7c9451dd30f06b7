import Foundation
import XCTest

/// Live reload with the real binary in tmux: a post file added while byline runs appears with the
/// selection unchanged; the open post, saved as editors save it, shows its new text; a `git pull` of
/// 1,000 files is one update. Deadlines bound hangs; how long each change took is printed, not asserted.
final class LiveReloadEndToEndTests: XCTestCase {
    private func post(_ title: String, _ date: String, _ body: String) -> String {
        "---\ntitle: \(title)\ndate: \(date)\ntags: [notes]\n---\n\(body)\n"
    }

    /// A blog of three posts, the reader started on it with its own empty cache folder.
    private func start(verbose: Bool = false, restricted: Bool = false) throws -> (blog: ScratchFolder, tmux: TmuxSession, scratch: ScratchFolder) {
        let blog = try ScratchFolder()
        for day in 1...3 { try blog.write("post-\(day).md", post("Post number \(day)", "2024-01-0\(day)", "The body of post \(day).")) }
        let scratch = try ScratchFolder()
        let command = "\(BylineRunner.binary)\(verbose ? " --verbose" : "")\(restricted ? " --restricted" : "") \(blog.path) 2> \(scratch.path)/stderr.txt; "
            + "echo \"exit=$?\"; exec sleep 60"
        let tmux = try TmuxSession(width: 120, height: 30, command: command, environment: ["XDG_CACHE_HOME": scratch.path + "/cache"])
        try tmux.waitFor("three posts") { ReaderScreen.statusLine($0).contains("3 of 3 posts") }
        return (blog, tmux, scratch)
    }

    private func elapsed(since start: Date) -> String { String(format: "%.0f ms", Date().timeIntervalSince(start) * 1000) }

    func testAPostAddedAppearsWithTheSelectionUnchanged() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let (blog, tmux, _) = try start()
        // The selection on the second post; its preview shows.
        try tmux.send("j")
        try tmux.waitFor(text: "The body of post 2.")
        let written = Date()
        try blog.write("post-4.md", post("A post written meanwhile", "2024-01-04", "Fresh words."))
        let screen = try tmux.waitFor("the new post and the note", seconds: 5) {
            $0.contains { $0.contains("A post written meanwhile") } && ReaderScreen.statusLine($0).contains("4 of 4 posts · list · 1 new post")
        }
        print("live reload: a post added showed after \(elapsed(since: written))")
        // (The reading state marks the post unread, `•`, between the date and the title.)
        XCTAssertTrue(screen.contains { $0.range(of: "▸2024-01-02 [•]? *Post number 2", options: .regularExpression) != nil },
                      "the selection stays:\n" + screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("The body of post 2.") }, "and its preview")
        XCTAssertTrue(screen.contains { $0.contains("notes") && $0.contains("4") }, "the tag counts it")
    }

    func testARestrictedVisitorSeesNewPostsTooAndNothingIsWrittenInThePostsFolder() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let (blog, tmux, _) = try start(restricted: true)
        try blog.write("post-4.md", post("A post for the visitor", "2024-01-04", "Fresh words."))
        try tmux.waitFor("the new post", seconds: 5) { ReaderScreen.statusLine($0).contains("4 of 4 posts · list · 1 new post") }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: blog.path).sorted(),
                       ["post-1.md", "post-2.md", "post-3.md", "post-4.md"], "nothing written in the posts folder")
    }

    func testTheOpenPostSavedByRenameShowsItsNewText() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let (blog, tmux, _) = try start()
        try tmux.send("Enter")
        try tmux.waitFor(text: "The body of post 3.")
        let written = Date()
        // An editor's save: a new file renamed over the old one.
        try blog.write(".post-3.md.swp", post("Post number 3", "2024-01-03", "The body of post 3, edited."))
        XCTAssertEqual(rename(blog.path + "/.post-3.md.swp", blog.path + "/post-3.md"), 0)
        let screen = try tmux.waitFor("the new text", seconds: 5) { $0.contains { $0.contains("The body of post 3, edited.") } }
        print("live reload: the open post's new text showed after \(elapsed(since: written))")
        XCTAssertTrue(ReaderScreen.statusLine(screen).contains("1 post changed"), ReaderScreen.statusLine(screen))
        XCTAssertTrue(ReaderScreen.statusLine(screen).contains("line 1"), "still in the reader: \(ReaderScreen.statusLine(screen))")
    }

    func testAThousandFilesRenamedInAreOneUpdate() throws {
        try XCTSkipUnless(TmuxSession.available, "tmux is installed by make test")
        let (blog, tmux, scratch) = try start(verbose: true)
        // A `git pull` stand-in: the files written on the blog's file system first (a hidden folder, not
        // watched), then renamed in, as git does.
        for number in 1...1_000 {
            try blog.write(".incoming/pulled-\(number).md", post("Pulled post \(number)", "2023-06-01", "Pulled body \(number)."))
        }
        let written = Date()
        for number in 1...1_000 {
            XCTAssertEqual(rename(blog.path + "/.incoming/pulled-\(number).md", blog.path + "/pulled-\(number).md"), 0)
        }
        try tmux.waitFor("the thousand posts at once", seconds: 10) {
            ReaderScreen.statusLine($0).contains("1,003 of 1,003 posts · list · 1,000 new posts")
        }
        print("live reload: 1,000 files renamed in showed after \(elapsed(since: written))")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
        let log = try String(contentsOfFile: scratch.path + "/stderr.txt", encoding: .utf8)
        let updates = log.components(separatedBy: "\n").filter { $0.contains("the folder changed") }
        XCTAssertEqual(updates.count, 1, "one update for the burst:\n\(log)")
    }
}
