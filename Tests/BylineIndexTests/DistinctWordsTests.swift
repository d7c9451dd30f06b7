@testable import BylineIndex
import BylineCore
import BylineTestSupport
import XCTest

/// What the index is fed: each normalized word once a field, in the order of its first occurrence
/// (the index keeps no positions or counts, so nothing it answers changes).
final class DistinctWordsTests: XCTestCase {
    private func distinct(_ text: String) -> String { DistinctWords.of(SearchText.normalized(text)) }

    func testEachWordOnceInItsFirstPlace() {
        XCTAssertEqual(distinct("Go, go GO! gopher go-lang lang"), "go gopher lang")
        XCTAssertEqual(distinct("東京 東京 中文"), "東 京 中 文")
        XCTAssertEqual(distinct("Café cafe CAFÉ crème"), "cafe creme")
        XCTAssertEqual(distinct(""), "")
        XCTAssertEqual(distinct("  🙂 -- "), "")
        XCTAssertEqual(distinct("a ab abc ab a"), "a ab abc")
    }

    /// A text of nothing but one-letter words fills the table the most (half its bytes are words).
    func testATextOfOneLetterWordsAndRandomWordsKeepsEveryWordOnce() {
        let letters = (0..<5000).map { _ in "x" }.joined(separator: " ")
        XCTAssertEqual(distinct(letters), "x")
        var random = SplitMix(seed: 7)
        let alphabet = Array("abcdefghij")
        let words = (0..<4000).map { _ in String((0..<(1 + random.next(3))).map { _ in alphabet[random.next(alphabet.count)] }) }
        var seen = Set<String>()
        XCTAssertEqual(distinct(words.joined(separator: " ")), words.filter { seen.insert($0).inserted }.joined(separator: " "))
    }
}
