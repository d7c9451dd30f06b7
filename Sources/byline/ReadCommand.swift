import ArgumentParser
import BylineCore

/// `byline [PATH]`: the interactive reader. Until the three-pane screen lands it prints the list.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader on a posts folder (the default command)."
    )

    @OptionGroup var folder: FolderOptions

    func run() throws {
        let store = try folder.loadStore()
        Console.error("the interactive reader is not built yet; listing the posts instead")
        Console.out(store.posts.map(PostListText.block).joined(separator: "\n"))
        Console.mentionProblems(store, folder: folder.resolvedPath)
    }
}
