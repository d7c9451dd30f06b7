import ArgumentParser

/// `byline show` without swift-argument-parser's start-up: building the command tree and reflecting
/// over every command's properties is about 15 million instructions, most of the time `show` takes
/// on a short post (BENCHMARKS.md, rendering).
///
/// Only the plain forms are taken here: `show SLUG-OR-PATH [PATH]` with `--width N`, `--color
/// auto|always|never`, `--theme NAME`, `--hyperlinks` and `--drafts`, each at most once and never
/// as `--option=value`. Anything else (help, a typo, a repeated or unknown option, `--`, a value that
/// fails validation) returns nil, and the full parser handles it, with its usual messages.
/// bylineTests checks that what this parses equals what swift-argument-parser parses.
enum QuickShow {
    static func parse(_ arguments: [String]) -> ShowCommand? {
        guard arguments.first == "show" else { return nil }
        var positionals: [String] = []
        var width: Int?, color: ShowCommand.ColorChoice?, theme: String?
        var hyperlinks = false, drafts = false
        var scanner = QuickArguments(arguments.dropFirst())
        while let argument = scanner.next() {
            switch argument {
            case "--width":
                guard width == nil, let number = scanner.number(digits: 4) else { return nil }
                width = number
            case "--color":
                guard color == nil, let text = scanner.value(), let choice = ShowCommand.ColorChoice(rawValue: text) else { return nil }
                color = choice
            case "--theme":
                guard theme == nil, let text = scanner.value() else { return nil }
                theme = text
            case "--hyperlinks":
                guard QuickArguments.set(&hyperlinks) else { return nil }
            case "--drafts":
                guard QuickArguments.set(&drafts) else { return nil }
            default:
                guard !argument.hasPrefix("-"), positionals.count < 2 else { return nil }
                positionals.append(argument)
            }
        }
        guard !positionals.isEmpty else { return nil }
        // Property wrappers hold a value only once set; every one is set here.
        var command = ShowCommand()
        command.post = positionals[0]
        var folder = FolderOptions()
        folder.path = positionals.count > 1 ? positionals[1] : nil
        folder.drafts = drafts
        command.folder = folder
        command.width = width
        command.color = color ?? .auto
        command.theme = theme ?? "dark"
        command.hyperlinks = hyperlinks
        guard (try? command.validate()) != nil else { return nil }
        return command
    }
}
