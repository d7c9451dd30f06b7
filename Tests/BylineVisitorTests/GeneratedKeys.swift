import BylineTestSupport
import Foundation
import XCTest

/// Public keys made by `ssh-keygen` for the test, with the fingerprint `ssh-keygen -lf` prints for
/// each: the oracle byline's fingerprints are held to. Skips when OpenSSH's client is not installed.
struct GeneratedKey {
    let type: String
    let base64: String
    let fingerprint: String
    var line: String { "\(type) \(base64)" }

    static let keygen = "/usr/bin/ssh-keygen"

    static func skipUnlessAvailable() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: keygen), "openssh-client is installed by make test")
    }

    /// One key of each kind `ssh-keygen` makes without a hardware token.
    static func all(in folder: TempFolder) throws -> [GeneratedKey] {
        try [("ed25519", nil), ("ecdsa", "256"), ("ecdsa", "384"), ("ecdsa", "521"), ("rsa", "2048")].enumerated().map { index, kind in
            let path = folder.path + "/key\(index)"
            _ = try run([keygen, "-q", "-t", kind.0, "-N", "", "-C", "comment", "-f", path] + (kind.1.map { ["-b", $0] } ?? []))
            return try GeneratedKey(publicKeyFile: path + ".pub")
        }
    }

    /// The key in `path` (`TYPE BASE64 [COMMENT]`) and `ssh-keygen -lf`'s fingerprint of it.
    init(publicKeyFile path: String) throws {
        let words = try String(contentsOfFile: path, encoding: .utf8).split(separator: " ")
        type = String(words[0])
        base64 = String(words[1]).trimmingCharacters(in: .whitespacesAndNewlines)
        // "256 SHA256:... comment (ED25519)"
        let printed = try Self.run([Self.keygen, "-lf", path]).split(separator: " ")
        fingerprint = String(printed[1])
    }

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw NSError(domain: "ssh-keygen", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: text]) }
        return text
    }
}

/// SSH wire-format pieces for building keys by hand (hostile blobs, and security-key keys that
/// ssh-keygen cannot make without a token).
enum Wire {
    static func string(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)] + bytes
    }

    static func string(_ text: String) -> [UInt8] { string(Array(text.utf8)) }

    static func base64(_ blob: [UInt8]) -> String { Data(blob).base64EncodedString() }
}
