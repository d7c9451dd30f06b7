import ArgumentParser
import BylineCore
#if canImport(Glibc)
import Glibc
#endif

/// `byline [PATH]`: the interactive reader: tags, results and preview, driven by the keyboard.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader on a posts folder (the default command)."
    )

    @OptionGroup var folder: FolderOptions

    @Option(help: ArgumentHelp("Theme: \(Theme.names.joined(separator: ", ")). NO_COLOR keeps the attributes, drops colour.", valueName: "NAME"))
    var theme: String = "dark"

    func validate() throws {
        if Theme.named(theme) == nil { throw ValidationError("unknown theme \"\(theme)\" (\(Theme.names.joined(separator: ", ")))") }
    }

    func run() throws {
        let store = try folder.loadStore()
        guard isatty(0) == 1, isatty(1) == 1 else {
            // No terminal (a pipe): a plain listing serves better than an error.
            Console.out(store.posts.map(PostListText.block).joined(separator: "\n"))
            Console.mentionProblems(store, folder: folder.resolvedPath)
            return
        }
        var chosen = Theme.named(theme) ?? .dark
        if !(Environment.value("NO_COLOR") ?? "").isEmpty { chosen = chosen.withoutColors }
        let name = store.realRoot.split(separator: "/").last.map(String.init) ?? folder.resolvedPath
        let status = ReaderApp(store: store, blogName: name, theme: chosen).run()
        if status != 0 { throw ExitCode(status) }
    }
}
