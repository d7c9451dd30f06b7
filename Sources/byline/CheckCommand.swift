import ArgumentParser
import BylineCore
import BylineMarkdown

/// `byline check`: lint a blog. Errors first, then warnings, grouped by kind with their counts; each
/// problem as `file:line:col: error|warning: message` (`CheckReport`).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report the problems in the posts folder, grouped by kind; exit status 1 when there are errors.",
        discussion: "Drafts are checked too. Files are read as far as they are ever shown (the front matter, up to "
            + "\(PostLoader.sizeText(PostLoader.frontMatterLimit)), and the body, up to \(PostLoader.sizeText(PostLoader.bodyLimit))), "
            + "so a bad byte anywhere in that is found; nothing further is read."
    )

    @Argument(help: ArgumentHelp("The posts folder (default: ./posts if it exists, else .).", valueName: "PATH"))
    var path: String?

    @Flag(help: "List every warning; without it a long group of warnings shows its first \(CheckReport.shownPerGroup).")
    var all = false

    func run() throws {
        let store = try PostsFolder.load(path ?? PostsFolder.defaultPath(),
                                         options: PostStore.Options(includeDrafts: true, readWholeFiles: true))
        let diagnostics = store.diagnostics + SiteCheck.diagnostics(store)
        Console.out(CheckReport.lines(diagnostics, all: all).map { $0 + "\n" }.joined())
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let summary = "\(store.posts.count) post\(store.posts.count == 1 ? "" : "s"), "
            + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        FileHandleOut.standardError.write(summary + "\n")
        if errors > 0 { throw ExitCode(1) }
    }
}
