import ArgumentParser
import BylineCore
import BylineMarkdown

/// `byline check`: lint a blog. Every problem as `file:line:col: error|warning: message`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem in the posts folder; exit status 1 when there are errors.",
        discussion: "Drafts are checked too. Files are read as far as they are ever shown (the front matter, up to "
            + "\(PostLoader.sizeText(PostLoader.frontMatterLimit)), and the body, up to \(PostLoader.sizeText(PostLoader.bodyLimit))), "
            + "so a bad byte anywhere in that is found; nothing further is read."
    )

    @Argument(help: ArgumentHelp("The posts folder (default: ./posts if it exists, else .).", valueName: "PATH"))
    var path: String?

    func run() throws {
        let store = try PostsFolder.load(path ?? PostsFolder.defaultPath(),
                                         options: PostStore.Options(includeDrafts: true, readWholeFiles: true))
        let diagnostics = store.diagnostics + SiteCheck.diagnostics(store)
        Console.out(diagnostics.map { $0.visibleLine + "\n" }.joined())
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let summary = "\(store.posts.count) post\(store.posts.count == 1 ? "" : "s"), "
            + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        FileHandleOut.standardError.write(summary + "\n")
        if errors > 0 { throw ExitCode(1) }
    }
}
