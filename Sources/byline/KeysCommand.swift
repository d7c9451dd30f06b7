import ArgumentParser
import BylineCore

/// `byline keys`: the reader's key bindings, as the markdown table the README shows.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Print the reader's key bindings as a markdown table.")

    func run() throws { Console.out(KeymapDocumentation.markdownTable()) }
}
