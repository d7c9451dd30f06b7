import ArgumentParser
import BylineCore

/// `byline show`: one post on standard output, its header above its body.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one post, found by slug or by path."
    )

    @Argument(help: ArgumentHelp("The post's slug, or its path (relative to PATH, or a file inside it).", valueName: "SLUG-OR-PATH"))
    var post: String

    @OptionGroup var folder: FolderOptions

    func run() throws {
        // A post is found among drafts too: naming it is asking for it.
        let store = try folder.loadStore(includeDrafts: true)
        guard let number = store.number(of: post) else {
            Console.error("no post \"\(post)\" in \(folder.resolvedPath) (see `byline list \(folder.resolvedPath)`)")
            throw ExitCode(2)
        }
        let body: String
        switch store.body(of: number) {
        case let .success(text): body = text
        case let .failure(error):
            Console.error("\(store.posts[number].path): \(error.description)")
            throw ExitCode(2)
        }
        Console.out(PostPlainText.render(store.posts[number], body: body))
    }
}

/// A post as plain text: a header (title, date, tags, reading time) and the body as written, with
/// every control character made visible. The markdown renderer replaces the body part.
enum PostPlainText {
    /// Words a minute for reading-time estimates; a common figure for screen reading.
    static let wordsPerMinute = 230

    static func render(_ post: Post, body: String) -> String {
        let title = VisibleText.escapeLine(post.title)
        var meta: [String] = []
        if let date = post.date { meta.append(date.dayString) }
        if !post.tags.isEmpty { meta.append(post.tags.map { "#" + VisibleText.escapeLine($0) }.joined(separator: " ")) }
        let minutes = max(1, (WordCount.count(body) + wordsPerMinute - 1) / wordsPerMinute)
        meta.append("\(minutes) min read")
        if post.draft { meta.append("draft") }
        var text = title + "\n" + String(repeating: "=", count: min(DisplayWidth.of(title), 80)) + "\n"
        text += meta.joined(separator: " · ") + "\n\n"
        var cleanBody = VisibleText.escape(body)
        while cleanBody.hasPrefix("\n") { cleanBody.removeFirst() }
        if !cleanBody.hasSuffix("\n") { cleanBody += "\n" }
        return text + cleanBody
    }
}
