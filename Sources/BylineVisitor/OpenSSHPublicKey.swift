import Foundation

/// An OpenSSH public key as sshd names it (`%t %k`, or a `publickey TYPE KEY` line of
/// `$SSH_USER_AUTH`), checked before anything of it is trusted: both the `AuthorizedKeysCommand`
/// answer and a visitor's identity come from here, so neither can carry a byte a client chose
/// beyond a canonical key. A key that is not one of `types`, not canonical base64, too long, or
/// whose decoded blob names another type is refused (nil).
package struct OpenSSHPublicKey: Equatable, Sendable {
    /// The key types byline lets in: OpenSSH's plain public keys (no certificates, no DSA, which
    /// OpenSSH 9.2 refuses by default). `%t` is one of these for every key such a client offers.
    package static let types: Set<String> = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    /// The longest key text taken: a 16,384-bit RSA key (OpenSSH's largest) is 2,071 bytes of blob,
    /// 2,764 characters of base64; anything past this is not a key a client can offer.
    package static let maximumBase64Length = 4096

    /// The key's type, one of `types`.
    package let type: String
    /// The key in base64, exactly as OpenSSH writes it (canonical: it is re-encoded from `blob`).
    package let base64: String
    /// The decoded key: the bytes a fingerprint hashes.
    package let blob: [UInt8]

    package init?(type: String, base64: String) {
        guard Self.types.contains(type),
              (1...Self.maximumBase64Length).contains(base64.utf8.count),
              base64.utf8.count % 4 == 0,
              base64.utf8.allSatisfy(Self.isBase64Byte),
              let data = Data(base64Encoded: base64),
              // Canonical only: one key has one spelling, so no second string stands for it.
              data.base64EncodedString() == base64 else { return nil }
        let blob = [UInt8](data)
        guard Self.namedType(of: blob) == type else { return nil }
        self.type = type
        self.base64 = base64
        self.blob = blob
    }

    /// The type string a key blob begins with (SSH wire format: a 4-byte big-endian length, then the
    /// name), when it is followed by key material; nil for a blob too short or malformed.
    static func namedType(of blob: [UInt8]) -> String? {
        guard blob.count > 4 else { return nil }
        let length = blob[0..<4].reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, length <= 64, blob.count > 4 + length else { return nil }
        let name = blob[4..<(4 + length)]
        guard name.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): true
        default: false
        }
    }
}
