import ArgumentParser
import BylineCore

/// `byline [PATH]`: the interactive reader: tags, results and preview, driven by the keyboard.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader on a posts folder (the default command).",
        discussion: """
        --restricted (or BYLINE_RESTRICTED=1) is for serving a blog over SSH as an OpenSSH ForceCommand: \
        byline reads only PATH, starts no program, writes nothing, ends idle sessions, and takes from the \
        client only a deep link in SSH_ORIGINAL_COMMAND (tag:NAME, post:SLUG or search:WORDS). See docs/ssh.md. \
        With --state-dir DIR and sshd's ExposeAuthInfo yes, restricted mode keeps each visitor's reading state \
        in DIR/visitors/sha256-HEX/, one folder per key (at most 4 MiB each, 10,000 visitors, the least \
        recently used dropped first), and writes nothing else but, with --max-sessions, the blog's one file \
        counting its sessions; without --state-dir, or for a visitor with no key, read marks last for the session.

        Reading state (read and saved posts, where each was left, the last visit) is kept per blog under \
        $XDG_STATE_HOME/byline (else ~/.local/state/byline), never in the posts folder. A post opened in the \
        reader is read. A post is known by its slug and its path, so a renamed file keeps its state; the \
        state of posts the blog has not had for 30 days is dropped. "New since your last visit" counts the \
        posts first seen after that visit: "welcome back — 5 new posts since Tuesday". r marks a post read or unread, R the whole list read, * saves it; \
        the tag pane's "saved" row filters the saved posts like a tag.

        The mouse is reported in SGR mode (it works over SSH); --no-mouse leaves it to the terminal's own \
        selection. Copying a link puts it on the clipboard with OSC 52, byline's own terminal's even over \
        SSH; inside tmux that needs `set -g set-clipboard on`. Ctrl-C ends byline with status 130, q with 0.
        """
    )

    @OptionGroup var folder: FolderOptions
    @OptionGroup var cache: CacheOptions
    @OptionGroup var state: StateOptions

    @Option(help: ArgumentHelp("Theme: \(Theme.names.joined(separator: ", ")). NO_COLOR keeps the attributes, drops colour.", valueName: "NAME"))
    var theme: String = "dark"

    @Flag(help: "Serve a stranger safely (for an SSH ForceCommand); also BYLINE_RESTRICTED=1.")
    var restricted = false

    // Taken unconditionally and as any whole number (as `show --width` is), so that `-5` and 10^30 get
    // the range's message rather than "Missing value" (a value starting with `-` looked like an option)
    // or "invalid".
    @Option(parsing: .unconditional,
            help: ArgumentHelp("End the session after this many seconds without a key, \(ReaderLaunch.idleTimeoutRange.lowerBound) to "
                               + "\(ReaderLaunch.idleTimeoutRange.upperBound) (default: 1800 when restricted, else never).",
                               valueName: "SECONDS"),
            transform: ShowCommand.columns)
    var idleTimeout: Int?

    // Taken as any whole number, as --idle-timeout is, so that every value outside the range gets its message.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("At most this many readers of the blog at once, \(SessionLimit.range.lowerBound) to "
                               + "\(SessionLimit.range.upperBound), counted across processes in a file beside the reading "
                               + "state (--state-dir) or else the cache; one past it gets one line and exit status 75.",
                               valueName: "N"),
            transform: ShowCommand.columns)
    var maxSessions: Int?

    @Option(help: HyperlinkChoice.help)
    var hyperlinks: HyperlinkChoice = .auto

    @Flag(help: "Leave the mouse to the terminal (its own selection): no mouse reports are asked for.")
    var noMouse = false

    @Flag(help: "Say how the folder is watched for changes where inotify cannot serve (stamps every 3 s), and each reload.")
    var verbose = false

    /// The options as plain values, for `ReaderLaunch`.
    var launch: ReaderLaunch {
        ReaderLaunch(path: folder.path, drafts: folder.drafts, cacheDir: cache.cacheDir, noCache: cache.noCache,
                     stateDir: state.stateDir, noState: state.noState, theme: theme,
                     restricted: restricted, idleTimeout: idleTimeout, maxSessions: maxSessions, hyperlinks: hyperlinks, noMouse: noMouse,
                     verbose: verbose)
    }

    func validate() throws { try launch.validate() }

    func run() throws { try launch.run() }
}
