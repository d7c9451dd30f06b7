import BylineState
import BylineVisitor

/// An SSH visitor's reading state in restricted mode: kept only for a visitor with a key (sshd's
/// `ExposeAuthInfo yes`, read from `$SSH_USER_AUTH`) when the operator named a state folder
/// (`--state-dir`); in the visitor's own folder (`STATE/visitors/sha256-HEX/`), bounded in size, and
/// with the other visitors' folders pruned once the first screen is out. A visitor without a key, or
/// a server without `--state-dir`, keeps marks for the session only and writes nothing.
struct VisitorState {
    /// The bounds on visitors (how many, how large each).
    static let policy = VisitorStatePolicy()

    let visitor: VisitorIdentity?
    /// The real state folder the operator named, outside the posts folder; nil for none.
    let stateDirectory: String?
    /// The blog's state file in the visitor's folder; nil when nothing is kept.
    let file: String?
    /// The blog's file of posts seen, shared by all visitors (no visitor's data in it), beside the
    /// visitors' folders; nil when nothing is kept.
    let seenFile: String?

    /// The state of this session's visitor (`identity`: from `$SSH_USER_AUTH` unless a test names one)
    /// for the blog at `realRoot`. Makes the visitor's folder (mode 700) and marks it used.
    init(folder realRoot: String, stateDir: String?, identity: VisitorIdentity?? = nil) {
        visitor = identity ?? VisitorIdentity.current()
        stateDirectory = stateDir.flatMap { StateOptions.directory($0, outside: realRoot) }
        file = StateOptions.file(forFolder: realRoot, directory: stateDir, noState: false, restricted: true, visitor: visitor)
        seenFile = file == nil ? nil : stateDirectory.map {
            StateLocation.seenFile(forFolder: realRoot, in: Self.policy.visitorsFolder(stateDirectory: $0))
        }
        if file != nil, let visitor, let stateDirectory {
            // A folder that cannot be made leaves the store to say why (its first open fails, with a note).
            _ = try? VisitorFolders.open(visitor, stateDirectory: stateDirectory, policy: Self.policy)
        }
    }

    /// The bound on the visitor's file (with its WAL): the policy's bytes per visitor.
    var maximumBytes: Int? { file == nil ? nil : Self.policy.maximumBytesPerVisitor }

    /// The prune of the other visitors' folders, to start after the first screen; nil when nothing is kept.
    var afterFirstScreen: (() -> Void)? {
        guard file != nil, let visitor, let stateDirectory else { return nil }
        return { VisitorPruning.start(stateDirectory: stateDirectory, keeping: visitor, policy: Self.policy) }
    }
}
