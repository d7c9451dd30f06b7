import ArgumentParser

/// The reader (`byline [read] [PATH] ...`) without swift-argument-parser's start-up: building the
/// command tree and reflecting over every command's properties took about 2 ms of a 21 ms first screen
/// (a large blog, from its cache), a tenth of it; building `ReadCommand` itself, its property wrappers,
/// 0.3 ms more, so the plain values (`ReaderLaunch`) are made instead.
///
/// Only the plain forms are taken here: an optional `read`, at most one PATH, and `--drafts`,
/// `--cache-dir DIR`, `--no-cache`, `--theme NAME`, `--restricted` and `--idle-timeout SECONDS`, each
/// at most once and never as `--option=value`. Anything else (help, a typo, a repeated or unknown
/// option, `--`, a PATH that names a command, a value that fails validation) returns nil, and the full
/// parser handles it, with its usual messages. bylineTests checks that what this parses equals what
/// swift-argument-parser parses.
enum QuickRead {
    static func parse(_ arguments: [String]) -> ReaderLaunch? {
        var scanner = QuickArguments(arguments.first == "read" ? arguments.dropFirst() : arguments[...])
        let commands = Set(Byline.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
        var path: String?, cacheDir: String?, theme: String?, idleTimeout: Int?
        var drafts = false, noCache = false, restricted = false
        while let argument = scanner.next() {
            switch argument {
            case "--drafts":
                guard QuickArguments.set(&drafts) else { return nil }
            case "--no-cache":
                guard QuickArguments.set(&noCache) else { return nil }
            case "--restricted":
                guard QuickArguments.set(&restricted) else { return nil }
            case "--cache-dir":
                guard cacheDir == nil, let text = scanner.value() else { return nil }
                cacheDir = text
            case "--theme":
                guard theme == nil, let text = scanner.value() else { return nil }
                theme = text
            case "--idle-timeout":
                guard idleTimeout == nil, let number = scanner.number(digits: 9) else { return nil }
                idleTimeout = number
            default:
                guard path == nil, !argument.isEmpty, !argument.hasPrefix("-"), !commands.contains(argument) else { return nil }
                path = argument
            }
        }
        let launch = ReaderLaunch(path: path, drafts: drafts, cacheDir: cacheDir, noCache: noCache, theme: theme ?? "dark",
                                  restricted: restricted, idleTimeout: idleTimeout)
        guard (try? launch.validate()) != nil else { return nil }
        return launch
    }
}
