import BylineCore
import BylineMarkdown
import XCTest

/// For random documents and widths from 10 to 200: no line is wider than the width, and the only
/// escape sequences in ANSI output are the ones the sink writes itself.
final class RendererPropertyTests: XCTestCase {
    func testRandomDocumentsNeverOverflowOrLeakEscapes() {
        var random = SeededRandom(seed: 0xB71E)
        for round in 0..<300 {
            let markdown = RandomMarkdown.document(&random)
            let width = random.int(in: 10...200)
            let lines = DocumentLayout.lines(for: MarkdownDocument.parse(markdown), width: width)
            for line in lines where line.width > width {
                XCTFail("round \(round), width \(width): \(line.width) columns: \(line.text)\n--- markdown:\n\(markdown)")
                return
            }
            let ansi = ANSIText.render(lines, theme: .dark, colors: .palette256, hyperlinks: true)
            let leftover = SinkEscapes.strip(ansi)
            if let bad = leftover.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }) {
                XCTFail("round \(round): control U+\(String(bad.value, radix: 16)) escaped the renderer\n--- markdown:\n\(markdown)")
                return
            }
        }
    }
}

/// Removes exactly the sequences `ANSIText` writes: SGR (`ESC [ digits/; m`) and OSC 8 (`ESC ] 8 ; ; URL ESC \`).
enum SinkEscapes {
    static func strip(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\u{1B}", index + 1 < scalars.count {
                if scalars[index + 1] == "[" {
                    var end = index + 2
                    while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" { end += 1 }
                    if end < scalars.count, scalars[end] == "m" { index = end + 1; continue }
                }
                if scalars[index + 1] == "]", index + 4 < scalars.count, scalars[index + 2] == "8", scalars[index + 3] == ";",
                   scalars[index + 4] == ";" {
                    var end = index + 5
                    while end + 1 < scalars.count, !(scalars[end] == "\u{1B}" && scalars[end + 1] == "\\") {
                        // URLs are percent-encoded: anything else inside means the sink was fooled.
                        if scalars[end].value < 0x21 || scalars[end].value > 0x7E { break }
                        end += 1
                    }
                    if end + 1 < scalars.count, scalars[end] == "\u{1B}", scalars[end + 1] == "\\" { index = end + 2; continue }
                }
            }
            output.append(scalars[index])
            index += 1
        }
        scalars = []
        return String(output)
    }
}

/// A small deterministic generator (SplitMix64), so a failing round can be replayed.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}

/// Random markdown built from the constructs the renderer knows, with hostile text mixed in.
enum RandomMarkdown {
    static let words = ["go", "latency", "a", "supercalifragilisticexpialidocious-and-more-and-more", "日本語の文章", "中文",
                        "🎉", "👨‍👩‍👧", "café", "e\u{301}", "\u{1B}[31m", "&#27;", "&#x9b;", "\u{202E}rev", "\t", "**bold**",
                        "*em*", "`code`", "[link](http://example.org/a?b=c)", "![img](x.png)", "{{< sc >}}", "<b>h</b>",
                        "https://example.com/a/very/long/path/that/goes/on/and/on", "x\u{7F}y", "\u{9B}", "—", "1,234"]

    static func sentence(_ random: inout SeededRandom) -> String {
        (0..<random.int(in: 1...25)).map { _ in random.pick(words) }.joined(separator: random.pick([" ", " ", "", "  "]))
    }

    static func document(_ random: inout SeededRandom) -> String {
        (0..<random.int(in: 1...8)).map { _ in block(&random, depth: 0) }.joined(separator: "\n\n") + "\n"
    }

    static func block(_ random: inout SeededRandom, depth: Int) -> String {
        switch random.int(in: 0...(depth > 3 ? 3 : 8)) {
        case 0, 1: return sentence(&random)
        case 2: return String(repeating: "#", count: random.int(in: 1...6)) + " " + sentence(&random)
        case 3: return "```\(random.pick(["", "go", "python", "diff", "sql"]))\n\(sentence(&random))\n\t\(sentence(&random))\n```"
        case 4: return "> " + block(&random, depth: depth + 1).replacingOccurrences(of: "\n", with: "\n> ")
        case 5:
            let marker = random.pick(["- ", "1. ", "- [ ] ", "- [x] ", "42. "])
            return (0..<random.int(in: 1...4)).map { _ in
                marker + block(&random, depth: depth + 1).replacingOccurrences(of: "\n", with: "\n   ")
            }.joined(separator: random.pick(["\n", "\n\n"]))
        case 6:
            let columns = random.int(in: 1...9)
            let row = { (random: inout SeededRandom) in "| " + (0..<columns).map { _ in sentence(&random) }.joined(separator: " | ") + " |" }
            let alignments = (0..<columns).map { _ in random.pick(["---", ":--", ":-:", "--:"]) }
            return row(&random) + "\n|" + alignments.joined(separator: "|") + "|\n" + (0..<random.int(in: 0...4)).map { _ in row(&random) }.joined(separator: "\n")
        case 7: return random.pick(["---", "***", "<div>\(sentence(&random))</div>"])
        default: return sentence(&random) + "[^n]\n\n[^n]: " + sentence(&random)
        }
    }
}
