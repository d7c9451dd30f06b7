/// What the reader's runtime watches for live reload (`FolderWatch`), as its command asked.
package struct FolderWatching: Sendable {
    /// The blog's folder.
    package var folder: String
    package var includeDrafts: Bool
    /// `--verbose`: why the folder is watched by stamps shows on the status line too.
    package var verbose: Bool
    /// False compares stamps every few seconds as where inotify cannot serve (tests of that path).
    package var useInotify: Bool
    /// Hears, once, why the folder is watched by stamps, and with `verbose` each burst of changes (the
    /// command prints them after the session).
    package var report: @Sendable (String) -> Void
    /// The files each burst named, for the refresh it asks for to take (`Performers.live(changes:)`).
    package let changes = PendingChanges()

    package init(folder: String, includeDrafts: Bool = false, verbose: Bool = false, useInotify: Bool = true,
                report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.folder = folder
        self.includeDrafts = includeDrafts
        self.verbose = verbose
        self.useInotify = useInotify
        self.report = report
    }
}
