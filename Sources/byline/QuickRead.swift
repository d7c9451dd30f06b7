import ArgumentParser

/// The reader (`byline [read] [PATH] ...`) without swift-argument-parser's start-up: building the
/// command tree and reflecting over every command's properties took about 2 ms of a 21 ms first screen
/// (a large blog, from its cache), a tenth of it.
///
/// Only the plain forms are taken here: an optional `read`, at most one PATH, and `--drafts`,
/// `--cache-dir DIR`, `--no-cache`, `--theme NAME`, `--restricted` and `--idle-timeout SECONDS`, each
/// at most once and never as `--option=value`. Anything else (help, a typo, a repeated or unknown
/// option, `--`, a PATH that names a command, a value that fails validation) returns nil, and the full
/// parser handles it, with its usual messages. bylineTests checks that what this parses equals what
/// swift-argument-parser parses.
enum QuickRead {
    static func parse(_ arguments: [String]) -> ReadCommand? {
        var rest = arguments[...]
        if rest.first == "read" { rest = rest.dropFirst() }
        let commands = Set(Byline.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
        var path: String?, cacheDir: String?, theme: String?, idleTimeout: Int?
        var drafts = false, noCache = false, restricted = false
        var index = rest.startIndex
        func value() -> String? {
            index += 1
            guard index < rest.endIndex, !rest[index].isEmpty, !rest[index].hasPrefix("-") else { return nil }
            return rest[index]
        }
        while index < rest.endIndex {
            switch rest[index] {
            case "--drafts":
                guard !drafts else { return nil }
                drafts = true
            case "--no-cache":
                guard !noCache else { return nil }
                noCache = true
            case "--restricted":
                guard !restricted else { return nil }
                restricted = true
            case "--cache-dir":
                guard cacheDir == nil, let text = value() else { return nil }
                cacheDir = text
            case "--theme":
                guard theme == nil, let text = value() else { return nil }
                theme = text
            case "--idle-timeout":
                guard idleTimeout == nil, let text = value(), (1...9).contains(text.utf8.count),
                      text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(text) else { return nil }
                idleTimeout = number
            case let argument:
                guard path == nil, !argument.isEmpty, !argument.hasPrefix("-"), !commands.contains(argument) else { return nil }
                path = argument
            }
            index += 1
        }
        // Property wrappers hold a value only once set; every one is set here.
        var command = ReadCommand()
        var folder = FolderOptions()
        folder.path = path
        folder.drafts = drafts
        command.folder = folder
        var cache = CacheOptions()
        cache.cacheDir = cacheDir
        cache.noCache = noCache
        command.cache = cache
        command.theme = theme ?? "dark"
        command.restricted = restricted
        command.idleTimeout = idleTimeout
        guard (try? command.validate()) != nil else { return nil }
        return command
    }
}
