import BylineCore

/// The characters of one cell as ncurses' `setcchar` wants them: one spacing character followed by
/// at most four zero-width ones, terminated by 0. Pure, so the defences are tested.
enum CellText {
    /// The most characters a `cchar_t` holds (`CCHARW_MAX`).
    static let maximumCharacters = 5
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// `text`'s scalars, made safe to send: the core already made controls visible, but a C0/C1
    /// control or DEL reaching the terminal raw would move its cursor or change its state, so one
    /// that slipped through is drawn as U+FFFD. A zero-width control after the first character is
    /// dropped instead (a replacement would take a column the layout did not plan). Empty text, or
    /// text that starts with a zero-width character, gets a space to carry it.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if result.isEmpty {
                if isUnsafe(scalar) {
                    result.append(replacement)
                } else {
                    if DisplayWidth.of(scalar) == 0 { result.append(" ") }
                    result.append(scalar)
                }
            } else if !isUnsafe(scalar), DisplayWidth.of(scalar) == 0 {
                result.append(scalar)
            }
            if result.count >= maximumCharacters { break }
        }
        if result.isEmpty { result.append(" ") }
        return Array(result.prefix(maximumCharacters))
    }

    /// The same as `wchar_t` values (`Int32` on Linux) with the terminating 0.
    static func wideCharacters(of text: String) -> [Int32] {
        scalars(of: text).map { Int32(bitPattern: $0.value) } + [0]
    }

    /// `wideCharacters(of:)` handed to `body` without allocating for the common cell, one printable
    /// ASCII character: a frame paints thousands of cells.
    static func withWideCharacters<R>(of text: String, _ body: (UnsafePointer<Int32>) -> R) -> R {
        var utf8 = text.utf8.makeIterator()
        if let byte = utf8.next(), utf8.next() == nil, byte >= 0x20, byte < 0x7F {
            var pair: (Int32, Int32) = (Int32(byte), 0)
            return withUnsafePointer(to: &pair) { $0.withMemoryRebound(to: Int32.self, capacity: 2, body) }
        }
        return wideCharacters(of: text).withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// C0 controls, DEL and C1 controls: bytes a terminal acts on instead of showing.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
