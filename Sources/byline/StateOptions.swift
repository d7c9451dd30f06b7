import ArgumentParser
import BylineCore
import BylineState
import BylineVisitor

/// Where the reader keeps a blog's reading state (read, saved, positions, last visit).
struct StateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep the reading state here (default: $XDG_STATE_HOME/byline, else ~/.local/state/byline). "
                               + "Never inside the posts folder. With --restricted: each SSH visitor's state, in a folder "
                               + "of their key's under DIR/visitors; without this option, --restricted keeps none.", valueName: "DIR"))
    var stateDir: String?

    @Flag(help: "Keep no reading state: read and saved marks last for the session only.")
    var noState = false

    /// The state file for the blog at `realRoot`, or nil when none is kept: `--no-state`, nowhere to
    /// put it, or a folder inside the blog itself. In restricted mode only a visitor with a key
    /// (`visitor`, from `$SSH_USER_AUTH`) in a state folder the operator named has one: in that
    /// visitor's own folder, whose name comes from the key's fingerprint alone (hex digits), never
    /// from anything the visitor typed.
    static func file(forFolder realRoot: String, directory stateDir: String?, noState: Bool, restricted: Bool,
                     visitor: VisitorIdentity? = nil) -> String? {
        guard !noState else { return nil }
        if restricted {
            guard let stateDir, let visitor, let directory = directory(stateDir, outside: realRoot) else { return nil }
            return StateLocation.file(forFolder: realRoot, in: VisitorStatePolicy().folder(for: visitor, stateDirectory: directory))
        }
        let environment = ["XDG_STATE_HOME": Environment.value("XDG_STATE_HOME"), "HOME": Environment.value("HOME")]
            .compactMapValues { $0 }
        guard let named = stateDir ?? StateLocation.defaultDirectory(environment: environment),
              let directory = directory(named, outside: realRoot) else { return nil }
        return StateLocation.file(forFolder: realRoot, in: directory)
    }

    /// The state folder `named` as a real (or absolute) path, or nil when it is the posts folder or
    /// inside it.
    static func directory(_ named: String, outside realRoot: String) -> String? {
        let directory = realPath(named) ?? absolute(named)
        return StateLocation.isInside(directory, folder: realRoot) ? nil : directory
    }

    /// `path` made absolute against the working folder (a folder not made yet has no real path).
    private static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let here = realPath(".") else { return path }
        return here + "/" + path
    }
}
