import XCTest
@testable import BylineCore

/// The loading path's shortcuts against the plain code they replaced, on inputs chosen to tell them apart.
final class LoadingShortcutTests: XCTestCase {
    /// Field lookup folds ASCII keys byte by byte; it must find what lower-casing both sides finds.
    func testFieldLookupMatchesLowercasing() {
        let keys = ["title", "Title", "TITLE", "tItLe", "titles", "titl", "tİtle", "Straße", "STRASSE", "strasse",
                    "\u{212A}ey", "key", "KEY", "日付", "Date", "pubdate", "pubDate", "", "_x", "x-y", "X-Y"]
        for tableKeys in [keys, keys.reversed(), ["Title", "title"], ["TITLE"], ["\u{212A}ey"], ["Key", "key"]] {
            let pairs = tableKeys.enumerated().map { (key: $1, value: FrontMatterEntry(.string("\($0)"))) }
            let table = FrontMatterEntry(.table(pairs))
            for key in keys + ["kelvin", "straße", "missing"] {
                let expected = pairs.first { $0.key == key }?.value
                    ?? pairs.first { $0.key.lowercased() == key.lowercased() }?.value
                XCTAssertEqual(table[key], expected, "\(key) in \(tableKeys)")
            }
        }
    }

    /// Tags are kept once each in their first spelling, as a set of case-folded keys would keep them.
    func testFirstSpellingsMatchASet() {
        let spellings = ["go", "Go", "GO", "rust", "Rust", "straße", "STRASSE", "İ", "i̇", "日本", "c#", "C#"]
        var state: UInt64 = 6
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(state >> 59) + (state & 1 == 0 ? 0 : 20)
            let tags = (0..<count).map { offset in spellings[Int((state >> UInt64(offset % 50)) % UInt64(spellings.count))] }
            var expected: [String] = []
            var seen: Set<String> = []
            for tag in tags where seen.insert(TagName.key(tag)).inserted { expected.append(tag) }
            XCTAssertEqual(PostLoader.firstSpellings(tags), expected, "\(tags)")
        }
    }
}
