import ArgumentParser
import BylineCore
import BylineState

/// Where the reader keeps a blog's reading state (read, saved, positions, last visit).
struct StateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep the reading state here (default: $XDG_STATE_HOME/byline, else ~/.local/state/byline). "
                               + "Never inside the posts folder; --restricted keeps none (for now).", valueName: "DIR"))
    var stateDir: String?

    @Flag(help: "Keep no reading state: read and saved marks last for the session only.")
    var noState = false

    /// The state file for the blog at `realRoot`, or nil when none is kept: `--no-state`, restricted
    /// mode, nowhere to put it, or a folder inside the blog itself.
    static func file(forFolder realRoot: String, directory stateDir: String?, noState: Bool, restricted: Bool) -> String? {
        guard !noState, !restricted else { return nil }
        let environment = ["XDG_STATE_HOME": Environment.value("XDG_STATE_HOME"), "HOME": Environment.value("HOME")]
            .compactMapValues { $0 }
        guard let named = stateDir ?? StateLocation.defaultDirectory(environment: environment) else { return nil }
        let directory = realPath(named) ?? absolute(named)
        guard !StateLocation.isInside(directory, folder: realRoot) else { return nil }
        return StateLocation.file(forFolder: realRoot, in: directory)
    }

    /// `path` made absolute against the working folder (a folder not made yet has no real path).
    private static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let here = realPath(".") else { return path }
        return here + "/" + path
    }
}
