import BylineCore
import XCTest

/// What search sees of a text, and what a typed word asks of it.
final class SearchTextTests: XCTestCase {
    func testWordsAreFoldedAndSeparatedByOneSpace() {
        XCTAssertEqual(SearchText.normalizedString("The **p99** Latency, of `Go`-lang!"), " the p99 latency of go lang ")
        XCTAssertEqual(SearchText.normalizedString(""), " ")
        XCTAssertEqual(SearchText.normalizedString("---"), " ")
    }

    func testLettersOfEveryScriptFoldAndIdeographsStandAlone() {
        // Latin letters lose their diacritics (issue 17: `seguranca` finds `SEGURANÇA`); other scripts keep theirs.
        XCTAssertEqual(SearchText.normalizedString("ÄPFEL ΣΟΦΙΑ Ά"), " apfel σοφια ά ")
        XCTAssertEqual(SearchText.normalizedString("SEGURANÇA Segurança seguranca"), " seguranca seguranca seguranca ")
        XCTAssertEqual(SearchText.normalizedString("東京の夜"), " 東 京 の 夜 ")
        XCTAssertEqual(SearchText.normalizedString("Go言語"), " go 言 語 ")
        // Combining diacritics go with the accents they make; other marks stay inside their word; emoji and
        // symbols separate words.
        XCTAssertEqual(SearchText.normalizedString("cafe\u{301} 👩‍💻ok"), " cafe ok ")
        XCTAssertEqual(SearchText.normalizedString("हिन्दी"), " हिन्दी ")
        XCTAssertEqual(SearchText.normalizedString("한국어 문장"), " 한국어 문장 ")
    }

    func testControlBytesAndBrokenScalarsOnlySeparate() {
        XCTAssertEqual(SearchText.normalizedString("a\u{1B}[2Jb\u{0}c"), " a 2jb c ")
    }

    func testATermIsAWordPrefixAndItsWordsMustBeAdjacent() throws {
        let text = SearchText.normalized("Tail latency in Go-lang services, 東京 2024")
        func finds(_ typed: String) throws -> Bool { try XCTUnwrap(SearchTerm(typed: typed)).occurs(in: text) }
        XCTAssertTrue(try finds("latenc"))
        XCTAssertTrue(try finds("LATENCY"))
        XCTAssertFalse(try finds("tency"), "only the start of a word")
        XCTAssertFalse(try finds("latencys"))
        XCTAssertTrue(try finds("go-lang"))
        XCTAssertTrue(try finds("go-la"))
        XCTAssertFalse(try finds("go-services"), "the words of one term stand side by side")
        XCTAssertTrue(try finds("東京"))
        XCTAssertTrue(try finds("京"))
        XCTAssertFalse(try finds("京東"))
        XCTAssertTrue(try finds("202"))
        XCTAssertNil(SearchTerm(typed: "🙂"), "a word without a letter or digit asks nothing")
        XCTAssertNil(SearchTerm(typed: "--"))
    }

    func testQueryTermsSkipWordsThatAskNothing() {
        XCTAssertEqual(PostQuery(search: "  go  🙂 -- lat").searchTerms.map(\.words), [["go"], ["lat"]])
        XCTAssertTrue(PostQuery(search: "🙂 --").isEmpty)
    }

    /// The ASCII fast path and the scalar path agree: every ASCII text normalizes as the slow
    /// definition (letters and digits kept and lower-cased, anything else a separator) says.
    func testASCIIFastPathMatchesTheDefinition() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Character(Unicode.Scalar(UInt8.random(in: 0x09...0x7E, using: &generator)))
            })
            let words = text.unicodeScalars.split { !($0.properties.isAlphabetic || $0.properties.numericType != nil) }
                .map { String(String.UnicodeScalarView($0)).lowercased() }
            XCTAssertEqual(SearchText.normalizedString(text), " " + words.map { $0 + " " }.joined(), text)
        }
    }
}
