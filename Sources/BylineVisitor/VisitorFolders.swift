import Foundation

/// The visitors' folders on disk: listed for `VisitorStatePolicy`, marked as used when a session
/// starts, and pruned to the policy's bounds. Links are never followed, and only folders whose names
/// are visitors' are ever removed, so a mistaken `--state-dir` cannot lose anything else.
package enum VisitorFolders {
    /// The visitors' folders under `visitorsFolder` (none when it does not exist). Other entries (a
    /// file, a link, a folder with another name) are listed by name only when they are folders, and
    /// the policy leaves them.
    package static func list(_ visitorsFolder: String) -> [VisitorFolder] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: visitorsFolder) else { return [] }
        return names.sorted().compactMap { name in
            let path = visitorsFolder + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeDirectory else { return nil }
            var newest = attributes[.modificationDate] as? Date ?? .distantPast
            var bytes = 0
            if let walker = manager.enumerator(atPath: path) {
                while walker.nextObject() != nil {
                    guard let inner = walker.fileAttributes else { continue }
                    if let date = inner[.modificationDate] as? Date, date > newest { newest = date }
                    if inner[.type] as? FileAttributeType == .typeRegular, let size = inner[.size] as? Int { bytes += size }
                }
            }
            return VisitorFolder(name: name, lastUse: newest, bytes: bytes)
        }
    }

    /// Creates the visitor's folder if needed (mode 700: one visitor's state is no other account's
    /// business) and marks it used now, so a visitor who only reads is not the first dropped.
    @discardableResult
    package static func open(_ identity: VisitorIdentity, stateDirectory: String, policy: VisitorStatePolicy,
                             now: Date = Date()) throws -> String {
        let folder = policy.folder(for: identity, stateDirectory: stateDirectory)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: folder)
        return folder
    }

    /// Removes what the policy drops, keeping `keeping`'s folder; returns the names removed.
    @discardableResult
    package static func prune(stateDirectory: String, policy: VisitorStatePolicy, keeping: VisitorIdentity?) -> [String] {
        let visitors = policy.visitorsFolder(stateDirectory: stateDirectory)
        var removed: [String] = []
        for folder in policy.foldersToDrop(list(visitors), keeping: keeping) where VisitorIdentity.isDirectoryName(folder.name) {
            if (try? FileManager.default.removeItem(atPath: visitors + "/" + folder.name)) != nil { removed.append(folder.name) }
        }
        return removed
    }
}
