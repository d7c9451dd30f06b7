import BylineRuntime
import BylineVisitor

/// Keeps the visitors' folders within `VisitorStatePolicy`'s bounds: once per visitor session, after
/// its first screen (`AfterFirstPaint`), on a thread of its own at idle priority, since listing 10,000
/// folders takes a while and the visitor is waiting for nothing of it. The session's own visitor is
/// never dropped.
enum VisitorPruning {
    /// Starts the pass on its own thread and returns at once; `done` (tests) hears what was removed.
    static func start(stateDirectory: String, keeping visitor: VisitorIdentity, policy: VisitorStatePolicy,
                      done: (@Sendable ([String]) -> Void)? = nil) {
        BackgroundThread.detach {
            BackgroundThread.lowerPriority()
            let removed = VisitorFolders.prune(stateDirectory: stateDirectory, policy: policy, keeping: visitor)
            done?(removed)
        }
    }
}
