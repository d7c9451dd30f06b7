import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who an SSH visitor without an account is: the public key they logged in with, as sshd reports it
/// with `ExposeAuthInfo yes` in the file named by `$SSH_USER_AUTH`. A visitor's reading state is kept
/// under this key's fingerprint, so only the holder of the private key reaches it. A session without
/// a key (password, keyboard-interactive, none) has no identity: its state lasts the session only.
package struct VisitorIdentity: Equatable, Hashable, Sendable {
    /// The key's type (`ssh-ed25519`, ...).
    package let keyType: String
    /// OpenSSH's fingerprint, `SHA256:` and the unpadded base64 of the SHA-256 of the key blob:
    /// the string `ssh-keygen -lf` prints, which a visitor can check against their own key.
    package let fingerprint: String
    /// The SHA-256 of the key blob in lowercase hex, with a prefix: the visitor's folder name. Hex,
    /// not the fingerprint's base64, which holds `/` and differs only by case on case-blind disks.
    package let directoryName: String

    /// The largest `$SSH_USER_AUTH` file read: a few lines of methods and keys (an RSA key of 16,384
    /// bits is under 3 KiB); a larger file is not sshd's and is refused.
    package static let maximumAuthInfoBytes = 16 * 1024

    /// The prefix of every visitor folder name, so a folder that is not a visitor's is never taken for one.
    package static let directoryPrefix = "sha256-"

    package init(key: OpenSSHPublicKey) {
        let digest = Array(SHA256.hash(data: key.blob))
        keyType = key.type
        var text = Data(digest).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        fingerprint = "SHA256:" + text
        directoryName = Self.directoryPrefix + digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The visitor of this session: the key of the first `publickey` line of the file `SSH_USER_AUTH`
    /// names, or nil (no such variable, no readable regular file, too large, no publickey line, or a
    /// line that is not a well-formed key: nothing hostile is half-trusted).
    package static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> VisitorIdentity? {
        guard let path = environment["SSH_USER_AUTH"], path.hasPrefix("/"),
              let bytes = readSmallRegularFile(path, limit: maximumAuthInfoBytes) else { return nil }
        return parse(authInfo: bytes)
    }

    /// The identity in `$SSH_USER_AUTH`'s text: lines `METHOD [DETAILS]`, of which the first
    /// `publickey TYPE BASE64` names the key. Invalid UTF-8, a NUL or a carriage return anywhere
    /// refuses the whole file.
    package static func parse(authInfo bytes: [UInt8]) -> VisitorIdentity? {
        guard bytes.count <= maximumAuthInfoBytes, !bytes.contains(0), !bytes.contains(UInt8(ascii: "\r")),
              let text = String(validating: bytes, as: UTF8.self) else { return nil }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let words = line.split(separator: " ", omittingEmptySubsequences: false)
            guard words.first == "publickey" else { continue }
            // "publickey TYPE KEY": exactly that; anything else on the first publickey line refuses it.
            guard words.count == 3, let key = OpenSSHPublicKey(type: String(words[1]), base64: String(words[2])) else { return nil }
            return VisitorIdentity(key: key)
        }
        return nil
    }

    /// Whether `name` is a folder name `directoryName` can produce (prefix and 64 lowercase hex digits).
    package static func isDirectoryName(_ name: String) -> Bool {
        guard name.hasPrefix(directoryPrefix) else { return false }
        let hex = name.utf8.dropFirst(directoryPrefix.utf8.count)
        return hex.count == 64 && hex.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Up to `limit` bytes of a regular file, never following a final link nor blocking on a FIFO; nil
    /// when it is not one or is larger.
    private static func readSmallRegularFile(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            count += got
        }
        return count <= limit ? Array(bytes[..<count]) : nil
    }
}
