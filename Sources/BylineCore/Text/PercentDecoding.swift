extension String {
    /// `caf%C3%A9` → `café`, `my%20post.md` → `my post.md`: a link target or anchor as its author
    /// meant it. Nil when the text holds no `%`, a `%` not followed by two hex digits, or escapes that
    /// are not UTF-8 (then the text is taken as it is written).
    package var percentDecoded: String? {
        guard contains("%") else { return nil }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
