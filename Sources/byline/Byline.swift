#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BylineCore

/// The `byline` command: the reader by default, and commands for scripts and pipes.
@main
struct Byline: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "Read a blog's markdown posts in the terminal: filter by tag, search, read.",
        discussion: """
        PATH is a folder of markdown posts with YAML (---) or TOML (+++) front matter, or the root of a \
        Hugo, Zola, Jekyll, Eleventy or Astro site. Without PATH, byline reads ./posts when that folder \
        exists (the blog that ships in byline's repository, when run from it), else the current folder.

        Exit status: 0 on success, 1 when `check` found errors, 2 when a folder or post does not exist, \
        64 for a bad command line, 75 when the reader is refused by --max-sessions (the blog has as many \
        readers as it serves at once, or the count cannot be kept).
        """,
        version: version,
        subcommands: [ReadCommand.self, ListCommand.self, TagsCommand.self, ShowCommand.self, CheckCommand.self, IndexCommand.self, KeysCommand.self,
                      AuthorizedKeyCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// Every command line goes through swift-argument-parser, the one grammar; what it refuses, and
    /// help, are shown by `exitShowingSafely` rather than its own `exit(withError:)`.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // sshd's key check: answered without the parser, whose messages would quote the client's key.
        if arguments.first == AuthorizedKeyCommand.name { AuthorizedKeyCommand.answer(Array(arguments.dropFirst())) }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exitShowingSafely(error, arguments: arguments)
        }
    }

    /// What swift-argument-parser's `exit(withError:)` does, with the message made safe for a terminal
    /// first: its errors quote the command line (`Unknown option '--x…'`), which anyone can fill with
    /// escape sequences, and over SSH the command line is the visitor's. Help goes to standard output
    /// with status 0, errors to standard error with theirs. An argument quoted in the message has its
    /// newlines and tabs shown too (`␊`), so that it cannot forge a line of the message.
    static func exitShowingSafely(_ error: Error, arguments: [String]) -> Never {
        let code = exitCode(for: error)
        var message = fullMessage(for: error)
        for argument in Set(arguments) where argument.contains(where: { $0.isNewline || $0 == "\t" }) {
            message = message.replacing(argument, with: VisibleText.escapeAll(argument))
        }
        if !message.isEmpty {
            let text = VisibleText.escape(message) + "\n"
            if code == .success { Console.out(text) } else { FileHandleOut.standardError.write(text) }
        }
        Glibc.exit(code.rawValue)
    }
}
