import ArgumentParser
import BylineCore

/// `byline list`: the posts a filter leaves, newest first, as text blocks or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List posts, newest first, optionally filtered by tags and search words."
    )

    @OptionGroup var folder: FolderOptions
    @OptionGroup var cache: CacheOptions

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only posts with this tag (repeatable; all of them unless --any).", valueName: "TAG"))
    var tags: [String] = []

    @Flag(help: "With several --tag: posts with any of them, not all.")
    var any = false

    @Option(name: .customLong("exclude-tag"), help: ArgumentHelp("Leave out posts with this tag (repeatable).", valueName: "TAG"))
    var excludedTags: [String] = []

    @Option(name: .customLong("lang"),
            help: ArgumentHelp("Only posts in this language, a BCP 47 tag (`pt` takes pt-BR too; repeatable: any of them).", valueName: "LANG"))
    var languages: [String] = []

    @Option(help: ArgumentHelp("Only posts in which each word begins a word of the title, summary, tags, authors or body.", valueName: "WORDS"))
    var search: String?

    @Flag(help: "Print one JSON array: path, slug, title, date, tags, authors, summary, draft, language, words.")
    var json = false

    func run() throws {
        let store = try folder.loadStore(cache: cache)
        let query = PostQuery(requiredTags: tags, excludedTags: excludedTags, match: any ? .any : .all, search: search ?? "",
                              languages: languages.flatMap(store.languages(named:)))
        let numbers = store.matches(query)
        if json {
            let words = store.wordCounts(of: numbers)
            Console.out(JSONText.render(.array(zip(numbers, words).map { PostJSON.object(store.posts[$0], words: $1) })))
        } else {
            Console.out(numbers.map { PostListText.block(store.posts[$0]) }.joined(separator: "\n"))
        }
        Console.mentionProblems(store, folder: folder.resolvedPath)
    }
}

/// A post as the JSON object `list --json` prints, with exactly its documented keys.
enum PostJSON {
    static func object(_ post: Post, words: Int?) -> JSONText.Value {
        .object([
            ("path", .string(post.path)),
            ("slug", .string(post.slug)),
            ("title", .string(post.title)),
            ("date", post.date.map { .string($0.iso8601) } ?? .null),
            ("tags", .array(post.tags.map { .string($0) })),
            ("authors", .array(post.authors.map { .string($0) })),
            ("summary", .string(post.summary)),
            ("draft", .bool(post.draft)),
            ("language", post.language.map { .string($0) } ?? .null),
            ("words", words.map { .number($0) } ?? .null),
        ])
    }
}

/// A post as a block of text, the way a blog's tag page shows it: title, summary, `#tags` and date.
enum PostListText {
    static func block(_ post: Post) -> String {
        var lines = [VisibleText.escapeLine(post.title) + (post.draft ? " [draft]" : "")]
        if !post.summary.isEmpty { lines.append(VisibleText.escapeLine(post.summary)) }
        var meta = post.tags.map { "#" + VisibleText.escapeLine($0) }.joined(separator: " ")
        if let date = post.date { meta += (meta.isEmpty ? "" : "  ·  ") + date.dayString }
        if !meta.isEmpty { lines.append(meta) }
        return lines.joined(separator: "\n") + "\n"
    }
}
