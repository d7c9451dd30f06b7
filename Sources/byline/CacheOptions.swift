import ArgumentParser
import BylineIndex

/// Where the persistent cache of a large blog lives, for the reader and `byline index`.
struct CacheOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep the cache here (default: $XDG_CACHE_HOME/byline, else ~/.cache/byline).", valueName: "DIR"))
    var cacheDir: String?

    @Flag(help: "Read no cache and write none.")
    var noCache = false

    /// The cache file for a folder, or nil when caching is off or there is nowhere to put it.
    func file(forFolder realRoot: String, includeDrafts: Bool) -> String? {
        Self.file(forFolder: realRoot, includeDrafts: includeDrafts, directory: cacheDir, noCache: noCache)
    }

    /// The cache file for a folder in `directory`, else in the default folder; nil with `noCache`.
    static func file(forFolder realRoot: String, includeDrafts: Bool, directory cacheDir: String?, noCache: Bool = false) -> String? {
        guard !noCache else { return nil }
        let environment = ["XDG_CACHE_HOME": Environment.value("XDG_CACHE_HOME"), "HOME": Environment.value("HOME")]
            .compactMapValues { $0 }
        guard let directory = cacheDir ?? CacheLocation.defaultDirectory(environment: environment) else { return nil }
        return CacheLocation.file(forFolder: realRoot, includeDrafts: includeDrafts, in: directory)
    }
}
