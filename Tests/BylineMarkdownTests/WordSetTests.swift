@testable import BylineMarkdown
import BylineTestSupport
import XCTest

/// The highlighter's word sets answer as a plain set of strings does, for words of every length and
/// first letter, repeated words, and words that differ only in case.
final class WordSetTests: XCTestCase {
    private func contains(_ set: WordSet, _ word: String) -> Bool {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { set.contains($0, from: 0, to: $0.count) }
    }

    func testAnswersAsASetOfStrings() {
        var generator = SplitMix(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789")
        let words = (0..<600).map { _ in String((0..<generator.next(31) + 1).map { _ in letters[generator.next(letters.count)] }) }
        // Repeats, and the same word in another case, among them.
        let given = words + words.prefix(50) + words.prefix(50).map { $0.uppercased() }
        let probes = given + given.map { $0 + "x" } + given.map { String($0.dropLast()) } + given.map { $0.lowercased() }
            + given.map { $0.uppercased() } + ["", String(repeating: "a", count: 32), "é", "a\u{0}"]
        for caseInsensitive in [false, true] {
            let set = WordSet(given, caseInsensitive: caseInsensitive)
            let reference = Set(given.map { caseInsensitive ? $0.lowercased() : $0 })
            for probe in probes {
                let expected = !probe.isEmpty && reference.contains(caseInsensitive ? probe.lowercased() : probe)
                XCTAssertEqual(contains(set, probe), expected, "\(probe), case-insensitive \(caseInsensitive)")
            }
        }
        XCTAssertTrue(WordSet([]).isEmpty)
        XCTAssertFalse(contains(WordSet([]), "go"))
    }
}
