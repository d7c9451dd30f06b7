@testable import BylineCore
import BylineTestSupport
import XCTest

/// The scan that searches bodies without an index (`SearchText.containsAll`) answers exactly as
/// folding the whole body and looking for every term does, though it rules bodies out early and
/// stops folding early.
final class SearchScanTests: XCTestCase {
    /// Pieces of text a body is built from: words in every case, letters that fold to other lengths,
    /// the two characters whose lower case is ASCII, marks, ideographs, emoji and markdown.
    private static let fragments = [
        "Go", "go", "GOLANG", "lang", "Latency", "p99", "2024", "q", "Queue", "quick", "kube", "KUBE",
        "\u{212A}ube", "\u{212A}", "İstanbul", "istanbul", "i\u{307}", "Ⱥb", "ⱥb", "ÄPFEL", "äpfel", "ß", "ΣΟΦΙΑ",
        "cafe\u{301}", "東京", "の", "言語", "한국어", "👩‍💻", "🙂", "—", "-", "**", "`", "\n", " ", "  ", ", ",
        "[link](https://example.com)", "| a | b |", "façade", "ﬁle", "Straße", "\u{1B}[2J",
    ]

    private static let typedWords = [
        "go", "GO", "golang", "go-lang", "lang", "latenc", "p99", "202", "q", "qu", "queue", "kube", "k",
        "istanbul", "i", "ⱥb", "äpfel", "apfel", "ß", "σοφια", "cafe", "café", "東京", "京", "京東", "言",
        "한국어", "façade", "file", "straße", "zzqxv", "go lang", "2j",
    ]

    /// Random bodies from 0 to about 6 KB, so that words fall across the scan's pieces (1, 2 and 4 KB).
    func testTheScanAnswersAsFoldingTheWholeBodyDoes() {
        var random = SplitMix(seed: 0x5EA7C4)
        var hits = 0, misses = 0
        for round in 0..<1500 {
            let length = round % 3 == 0 ? random.next(40) : random.next(1800)
            let text = (0..<length).map { _ in Self.fragments[random.next(Self.fragments.count)] }.joined(separator: random.next(4) == 0 ? "" : " ")
            let folded = SearchText.normalized(text)
            let count = 1 + random.next(3)
            let terms = (0..<count).compactMap { _ in SearchTerm(typed: Self.typedWords[random.next(Self.typedWords.count)]) }
            let expected = terms.allSatisfy { $0.occurs(in: folded) }
            XCTAssertEqual(Self.scan(terms, text), expected, "\(terms.map(\.words)) in \(text.prefix(200))…")
            if expected { hits += 1 } else { misses += 1 }
        }
        XCTAssertGreaterThan(hits, 300, "the inputs exercise matches")
        XCTAssertGreaterThan(misses, 300, "and failures to match")
    }

    /// A word that begins just before, on or just after a piece's end is found, and one cut by the
    /// end is not mistaken for two.
    func testATermAcrossTheEndOfAPieceIsFound() throws {
        let term = try XCTUnwrap(SearchTerm(typed: "latency-budget"))
        let prefix = try XCTUnwrap(SearchTerm(typed: "budg"))
        for padding in 990...1060 {
            let filler = String(repeating: "x ", count: padding / 2) + (padding % 2 == 0 ? "" : "é ")
            let text = filler + "Latency budget"
            XCTAssertTrue(Self.scan([term], text), "at \(padding)")
            XCTAssertTrue(Self.scan([term, prefix], text), "at \(padding)")
            XCTAssertFalse(Self.scan([term], filler + "Latency bu dget"), "at \(padding)")
            XCTAssertFalse(Self.scan([term], filler + "latencybudget"), "at \(padding)")
        }
    }

    /// The cheap test must not rule out a body whose ASCII word comes from a character that is not ASCII.
    func testCharactersWhoseLowerCaseIsASCIIAreNotRuledOut() throws {
        XCTAssertTrue(Self.scan([try XCTUnwrap(SearchTerm(typed: "kube"))], "the \u{212A}UBE cluster"))
        // İ folds to `i` and a combining dot: the word `i` begins there, though no ASCII `i` is in the text.
        XCTAssertTrue(Self.scan([try XCTUnwrap(SearchTerm(typed: "i"))], "TO İSTANBUL"))
        XCTAssertTrue(Self.scan([try XCTUnwrap(SearchTerm(typed: "istanbul"))], "TO İSTANBUL"), "İ is I with a dot: folded to i")
        XCTAssertTrue(Self.scan([try XCTUnwrap(SearchTerm(typed: "seguranca"))], "SEGURANÇA e segurança"))
        XCTAssertTrue(Self.scan([try XCTUnwrap(SearchTerm(typed: "cafe"))], "un cafe\u{301} noir"), "a combining accent too")
        XCTAssertFalse(Self.scan([try XCTUnwrap(SearchTerm(typed: "kubectl"))], "the \u{212A}UBE cluster"))
    }

    /// The cheap test's skeleton writes as ASCII every character that `LatinFolding` folds to ASCII,
    /// and no other character's folding holds ASCII, for whatever Unicode version Swift ships.
    func testEveryCharacterWhoseFoldingHoldsASCIIIsInTheSkeleton() {
        var missed: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), SearchText.kind(of: scalar) == .letter,
                  SearchText.normalized(String(scalar)).contains(where: { $0 > 0x20 && $0 < 0x80 }) else { continue }
            if LatinFolding.base(of: value) == nil { missed.append(String(value, radix: 16)) }
        }
        XCTAssertEqual(missed, [])
    }

    /// Folding a text in pieces, cut at any character boundary, gives what folding it at once does.
    func testFoldingInPiecesEqualsFoldingWhole() {
        let text = "Tail LATENCY—in Go-lang 東京の夜 İstanbul \u{212A}ube cafe\u{301} Ⱥb 👩‍💻 ok ß ΣΟΦΙΑ\n| a | b |"
        let bytes = Array(text.utf8)
        let whole = SearchText.normalized(text)
        bytes.withUnsafeBufferPointer { utf8 in
            for cut in 0...utf8.count where cut == utf8.count || utf8[cut] & 0xC0 != 0x80 {
                let folder = WordFolder(expected: 4)
                folder.fold(utf8, 0..<cut)
                folder.fold(utf8, cut..<utf8.count)
                XCTAssertEqual(folder.finished(), whole, "cut at \(cut)")
            }
        }
    }

    /// The folder grows its buffer when lower case is longer than the text (Ⱥ, two bytes, folds to
    /// ⱥ, three) and the guess of the length was short.
    func testFoldingOutgrowsItsFirstGuess() {
        let text = String(repeating: "ȺȺ İİ 東京", count: 500)
        let bytes = Array(text.utf8)
        let folded = bytes.withUnsafeBufferPointer { utf8 -> [UInt8] in
            let folder = WordFolder(expected: 1)
            folder.fold(utf8, 0..<utf8.count)
            return folder.finished()
        }
        XCTAssertEqual(String(decoding: folded, as: UTF8.self),
                       " " + String(repeating: "ⱥⱥ ii 東 京 ", count: 500))
    }

    private static func scan(_ terms: [SearchTerm], _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { SearchText.containsAll(terms, inWordsOf: $0) }
    }
}
