import ArgumentParser
import BylineCore

/// `byline tags`: every tag and how many posts carry it, most used first.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "List tags with their post counts, by count then name."
    )

    @OptionGroup var folder: FolderOptions
    @OptionGroup var cache: CacheOptions

    @Flag(help: "Print one JSON array of {\"tag\": ..., \"count\": ...}.")
    var json = false

    func run() throws {
        let store = try folder.loadStore(cache: cache)
        let tags = store.tags.tags
        if json {
            Console.out(JSONText.render(.array(tags.map { .object([("tag", .string($0.name)), ("count", .number($0.count))]) })))
        } else {
            let names = tags.map { VisibleText.escapeLine($0.name) }
            let width = names.map { DisplayWidth.of($0) }.max() ?? 0
            let countWidth = String(tags.first?.count ?? 0).count
            Console.out(zip(names, tags).map { name, tag in
                let count = String(tag.count)
                return name + String(repeating: " ", count: width - DisplayWidth.of(name) + 2)
                    + String(repeating: " ", count: countWidth - count.count) + count + "\n"
            }.joined())
        }
        Console.mentionProblems(store, folder: folder.resolvedPath)
    }
}
