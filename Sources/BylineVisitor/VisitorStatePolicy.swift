import Foundation

/// Where visitors' reading state lives under the operator's state folder, and how much of it is kept:
/// one folder per key (`visitors/sha256-HEX/`), at most `maximumVisitors` of them (the least recently
/// used dropped first) and at most `maximumBytesPerVisitor` in each. A pure choice over a listing,
/// so the bounds are tested without a disk; `VisitorFolders` lists and removes.
package struct VisitorStatePolicy: Equatable, Sendable {
    /// The folder under the state folder that holds one folder per visitor, and nothing else.
    package static let visitorsFolderName = "visitors"

    /// How many visitors' folders are kept. A folder costs a few KiB to a few MiB; ten thousand
    /// visitors at the per-visitor bound is at most 40 GiB, and at the usual tens of KiB well under 1 GiB.
    package var maximumVisitors = 10_000
    /// How large one visitor's folder may grow: read marks, saved posts and positions of a blog of
    /// 100,000 posts fit in well under 4 MiB of SQLite, so more is not a reader's state.
    package var maximumBytesPerVisitor = 4 * 1024 * 1024

    package init(maximumVisitors: Int = 10_000, maximumBytesPerVisitor: Int = 4 * 1024 * 1024) {
        self.maximumVisitors = max(1, maximumVisitors)
        self.maximumBytesPerVisitor = max(0, maximumBytesPerVisitor)
    }

    /// The folder holding every visitor's folder.
    package func visitorsFolder(stateDirectory: String) -> String {
        Self.joined(stateDirectory, Self.visitorsFolderName)
    }

    /// The folder of one visitor's state.
    package func folder(for identity: VisitorIdentity, stateDirectory: String) -> String {
        Self.joined(visitorsFolder(stateDirectory: stateDirectory), identity.directoryName)
    }

    /// Whether a visitor's state of `bytes` is within the bound (the store writes no more past it).
    package func allows(bytes: Int) -> Bool { bytes <= maximumBytesPerVisitor }

    /// The folders to remove so that, with `keeping` (the visitor of this session, whose folder may not
    /// exist yet) among them, at most `maximumVisitors` remain, and none but `keeping`'s is over the size
    /// bound: those over it first, then the least recently used (ties by name, so the choice is the same
    /// on every run). `keeping`'s own folder is never chosen: another session of the same visitor may
    /// have it open. Names that are not visitors' folder names are not ours and are never chosen.
    package func foldersToDrop(_ folders: [VisitorFolder], keeping: VisitorIdentity?) -> [VisitorFolder] {
        let others = folders.filter { VisitorIdentity.isDirectoryName($0.name) && $0.name != keeping?.directoryName }
        let oversized = others.filter { !allows(bytes: $0.bytes) }
        let kept = others.filter { allows(bytes: $0.bytes) }
        let room = maximumVisitors - (keeping == nil ? 0 : 1)
        let byAge = kept.sorted { ($0.lastUse, $0.name) < ($1.lastUse, $1.name) }
        return oversized.sorted { $0.name < $1.name } + byAge.prefix(max(0, kept.count - room))
    }

    private static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// One visitor's folder as the policy sees it.
package struct VisitorFolder: Equatable, Sendable {
    /// The folder's name (a `VisitorIdentity.directoryName`, or something else that is left alone).
    package var name: String
    /// When the visitor last used it: the newest modification time of the folder and what it holds.
    package var lastUse: Date
    /// What it holds, in bytes of regular files.
    package var bytes: Int

    package init(name: String, lastUse: Date, bytes: Int) {
        self.name = name
        self.lastUse = lastUse
        self.bytes = bytes
    }
}
