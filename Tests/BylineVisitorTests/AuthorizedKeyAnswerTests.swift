@testable import BylineVisitor
import BylineTestSupport
import XCTest

/// `byline authorized-key %t %k`: the offered key answered as one `restrict,pty` line, and every
/// hostile pair of words refused without a line.
final class AuthorizedKeyAnswerTests: XCTestCase {
    /// A real key of each kind is answered with itself, restricted.
    func testEveryKindOfKeyIsAnsweredWithItselfRestricted() throws {
        try GeneratedKey.skipUnlessAvailable()
        let folder = try TempFolder()
        let keys = try GeneratedKey.all(in: folder)
        XCTAssertEqual(Set(keys.map(\.type)), ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"])
        for key in keys {
            XCTAssertEqual(AuthorizedKeyAnswer.line(for: [key.type, key.base64]), "restrict,pty \(key.type) \(key.base64)\n", key.type)
        }
    }

    /// Security-key keys (which ssh-keygen makes only with a token) are built by hand.
    func testSecurityKeyTypesAreAnswered() {
        let ed = Wire.string("sk-ssh-ed25519@openssh.com") + Wire.string([UInt8](repeating: 7, count: 32)) + Wire.string("ssh:")
        let ecdsa = Wire.string("sk-ecdsa-sha2-nistp256@openssh.com") + Wire.string("nistp256")
            + Wire.string([4] + [UInt8](repeating: 9, count: 64)) + Wire.string("ssh:")
        for (type, blob) in [("sk-ssh-ed25519@openssh.com", ed), ("sk-ecdsa-sha2-nistp256@openssh.com", ecdsa)] {
            XCTAssertEqual(AuthorizedKeyAnswer.line(for: [type, Wire.base64(blob)]), "restrict,pty \(type) \(Wire.base64(blob))\n")
        }
    }

    /// A verified key (from `ssh-keygen`, fixed here) and what must be refused around it.
    static let ed25519 = "AAAAC3NzaC1lZDI1NTE5AAAAIFdIx6G4l+PIoBQpvyrhzwsBwQsAD7nQpC2OeKRGsuv0"

    func testTheFixedKeyIsAnswered() {
        XCTAssertEqual(AuthorizedKeyAnswer.line(for: ["ssh-ed25519", Self.ed25519]), "restrict,pty ssh-ed25519 \(Self.ed25519)\n")
    }

    /// Every hostile or malformed pair: no line at all.
    func testHostileWordsGetNoLine() {
        let key = Self.ed25519
        let long = Wire.base64(Wire.string("ssh-ed25519") + [UInt8](repeating: 1, count: 3100))
        let dss = Wire.base64(Wire.string("ssh-dss") + Wire.string([1, 2, 3]))
        let cert = Wire.base64(Wire.string("ssh-ed25519-cert-v01@openssh.com") + Wire.string([1, 2, 3]))
        let typeOnly = Wire.base64(Wire.string("ssh-ed25519"))
        let hugeLength = Wire.base64([0xFF, 0xFF, 0xFF, 0xFF] + Array("ssh-ed25519".utf8) + [1, 2, 3])
        let controlName = Wire.base64(Wire.string("ssh-ed\n5519") + [1, 2, 3])
        let padded = Wire.base64(Wire.string("ssh-ed25519") + [UInt8](repeating: 1, count: 37))
        XCTAssertNotNil(AuthorizedKeyAnswer.line(for: ["ssh-ed25519", padded]), "the padded spelling is taken")
        // The last letter before "==" carries 4 bits that canonical base64 leaves zero: set one.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let last = padded[padded.index(padded.endIndex, offsetBy: -3)]
        let loose = String(padded.dropLast(3)) + String(alphabet[alphabet.firstIndex(of: last)! + 1]) + "=="
        let table: [(String, [String])] = [
            ("no words", []),
            ("type only", ["ssh-ed25519"]),
            ("a third word", ["ssh-ed25519", key, "extra"]),
            ("an option in the type", ["command=\"sh\" ssh-ed25519", key]),
            ("restrict in the type", ["restrict,pty,port-forwarding ssh-ed25519", key]),
            ("a newline and a second key", ["ssh-ed25519", key + "\nssh-ed25519 " + key]),
            ("a space and an option", ["ssh-ed25519", key + " command=\"sh\""]),
            ("a trailing newline", ["ssh-ed25519", key + "\n"]),
            ("a carriage return", ["ssh-ed25519", key + "\r"]),
            ("a NUL", ["ssh-ed25519", key + "\u{0}"]),
            ("escape bytes", ["ssh-ed25519", "\u{1B}]0;x\u{07}" + key]),
            ("a type of another key", ["ssh-rsa", key]),
            ("an unknown type", ["ssh-foo", key]),
            ("the type in capitals", ["SSH-ED25519", key]),
            ("DSA", ["ssh-dss", dss]),
            ("a certificate", ["ssh-ed25519-cert-v01@openssh.com", cert]),
            ("not base64", ["ssh-ed25519", "not base64!"]),
            ("base64 with a dash", ["ssh-ed25519", "-" + key.dropFirst()]),
            ("base64url", ["ssh-ed25519", key.replacingOccurrences(of: "+", with: "-")]),
            ("not a multiple of four", ["ssh-ed25519", String(key.dropLast())]),
            ("non-canonical trailing bits", ["ssh-ed25519", loose]),
            ("unpadded", ["ssh-ed25519", padded.replacingOccurrences(of: "=", with: "")]),
            ("padding inside", ["ssh-ed25519", "AAAA=AAA" + key]),
            ("empty key", ["ssh-ed25519", ""]),
            ("too long", ["ssh-ed25519", long]),
            ("a blob of the name only", ["ssh-ed25519", typeOnly]),
            ("a length past the blob", ["ssh-ed25519", hugeLength]),
            ("a control byte in the blob's name", ["ssh-ed25519", controlName]),
            ("non-ASCII", ["ssh-ed25519", "ÄÄÄÄ"]),
        ]
        for (what, words) in table {
            XCTAssertNil(AuthorizedKeyAnswer.line(for: words), what)
        }
        XCTAssertGreaterThan(long.utf8.count, OpenSSHPublicKey.maximumBase64Length)
    }
}
