/// The one set of rules for a URL from a post written inside a terminal control string: OSC 8
/// hyperlinks (`show`'s `ANSIText` and the reader's painter) and OSC 52 copies (`ClipboardText`).
/// A post is untrusted: a URL holding ESC, BEL or a C1 control would end the control string early
/// and write the rest as commands to the terminal.
///
/// Every byte outside printable ASCII (controls, DEL, space, all of UTF-8's non-ASCII bytes, so C1
/// controls too) is percent-encoded, and so are the printable characters RFC 3986 does not allow in a
/// URI (`"<>\^`{|}`, which browsers encode the same way). With `<` encoded, a target can never hold
/// `$<`, which terminfo's `tputs` (and ncurses' `putp`, through which the reader writes) would take for
/// a padding delay. A target longer than `maximumBytes` once encoded is refused.
package enum TerminalURL {
    /// The longest target written, in bytes as written (percent-encoded). The OSC 8 specification's
    /// length limits leave longer URIs to be ignored by terminals (VTE drops any over 2083 bytes), and
    /// `show` opens a link again on every line it wraps to: a 20 KB URL made 5.3 MB of output.
    package static let maximumBytes = 2048

    /// `url` as it may be written inside a control string, or nil when it is too long to be a link.
    package static func safe(_ url: String) -> String? {
        // Percent-encoding only lengthens: a URL already too long is refused without encoding it.
        guard url.utf8.count <= maximumBytes else { return nil }
        let target = percentEncoded(url)
        return target.utf8.count <= maximumBytes ? target : nil
    }

    /// Every byte that may not stand for itself, percent-encoded (`%1B`).
    package static func percentEncoded(_ url: String) -> String {
        var output = ""
        output.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if isKept(byte) {
                output.append(Character(Unicode.Scalar(byte)))
            } else {
                output += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return output
    }

    /// Printable ASCII that RFC 3986 allows in a URI (reserved, unreserved and `%`).
    static func isKept(_ byte: UInt8) -> Bool {
        guard (0x21...0x7E).contains(byte) else { return false }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
             UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
            return false
        default:
            return true
        }
    }

    /// The sequence that opens an OSC 8 hyperlink to `url` (`ESC ] 8 ; ; target ESC \`); nil when the
    /// target is too long to be one (its text is then written alone).
    package static func openHyperlink(_ url: String) -> [UInt8]? {
        safe(url).map { Array(("\u{1B}]8;;" + $0 + "\u{1B}\\").utf8) }
    }

    /// The sequence that ends a hyperlink.
    package static let closeHyperlink: [UInt8] = Array("\u{1B}]8;;\u{1B}\\".utf8)
}

/// Text put on the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; base64 ESC \`). The base64
/// payload cannot end the control string, but the text is pasted later, into a shell perhaps: it
/// goes through the same rules as any text byline shows (`VisibleText`: no C0 or C1 control, no ESC,
/// BEL or DEL, no bidi override, and here no newline or tab either: a pasted newline runs a command,
/// a pasted ESC could end a bracketed paste early). A URL from a post goes through `TerminalURL` too,
/// so a copied link is the one its OSC 8 hyperlink opens.
package enum ClipboardText {
    /// The most text copied, in UTF-8 bytes after sanitising: a URL is at most
    /// `TerminalURL.maximumBytes` and a heading or title far less; 8 KiB is 10,924 bytes of base64,
    /// well under the limits terminals put on one OSC 52 (hterm 100,000; tmux's input buffer more).
    /// Longer text is not copied at all: a cut URL would be a wrong one.
    package static let maximumBytes = 8 * 1024

    /// The whole OSC 52 sequence that puts `text` on the clipboard ("c"), or nil when `text` is empty
    /// or too long.
    package static func sequence(for text: String) -> [UInt8]? {
        let safe = sanitized(text)
        guard !safe.isEmpty, safe.utf8.count <= maximumBytes else { return nil }
        return Array("\u{1B}]52;c;".utf8) + Base64.encode(Array(safe.utf8)) + Array("\u{1B}\\".utf8)
    }

    /// `text` with its controls made visible; a URL (text with a scheme and no blank) percent-encoded
    /// as its hyperlink is.
    package static func sanitized(_ text: String) -> String {
        if looksLikeURL(text) { return TerminalURL.percentEncoded(text) }
        return VisibleText.escapeAll(text)
    }

    /// `scheme:` then anything, no whitespace: what a link's target is.
    static func looksLikeURL(_ text: String) -> Bool {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")), colon != text.utf8.startIndex else { return false }
        let scheme = text.utf8[..<colon]
        guard let first = scheme.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) else { return false }
        return scheme.allSatisfy { byte in
            let lower = byte | 0x20
            return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        } && !text.contains(where: { $0 == " " })
    }
}

/// Standard base64 (RFC 4648, with padding), the encoding OSC 52 carries.
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    package static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int(value >> UInt32(shift) & 63)]) }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let value = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            output.append(alphabet[Int(value >> 18 & 63)])
            output.append(alphabet[Int(value >> 12 & 63)])
            output.append(rest == 2 ? alphabet[Int(value >> 6 & 63)] : UInt8(ascii: "="))
            output.append(UInt8(ascii: "="))
        }
        return output
    }
}
