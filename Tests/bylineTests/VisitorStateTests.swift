import ArgumentParser
@testable import byline
import BylineCore
import BylineVisitor
import Foundation
import Synchronization
import XCTest

/// Where restricted mode keeps an SSH visitor's reading state: only a visitor with a key, only in a
/// state folder the operator named, only in that key's own folder; and the other visitors' folders
/// pruned off the input thread.
final class VisitorStateTests: XCTestCase {
    /// A visitor from a byte, as sshd's `$SSH_USER_AUTH` would name their key.
    static func visitor(_ byte: UInt8) -> VisitorIdentity {
        var blob: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
        blob += [UInt8](repeating: byte, count: 32)
        let line = "publickey ssh-ed25519 " + Data(blob).base64EncodedString() + "\n"
        return VisitorIdentity.parse(authInfo: Array(line.utf8))!
    }

    func testAVisitorWithAKeyAndANamedFolderGetsAFileInTheirOwnFolder() throws {
        let blog = try ScratchFolder(), state = try ScratchFolder()
        let real = try XCTUnwrap(realPath(blog.path)), stateReal = try XCTUnwrap(realPath(state.path))
        let visitor = Self.visitor(7)
        let file = try XCTUnwrap(StateOptions.file(forFolder: real, directory: state.path, noState: false, restricted: true, visitor: visitor))
        let folder = stateReal + "/visitors/" + visitor.directoryName
        XCTAssertTrue(file.hasPrefix(folder + "/"), file)
        // The same per-blog file name as a local reader's state.
        let local = try XCTUnwrap(StateOptions.file(forFolder: real, directory: state.path, noState: false, restricted: false))
        XCTAssertEqual(file.split(separator: "/").last, local.split(separator: "/").last)
        XCTAssertNotEqual(file, StateOptions.file(forFolder: real, directory: state.path, noState: false, restricted: true, visitor: Self.visitor(8)))
    }

