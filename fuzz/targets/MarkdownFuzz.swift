// libFuzzer target: a post body through cmark-gfm into a Document, laid out at a width taken from the
// input, as the reader (`DocumentLayout.lines`, a block at a time), `show` (`DocumentLayout.text`,
// whole) and `show` on a terminal (`ANSIText`) lay it out.
//
// Input: two bytes of width (big-endian, taken modulo 1000, plus 1: 1...1000), one byte of options
// (bit 0: ASCII glyphs; bit 1: hyperlinks in the ANSI output), then the markdown. Seeds are made by
// fuzz/make-seeds.py with that header.
import BylineCore
import BylineMarkdown

/// Below this width the layout may overflow by design (a list marker and a quote bar outgrow a very
/// narrow column); from it on, RendererPropertyTests promises no line is wider than the width.
private let widthKeptFrom = 10

@_cdecl("LLVMFuzzerTestOneInput")
public func markdownFuzzEntry(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    Watchdog.run { markdownFuzz(data, count) }
}

func markdownFuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count >= 3 else { return 0 }
    let width = (Int(data[0]) << 8 | Int(data[1])) % 1000 + 1
    let options = data[2]
    let glyphs: Glyphs = options & 1 == 1 ? .ascii : .unicode
    let body = UnsafeBufferPointer(start: data + 3, count: count - 3)
    let markdown = String(decoding: body, as: UTF8.self)

    let document = MarkdownDocument.parse(markdown)
    let lines = DocumentLayout.lines(for: document, width: width, glyphs: glyphs)
    if width >= widthKeptFrom, let wide = lines.first(where: { $0.width > width }) {
        fatalError("a line of \(wide.width) columns at width \(width): \(wide.text)")
    }
    // `show` lays the document out whole, the reader a block at a time: the same lines.
    let flat = DocumentLayout.text(for: document, width: width, glyphs: glyphs)
    if width >= widthKeptFrom {
        let flatLines = flat.styledLines
        guard flatLines.count == lines.count else {
            fatalError("laid out whole, \(flatLines.count) lines; a block at a time, \(lines.count), at width \(width)")
        }
        if let row = lines.indices.first(where: { lines[$0].text != flatLines[$0].text }) {
            fatalError("line \(row) differs at width \(width): \(lines[row].text) / \(flatLines[row].text)")
        }
    }

    // Only the escape sequences the sink writes itself may reach a terminal.
    let ansi = ANSIText.bytes(flat, theme: .dark, colors: .palette256, hyperlinks: options & 2 == 2)
    if let leak = EscapeCheck.firstForeignControl(in: ansi) {
        fatalError("control byte 0x\(String(leak, radix: 16)) in the ANSI output at width \(width)")
    }
    return 0
}

/// Finds a control byte outside the sequences `ANSIText` writes: SGR (`ESC [ digits/; m`) and OSC 8
/// (`ESC ] 8 ; ; URL ESC \`, the URL printable ASCII). Newlines end lines and are fine.
enum EscapeCheck {
    static func firstForeignControl(in bytes: [UInt8]) -> UInt8? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B {
                guard let end = sequenceEnd(bytes, from: index) else { return byte }
                index = end
                continue
            }
            if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return byte }
            // C1 controls as UTF-8: C2 80...C2 9F.
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return bytes[index + 1] }
            index += 1
        }
        return nil
    }

    /// The index after the sink's own sequence starting at `start`, or nil when it is not one.
    private static func sequenceEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start + 1 < bytes.count else { return nil }
        if bytes[start + 1] == UInt8(ascii: "[") {
            var end = start + 2
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) || bytes[end] == UInt8(ascii: ";") {
                end += 1
            }
            return end < bytes.count && bytes[end] == UInt8(ascii: "m") ? end + 1 : nil
        }
        let osc8: [UInt8] = Array("]8;;".utf8)
        guard start + 1 + osc8.count <= bytes.count, Array(bytes[(start + 1)..<(start + 1 + osc8.count)]) == osc8 else { return nil }
        var end = start + 1 + osc8.count
        while end + 1 < bytes.count, !(bytes[end] == 0x1B && bytes[end + 1] == UInt8(ascii: "\\")) {
            guard (0x21...0x7E).contains(bytes[end]) else { return nil }
            end += 1
        }
        return end + 1 < bytes.count ? end + 2 : nil
    }
}
