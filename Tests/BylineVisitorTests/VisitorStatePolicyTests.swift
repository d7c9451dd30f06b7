@testable import BylineVisitor
import BylineTestSupport
import Foundation
import XCTest

/// The bounds on visitors' state: one folder per key under `STATE/visitors/`, the least recently used
/// dropped past the visitor limit, those over the size limit dropped, and nothing else ever removed.
final class VisitorStatePolicyTests: XCTestCase {
    /// A visitor made from a byte (distinct keys, distinct folders).
    static func visitor(_ byte: UInt8) -> VisitorIdentity {
        let blob = Wire.string("ssh-ed25519") + Wire.string([UInt8](repeating: byte, count: 32))
        return VisitorIdentity(key: OpenSSHPublicKey(type: "ssh-ed25519", base64: Wire.base64(blob))!)
    }

    static func folder(_ byte: UInt8, age: TimeInterval, bytes: Int = 1000) -> VisitorFolder {
        VisitorFolder(name: visitor(byte).directoryName, lastUse: Date(timeIntervalSince1970: 1_000_000 - age), bytes: bytes)
    }

    func testEachVisitorHasAFolderUnderVisitors() {
        let policy = VisitorStatePolicy()
        XCTAssertEqual(policy.folder(for: Self.visitor(1), stateDirectory: "/srv/state"), "/srv/state/visitors/" + Self.visitor(1).directoryName)
        XCTAssertEqual(policy.folder(for: Self.visitor(1), stateDirectory: "/srv/state/"), "/srv/state/visitors/" + Self.visitor(1).directoryName)
        XCTAssertNotEqual(Self.visitor(1).directoryName, Self.visitor(2).directoryName)
    }

    func testWithinTheLimitNothingIsDropped() {
        let policy = VisitorStatePolicy(maximumVisitors: 3)
        XCTAssertEqual(policy.foldersToDrop([Self.folder(1, age: 10), Self.folder(2, age: 20)], keeping: Self.visitor(3)), [])
        XCTAssertEqual(policy.foldersToDrop([Self.folder(1, age: 10), Self.folder(2, age: 20), Self.folder(3, age: 5)], keeping: nil), [])
    }

    /// A new visitor past the limit: the least recently used go first, as many as make room.
    func testTheOldestVisitorsAreDroppedFirstToMakeRoom() {
        let policy = VisitorStatePolicy(maximumVisitors: 3)
        let folders = [Self.folder(1, age: 10), Self.folder(2, age: 40), Self.folder(3, age: 30), Self.folder(4, age: 20)]
        XCTAssertEqual(policy.foldersToDrop(folders, keeping: Self.visitor(9)).map(\.name),
                       [Self.visitor(2).directoryName, Self.visitor(3).directoryName])
        XCTAssertEqual(policy.foldersToDrop(folders, keeping: nil).map(\.name), [Self.visitor(2).directoryName])
    }

    /// The session's own visitor is never dropped, even as the oldest (another session may hold it).
    func testTheCurrentVisitorIsNeverDropped() {
        let policy = VisitorStatePolicy(maximumVisitors: 2)
        let folders = [Self.folder(1, age: 99), Self.folder(2, age: 40), Self.folder(3, age: 30)]
        XCTAssertEqual(policy.foldersToDrop(folders, keeping: Self.visitor(1)).map(\.name),
                       [Self.visitor(2).directoryName], "1 is kept though oldest; 2 is the oldest of the rest")
        let oversized = [Self.folder(1, age: 1, bytes: 10_000_000)]
        XCTAssertEqual(policy.foldersToDrop(oversized, keeping: Self.visitor(1)), [], "its size is the store's to refuse")
        XCTAssertFalse(policy.allows(bytes: 10_000_000))
        XCTAssertTrue(policy.allows(bytes: policy.maximumBytesPerVisitor))
    }

    /// A folder over the size bound is dropped whatever its age, and counts no more against the limit.
    func testOversizedFoldersAreDropped() {
        let policy = VisitorStatePolicy(maximumVisitors: 2, maximumBytesPerVisitor: 5000)
        let folders = [Self.folder(1, age: 1, bytes: 5001), Self.folder(2, age: 50), Self.folder(3, age: 40)]
        XCTAssertEqual(policy.foldersToDrop(folders, keeping: nil).map(\.name), [Self.visitor(1).directoryName])
        XCTAssertEqual(policy.foldersToDrop(folders, keeping: Self.visitor(4)).map(\.name),
                       [Self.visitor(1).directoryName, Self.visitor(2).directoryName])
    }

    /// Equal ages are broken by name, so two sessions pruning at once choose the same folders.
    func testTiesAreBrokenByName() {
        let policy = VisitorStatePolicy(maximumVisitors: 1)
        let folders = [Self.folder(5, age: 10), Self.folder(6, age: 10), Self.folder(7, age: 10)]
        let dropped = policy.foldersToDrop(folders, keeping: nil).map(\.name)
        XCTAssertEqual(dropped, Array(folders.map(\.name).sorted().prefix(2)))
        XCTAssertEqual(policy.foldersToDrop(folders.reversed(), keeping: nil).map(\.name), dropped)
    }

