@testable import BylineVisitor
import BylineTestSupport
import Foundation
import XCTest

/// A visitor's identity from sshd's `$SSH_USER_AUTH`: the fingerprint `ssh-keygen -lf` prints, a
/// folder name safe on any disk, and nothing from a file that is not what sshd writes.
final class VisitorIdentityTests: XCTestCase {
    /// A key and its fingerprint, checked by hand with `ssh-keygen -lf` (OpenSSH 9.2).
    static let key = "ssh-ed25519 " + AuthorizedKeyAnswerTests.ed25519
    static let fingerprint = "SHA256:FKL90FqtBJ+VyJdYkkrzrzj6nHMTWG8Q5XrGX9kp1Z8"

    func testTheFixedKeysFingerprintIsOpenSSHs() throws {
        let identity = try XCTUnwrap(VisitorIdentity.parse(authInfo: Array("publickey \(Self.key)\n".utf8)))
        XCTAssertEqual(identity.fingerprint, Self.fingerprint)
        XCTAssertEqual(identity.keyType, "ssh-ed25519")
        // The same digest in hex: FKL90F... is 14 a2 fd d0 ...
        XCTAssertTrue(identity.directoryName.hasPrefix("sha256-14a2fdd0"), identity.directoryName)
        XCTAssertTrue(VisitorIdentity.isDirectoryName(identity.directoryName))
    }

    /// Every kind of key ssh-keygen makes (and security keys, built by hand): byline's fingerprint is
    /// `ssh-keygen -lf`'s, and different keys get different folders.
    func testFingerprintsAgreeWithSSHKeygen() throws {
        try GeneratedKey.skipUnlessAvailable()
        let folder = try TempFolder()
        var keys = try GeneratedKey.all(in: folder)
        let sk = Wire.string("sk-ssh-ed25519@openssh.com") + Wire.string([UInt8](repeating: 7, count: 32)) + Wire.string("ssh:")
        try folder.write("sk.pub", "sk-ssh-ed25519@openssh.com \(Wire.base64(sk)) token\n")
        keys.append(try GeneratedKey(publicKeyFile: folder.path + "/sk.pub"))
        var names = Set<String>()
        for key in keys {
            let identity = try XCTUnwrap(VisitorIdentity.parse(authInfo: Array("publickey \(key.line)\n".utf8)), key.type)
            XCTAssertEqual(identity.fingerprint, key.fingerprint, key.type)
            XCTAssertEqual(identity.keyType, key.type)
            XCTAssertTrue(VisitorIdentity.isDirectoryName(identity.directoryName), identity.directoryName)
            names.insert(identity.directoryName)
        }
        XCTAssertEqual(names.count, keys.count)
    }

    /// The first publickey line counts (several methods: `AuthenticationMethods publickey,password`).
    func testTheFirstPublickeyLineIsTheVisitor() throws {
        let other = "ssh-ed25519 " + Wire.base64(Wire.string("ssh-ed25519") + [UInt8](repeating: 3, count: 36))
        let text = "password\nkeyboard-interactive\npublickey \(Self.key)\npublickey \(other)\n"
        XCTAssertEqual(VisitorIdentity.parse(authInfo: Array(text.utf8))?.fingerprint, Self.fingerprint)
        XCTAssertNotEqual(VisitorIdentity.parse(authInfo: Array("publickey \(other)\n".utf8))?.fingerprint, Self.fingerprint)
        XCTAssertNotNil(VisitorIdentity.parse(authInfo: Array("publickey \(Self.key)".utf8)), "no final newline")
    }

    /// No key, or anything but sshd's lines: no identity (the session's state is not kept).
    func testSessionsWithoutAWellFormedKeyHaveNoIdentity() {
        let table: [(String, [UInt8])] = [
            ("empty", []),
            ("password", Array("password\n".utf8)),
            ("keyboard-interactive", Array("keyboard-interactive\n".utf8)),
            ("none", Array("none\n".utf8)),
            ("a hostile first publickey line before a good one", Array("publickey ssh-ed25519 !!!!\npublickey \(Self.key)\n".utf8)),
            ("a comment after the key", Array("publickey \(Self.key) me@host\n".utf8)),
            ("two spaces", Array("publickey  \(Self.key)\n".utf8)),
            ("a tab", Array("publickey\t\(Self.key)\n".utf8)),
            ("a certificate", Array("publickey ssh-ed25519-cert-v01@openssh.com AAAA\n".utf8)),
            ("a carriage return", Array("publickey \(Self.key)\r\n".utf8)),
            ("a NUL", Array("publickey \(Self.key)\n".utf8) + [0]),
            ("invalid UTF-8", Array("publickey \(Self.key)\n".utf8) + [0xFF, 0xFE]),
            ("too large", Array("publickey \(Self.key)\n".utf8) + [UInt8](repeating: UInt8(ascii: "#"), count: VisitorIdentity.maximumAuthInfoBytes)),
        ]
        for (what, bytes) in table {
            XCTAssertNil(VisitorIdentity.parse(authInfo: bytes), what)
        }
    }

    /// `current(environment:)` reads the file `SSH_USER_AUTH` names, and only a regular file by an absolute path.
    func testTheCurrentVisitorComesFromTheFileSSHUserAuthNames() throws {
        let folder = try TempFolder()
        let file = try folder.write("sshauth", "publickey \(Self.key)\n")
        XCTAssertEqual(VisitorIdentity.current(environment: ["SSH_USER_AUTH": file])?.fingerprint, Self.fingerprint)
        XCTAssertNil(VisitorIdentity.current(environment: [:]), "no ExposeAuthInfo")
        XCTAssertNil(VisitorIdentity.current(environment: ["SSH_USER_AUTH": folder.path + "/missing"]))
        XCTAssertNil(VisitorIdentity.current(environment: ["SSH_USER_AUTH": folder.path]), "a folder")
        XCTAssertNil(VisitorIdentity.current(environment: ["SSH_USER_AUTH": "sshauth"]), "a relative path")
        try folder.link("link", to: file)
        XCTAssertNil(VisitorIdentity.current(environment: ["SSH_USER_AUTH": folder.path + "/link"]), "a link")
        let fifo = folder.path + "/fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertNil(VisitorIdentity.current(environment: ["SSH_USER_AUTH": fifo]), "a FIFO (and no wait for a writer)")
        let big = try folder.write("big", bytes: Array("publickey \(Self.key)\n".utf8) + [UInt8](repeating: 10, count: VisitorIdentity.maximumAuthInfoBytes))
        XCTAssertNil(VisitorIdentity.current(environment: ["SSH_USER_AUTH": big]))
    }

    func testFolderNamesAreRecognisedExactly() {
        let hex = String(repeating: "0123456789abcdef", count: 4)
        XCTAssertTrue(VisitorIdentity.isDirectoryName("sha256-" + hex))
        for name in ["sha256-" + hex.uppercased(), "sha256-" + hex.dropLast(), "sha256-" + hex + "0", "sha256-" + hex.dropLast() + "g",
                     "SHA256-" + hex, hex, "sha256-", "..", "sha256-../" + hex.dropFirst(3)] {
            XCTAssertFalse(VisitorIdentity.isDirectoryName(String(name)), String(name))
        }
    }
}
