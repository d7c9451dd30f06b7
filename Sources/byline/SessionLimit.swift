#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BylineCore
import BylineIndex
import BylineState
import BylineVisitor

/// `byline read --max-sessions N`: at most N readers of one blog at once, counted across processes
/// (`SessionSlots`) in a file beside the blog's reading state or cache. The slot is taken before the
/// blog is loaded and before the terminal is set up, so a refused visitor costs a few system calls
/// and reads one plain line, even over SSH. When the count cannot be kept the session is refused too:
/// the operator asked for a limit, and a limit that lapses when its folder is unwritable is none.
struct SessionLimit {
    /// The exit status of a refused session: EX_TEMPFAIL (sysexits.h), "try again later".
    static let refusedStatus: Int32 = 75

    /// What `--max-sessions` accepts; `SessionSlots.maximumLimit` says why it stops there.
    static let range = 1...SessionSlots.maximumLimit

    /// The option's value.
    let limit: Int
    /// The blog's slots file; nil when there is no folder to count in.
    let file: String?
    /// Restricted mode: standard error is the visitor's, so the operator's detail goes to syslog.
    let restricted: Bool

    /// The limit for the blog at `realRoot` as `launch` names its folders.
    init(limit: Int, realRoot: String, launch: ReaderLaunch) {
        self.limit = limit
        restricted = launch.isRestricted
        let environment = ["XDG_STATE_HOME", "XDG_CACHE_HOME", "HOME"].reduce(into: [String: String]()) {
            $0[$1] = Environment.value($1)
        }
        file = Self.directory(realRoot: realRoot, launch: launch, environment: environment).map {
            Self.file(forFolder: realRoot, in: $0)
        }
    }

    /// Where the count is kept: the folder of the reading state when the session keeps one (in
    /// restricted mode only a `--state-dir`; else that or the default state folder), otherwise the
    /// cache folder (`--cache-dir` or the default) unless `--no-cache`; never the posts folder or a
    /// folder inside it. Nil when none is left.
    static func directory(realRoot: String, launch: ReaderLaunch, environment: [String: String]) -> String? {
        if !launch.noState {
            let named = launch.isRestricted ? launch.stateDir : launch.stateDir ?? StateLocation.defaultDirectory(environment: environment)
            if let named, let directory = StateOptions.directory(named, outside: realRoot) { return directory }
        }
        if !launch.noCache, let named = launch.cacheDir ?? CacheLocation.defaultDirectory(environment: environment) {
            return StateOptions.directory(named, outside: realRoot)
        }
        return nil
    }

    /// The slots file of the blog at `realRoot` in `directory`, named as its cache and state files are
    /// (the folder's name and a hash of its real path), with drafts or without: the same readers.
    static func file(forFolder realRoot: String, in directory: String) -> String {
        directory + "/" + FolderFileName.name(forFolder: realRoot, key: realRoot, suffix: ".sessions")
    }

    /// This session's slot, held until the process ends; or the refusal's line, and
    /// `ExitCode(refusedStatus)` thrown.
    func admit() throws -> SessionSlot {
        guard let file else {
            throw refuse(because: "no folder to count sessions in for --max-sessions: name one with --state-dir or --cache-dir")
        }
        switch SessionSlots(file: file, limit: limit).take() {
        case .taken(let slot):
            return slot
        case .full:
            Console.error(Self.fullLine(limit))
            throw ExitCode(Self.refusedStatus)
        case .cannotCount(let why):
            throw refuse(because: "--max-sessions: " + why)
        }
    }

    /// What a visitor past the limit reads: one line.
    static func fullLine(_ limit: Int) -> String {
        "this blog has \(limit) reader\(limit == 1 ? "" : "s") now, the most it serves at once; please try again in a while."
    }

    /// What a visitor reads when the count cannot be kept: nothing of the server's paths.
    static let cannotCountLine = "this blog cannot count its readers now, so it lets no one in; please tell its owner."

    /// A refusal because the count cannot be kept: the reason to the operator (standard error when it
    /// is theirs, else the system log), the short line to a visitor.
    private func refuse(because reason: String) -> ExitCode {
        if restricted {
            SystemLog.error(reason + "; sessions refused")
            Console.error(Self.cannotCountLine)
        } else {
            Console.error(reason + "; the session is refused")
        }
        return ExitCode(Self.refusedStatus)
    }
}

/// The system log (syslog, the journal: `journalctl -t byline`), for what the operator of a
/// restricted server must learn and its visitors must not: their standard error is their own
/// terminal. Nothing a visitor sends is ever in these lines.
enum SystemLog {
    static func error(_ message: String) {
        let line = VisibleText.escapeLine(message)
        line.withCString { text in
            withVaList([text]) { vsyslog(LOG_USER | LOG_ERR, "%s", $0) }
        }
    }
}