    /// Entries that are not visitors' folders are neither counted nor dropped.
    func testOtherNamesAreLeftAlone() {
        let policy = VisitorStatePolicy(maximumVisitors: 1, maximumBytesPerVisitor: 10)
        let strangers = ["notes", "sha256-abc", ".", "..", "SHA256:FKL90F"].map { VisitorFolder(name: $0, lastUse: .distantPast, bytes: 1 << 30) }
        XCTAssertEqual(policy.foldersToDrop(strangers + [Self.folder(1, age: 1, bytes: 1)], keeping: nil), [])
    }

    func testLimitsBelowOneVisitorAreRaised() {
        XCTAssertEqual(VisitorStatePolicy(maximumVisitors: 0).maximumVisitors, 1)
        XCTAssertEqual(VisitorStatePolicy(maximumBytesPerVisitor: -1).maximumBytesPerVisitor, 0)
    }

    // MARK: On disk

    /// `open` makes the visitor's folder (mode 700) and marks it used; `list` sees its size and last use;
    /// `prune` removes the least recently used past the limit and keeps the session's own and strangers.
    func testFoldersOnDiskAreOpenedListedAndPruned() throws {
        let state = try TempFolder()
        let policy = VisitorStatePolicy(maximumVisitors: 3, maximumBytesPerVisitor: 4096)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for byte in UInt8(1)...3 {
            let folder = try VisitorFolders.open(Self.visitor(byte), stateDirectory: state.path, policy: policy, now: start.addingTimeInterval(Double(byte)))
            XCTAssertEqual(folder, policy.folder(for: Self.visitor(byte), stateDirectory: state.path))
        }
        let info = try FileManager.default.attributesOfItem(atPath: policy.folder(for: Self.visitor(1), stateDirectory: state.path))
        XCTAssertEqual((info[.posixPermissions] as? Int).map { $0 & 0o777 }, 0o700)
        try state.write("visitors/keep-me/file", "not a visitor's")
        try state.write("visitors/sha256-short/file", "not a visitor's either")
        let third = policy.folder(for: Self.visitor(3), stateDirectory: state.path)
        try Data(count: 100).write(to: URL(fileURLWithPath: third + "/state.sqlite"))
        try FileManager.default.setAttributes([.modificationDate: start.addingTimeInterval(3)], ofItemAtPath: third + "/state.sqlite")
        try FileManager.default.setAttributes([.modificationDate: start.addingTimeInterval(3)], ofItemAtPath: third)

        let listed = VisitorFolders.list(policy.visitorsFolder(stateDirectory: state.path))
        let thirdListed = try XCTUnwrap(listed.first { $0.name == Self.visitor(3).directoryName })
        XCTAssertEqual(thirdListed.bytes, 100)
        XCTAssertEqual(thirdListed.lastUse, start.addingTimeInterval(3))

        // Visitor 4 arrives: one of 1, 2, 3 must go (2 and 3 and 4 make three), and 1 is the least recently used.
        XCTAssertEqual(VisitorFolders.prune(stateDirectory: state.path, policy: policy, keeping: Self.visitor(4)), [Self.visitor(1).directoryName])
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: policy.visitorsFolder(stateDirectory: state.path)))
        XCTAssertEqual(names, [Self.visitor(2).directoryName, Self.visitor(3).directoryName, "keep-me", "sha256-short"])

        // A visitor's folder grown past the bound is dropped at the next prune; the session's own is kept.
        try Data(count: 5000).write(to: URL(fileURLWithPath: third + "/state.sqlite"))
        XCTAssertEqual(VisitorFolders.prune(stateDirectory: state.path, policy: policy, keeping: Self.visitor(3)), [])
        XCTAssertEqual(VisitorFolders.prune(stateDirectory: state.path, policy: policy, keeping: Self.visitor(2)), [Self.visitor(3).directoryName])
        XCTAssertEqual(VisitorFolders.prune(stateDirectory: state.path + "/missing", policy: policy, keeping: nil), [])
    }

    /// A link inside a visitor's folder is neither followed for sizes nor a way to remove what it points at.
    func testLinksAreNotFollowed() throws {
        let state = try TempFolder()
        let outside = try TempFolder()
        try outside.write("precious", String(repeating: "x", count: 10_000))
        let policy = VisitorStatePolicy(maximumVisitors: 1, maximumBytesPerVisitor: 4096)
        let folder = try VisitorFolders.open(Self.visitor(1), stateDirectory: state.path, policy: policy)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: outside.path)
        XCTAssertEqual(VisitorFolders.list(policy.visitorsFolder(stateDirectory: state.path)).first?.bytes, 0)
        XCTAssertEqual(VisitorFolders.prune(stateDirectory: state.path, policy: policy, keeping: Self.visitor(2)), [Self.visitor(1).directoryName])
        XCTAssertTrue(FileManager.default.fileExists(atPath: outside.path + "/precious"))
    }
}