    func testNoKeyNoFolderOrNoStateKeepsNothing() throws {
        let blog = try ScratchFolder(), state = try ScratchFolder()
        let real = try XCTUnwrap(realPath(blog.path))
        XCTAssertNil(StateOptions.file(forFolder: real, directory: state.path, noState: false, restricted: true, visitor: nil),
                     "no key: the session only")
        XCTAssertNil(StateOptions.file(forFolder: real, directory: nil, noState: false, restricted: true, visitor: Self.visitor(1)),
                     "no --state-dir: restricted mode keeps none (not even under $XDG_STATE_HOME)")
        XCTAssertNil(StateOptions.file(forFolder: real, directory: state.path, noState: true, restricted: true, visitor: Self.visitor(1)))
        XCTAssertNil(StateOptions.file(forFolder: real, directory: blog.path + "/state", noState: false, restricted: true, visitor: Self.visitor(1)),
                     "never inside the posts folder")
        // A session without a key makes nothing at all.
        let session = VisitorState(folder: real, stateDir: state.path, identity: .some(nil))
        XCTAssertNil(session.file)
        XCTAssertNil(session.maximumBytes)
        XCTAssertNil(session.afterFirstScreen)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: state.path), [])
    }

    func testTheFolderNameIsTheKeysHexAndNothingTheVisitorSends() throws {
        let blog = try ScratchFolder(), state = try ScratchFolder()
        let real = try XCTUnwrap(realPath(blog.path))
        for byte in [0, 0x2E, 0x2F, 0xFF] as [UInt8] {
            let visitor = Self.visitor(byte)
            XCTAssertTrue(VisitorIdentity.isDirectoryName(visitor.directoryName), visitor.directoryName)
            let file = try XCTUnwrap(StateOptions.file(forFolder: real, directory: state.path, noState: false, restricted: true, visitor: visitor))
            XCTAssertFalse(file.contains("/../") || file.contains("/./"), file)
        }
        // What an attacker could put in the auth info (a path, a second field) names no visitor at all.
        for hostile in ["publickey ssh-ed25519 ../../etc", "publickey ../../x AAAA", "publickey ssh-ed25519 AAAA extra",
                        "password\n", "publickey ssh-ed25519 " + String(repeating: "A", count: 5000)] {
            XCTAssertNil(VisitorIdentity.parse(authInfo: Array(hostile.utf8)), hostile)
        }
    }

    func testAVisitorsSessionMakesTheirFolderMode700AndBoundsTheFile() throws {
        let blog = try ScratchFolder(), state = try ScratchFolder()
        let real = try XCTUnwrap(realPath(blog.path))
        let visitor = Self.visitor(3)
        let session = VisitorState(folder: real, stateDir: state.path, identity: visitor)
        let file = try XCTUnwrap(session.file)
        let folder = String(file[..<file.lastIndex(of: "/")!])
        var info = stat()
        XCTAssertEqual(stat(folder, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)
        XCTAssertEqual(session.maximumBytes, VisitorStatePolicy().maximumBytesPerVisitor)
        XCTAssertNotNil(session.afterFirstScreen)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: state.path), ["visitors"])
    }

    func testTheSeenPostsFileIsOnePerBlogBesideTheVisitorsFoldersAndPruningLeavesIt() throws {
        let blog = try ScratchFolder(), other = try ScratchFolder(), state = try ScratchFolder()
        let real = try XCTUnwrap(realPath(blog.path)), stateReal = try XCTUnwrap(realPath(state.path))
        let one = VisitorState(folder: real, stateDir: state.path, identity: Self.visitor(1))
        let two = VisitorState(folder: real, stateDir: state.path, identity: Self.visitor(2))
        let seen = try XCTUnwrap(one.seenFile)
        XCTAssertEqual(two.seenFile, seen, "shared by every visitor of the blog")
        XCTAssertEqual((seen as NSString).deletingLastPathComponent, stateReal + "/visitors")
        XCTAssertTrue(seen.hasSuffix(".seen.sqlite"), seen)
        let stateName = try XCTUnwrap(one.file?.split(separator: "/").last).dropLast(".state.sqlite".count)
        XCTAssertEqual(seen.split(separator: "/").last?.dropLast(".seen.sqlite".count), stateName)
        XCTAssertNotEqual(VisitorState(folder: try XCTUnwrap(realPath(other.path)), stateDir: state.path, identity: Self.visitor(1)).seenFile, seen)
        XCTAssertNil(VisitorState(folder: real, stateDir: state.path, identity: .some(nil)).seenFile, "no key: nothing kept")
        XCTAssertNil(VisitorState(folder: real, stateDir: nil, identity: Self.visitor(1)).seenFile)
        // Pruning every other visitor leaves the shared file alone.
        FileManager.default.createFile(atPath: seen, contents: Data("x".utf8))
        let removed = VisitorFolders.prune(stateDirectory: state.path, policy: VisitorStatePolicy(maximumVisitors: 1), keeping: Self.visitor(2))
        XCTAssertEqual(removed, [Self.visitor(1).directoryName])
        XCTAssertTrue(FileManager.default.fileExists(atPath: seen))
    }

    func testPruningRunsOnAThreadOfItsOwnAndKeepsTheSessionsVisitor() throws {
        let state = try ScratchFolder()
        let policy = VisitorStatePolicy(maximumVisitors: 3)
        let visitors = (1...6).map { Self.visitor(UInt8($0)) }
        for (age, visitor) in visitors.enumerated() {
            try VisitorFolders.open(visitor, stateDirectory: state.path, policy: policy, now: Date(timeIntervalSince1970: 1_000_000 + Double(age)))
        }
        // The oldest visitor is this session's: never dropped.
        let keeping = visitors[0]
        let caller = pthread_self()
        let result = Mutex<(removed: [String], sameThread: Bool)?>(nil)
        VisitorPruning.start(stateDirectory: state.path, keeping: keeping, policy: policy) { removed in
            result.withLock { $0 = (removed, pthread_equal(pthread_self(), caller) != 0) }
        }
        let deadline = Date().addingTimeInterval(20)
        while result.withLock({ $0 }) == nil, Date() < deadline { usleep(1000) }
        let done = try XCTUnwrap(result.withLock { $0 })
        XCTAssertFalse(done.sameThread)
        XCTAssertEqual(Set(done.removed), Set(visitors[1...3].map(\.directoryName)))
        let left = try FileManager.default.contentsOfDirectory(atPath: state.path + "/visitors")
        XCTAssertEqual(Set(left), Set([keeping, visitors[4], visitors[5]].map(\.directoryName)))
    }
}
