import Foundation
import BylineTestSupport
import XCTest
@testable import BylineCore

/// The loading path's shortcuts against the plain code they replaced, on inputs chosen to tell them apart.
final class LoadingShortcutTests: XCTestCase {
    /// Field lookup through `FieldTable` must find what lower-casing both sides finds.
    func testFieldLookupMatchesLowercasing() {
        let names = FieldTable.names
        let keys = ["title", "Title", "TITLE", "tItLe", "titles", "titl", "tİtle", "Straße", "STRASSE", "strasse",
                    "\u{212A}ey", "key", "KEY", "日付", "Date", "pubdate", "pubDate", "", "_x", "x-y", "X-Y", "PUBDATE",
                    "Publishdate", "\u{212A}", "taxonomieS", "e\u{301}xtra", "excerpt\u{301}"]
            + names + names.map { $0.uppercased() } + names.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        var tables = [keys, keys.reversed(), ["Title", "title"], ["TITLE"], ["\u{212A}ey"], ["Key", "key"], names,
                      names.reversed(), ["DATE", "date", "Date"], ["PubDate", "pubdate", "pubDate"]]
        var state: UInt64 = 3
        for _ in 0..<200 {
            tables.append((0..<6).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return keys[Int(state >> 33) % keys.count]
            })
        }
        for tableKeys in tables {
            let pairs = tableKeys.enumerated().map { (key: $1, value: FrontMatterEntry(.string("\($0)"))) }
            let table = FrontMatterEntry(.table(pairs))
            for key in keys + ["kelvin", "straße", "missing"] + names {
                let expected = pairs.first { $0.key == key }?.value
                    ?? pairs.first { $0.key.lowercased() == key.lowercased() }?.value
                XCTAssertEqual(table[key], expected, "\(key) in \(tableKeys)")
                XCTAssertEqual(FieldTable(table)[key], expected, "\(key) in \(tableKeys), read by PostMetadata")
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

    /// UTF-8 is checked without the standard library; both must agree on every input, valid or not.
    /// (FastPathTests held the same check to the same oracle, unseeded: its one piece not here, a
    /// three-byte character cut short, is added.)
    func testUTF8CheckMatchesTheStandardLibrary() {
        let pieces: [[UInt8]] = [Array("plain ascii text!".utf8), Array("日本語".utf8), Array("🎉".utf8), Array("é".utf8),
                                 [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                 [0xF0, 0x9F], [0x80], [0xFF], [0xC2], [0xEF, 0xBF, 0xBD], [0xF0, 0x90, 0x80, 0x80], [0xE6, 0xBC]]
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for round in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 12) { bytes += pieces[next() % pieces.count] }
            if round % 3 == 0, !bytes.isEmpty { bytes[next() % bytes.count] = UInt8(next() % 256) }
            let start = bytes.isEmpty ? 0 : next() % (bytes.count + 1)
            let end = start + (bytes.count == start ? 0 : next() % (bytes.count - start + 1))
            XCTAssertEqual(PostText.isValidUTF8(bytes, start..<end), String(validating: bytes[start..<end], as: UTF8.self) != nil,
                           "\(bytes) \(start)..<\(end)")
        }
    }

    /// Clean tags are returned as they are; the rest are folded as before.
    func testTagCleaningMatchesSplitAndJoin() {
        let pieces = ["go", " ", "  ", "\t", "\n", "\r\n", "\r", "machine", "日本", "\u{301}", "é", "e\u{301}", "-"]
        var state: UInt64 = 7
        for _ in 0..<5000 {
            var tag = ""
            for _ in 0..<Int(state >> 61) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                tag += pieces[Int(state >> 33) % pieces.count]
            }
            let expected = tag.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
            XCTAssertTrue(TagName.clean(tag).utf8.elementsEqual(expected.utf8), "\(Array(tag.unicodeScalars))")
        }
    }

    /// Files opened relative to a kept-open folder read exactly as files opened by their full path,
    /// errors included, across changes of folder.
    func testFolderCacheReadsAsFullPaths() throws {
        let folder = try TempFolder()
        try folder.write("a/one.md", "one")
        try folder.write("a/two.md", String(repeating: "x", count: 5000))
        try folder.write("b/three.md", "three")
        try folder.folder("a/dir.md")
        try folder.link("a/link.md", to: folder.path + "/b/three.md")
        try folder.link("a/broken.md", to: folder.path + "/nowhere.md")
        mkfifo(folder.path + "/b/fifo.md", 0o644)
        let names = ["a/one.md", "a/two.md", "b/three.md", "a/missing.md", "a/dir.md", "a/link.md", "a/broken.md",
                     "b/fifo.md", "missing/x.md", "a/one.md", "b/three.md"]
        let cache = PostFile.FolderCache()
        for name in names + names.reversed() {
            let path = folder.path + "/" + name
            for limit in [4096, Int.max] {
                let plain = PostFile.read(path, limit: limit)
                let cached = PostFile.read(path, limit: limit, folders: cache)
                switch (plain, cached) {
                case let (.success(a), .success(b)): XCTAssertTrue(a.bytes == b.bytes && a.size == b.size && a.stamp == b.stamp, name)
                case let (.failure(a), .failure(b)): XCTAssertEqual(a, b, name)
                default: XCTFail("\(name): \(plain) but \(cached) through the folder cache")
                }
            }
        }
    }

    /// The store's sort key compares field by field exactly as the tuple of its fields did.
    func testSortKeyComparesAsItsTuple() {
        let dates: [PostDate?] = [nil, PostDate(year: 2024, month: 4, day: 9), PostDate(year: 2024, month: 4, day: 10),
                                  PostDate(year: 2024, month: 4, day: 9, time: PostDate.Time(hour: 1, minute: 2, second: 3, nanosecond: 5)),
                                  PostDate(year: 2024, month: 4, day: 9, time: PostDate.Time(hour: 1, minute: 2, second: 3, nanosecond: 7))]
        let titles = ["Alpha", "alpha", "Beta", "", "Ärger", "日本"]
        let paths = ["a.md", "b.md", "A.md"]
        var posts: [Post] = []
        for date in dates { for title in titles { for path in paths {
            posts.append(Post(path: path, slug: "s", title: title, date: date, tags: [], summary: "", draft: false, fileSize: 0))
        } } }
        for a in posts { for b in posts {
            let (l, r) = (Post.SortKey(a), Post.SortKey(b))
            let tuple = (l.undated ? 1 : 0, l.seconds, l.nanoseconds, l.title, l.path) < (r.undated ? 1 : 0, r.seconds, r.nanoseconds, r.title, r.path)
            XCTAssertEqual(l < r, tuple)
        } }
    }

    /// File names are split at their last `.` by bytes when ASCII and by characters otherwise, as before.
    func testFinderSplitsNamesAsCharacters() throws {
        let folder = try TempFolder()
        for name in ["x.y.md", "notes.MD", "日本.md", "e\u{301}.md", "a.\u{301}md", "README.md", "readme.markdown",
                     "_index.md", "page.mdx", "plain.txt", "noext"] {
            try folder.write(name, "# T\n")
        }
        let found = PostFinder.find(root: folder.path, includeDrafts: false)
        XCTAssertEqual(found.candidates.map(\.path), ["notes.MD", "page.mdx", "x.y.md", "e\u{301}.md", "日本.md"])
        XCTAssertEqual(found.candidates.map(\.baseName), ["notes", "page", "x.y", "e\u{301}", "日本"])
    }

    /// Values with nothing to trim are returned as they are; the rest are trimmed by characters as before.
    func testTrimmingMatchesTheCharacterScan() {
        let pieces = ["a", " ", "\t", "\n", "\r", "\r\n", " \u{301}", "\u{301}", "日本", "🎉", "x y"]
        var state: UInt64 = 9
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int(state % 5) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            var expected = ""
            if let start = text.firstIndex(where: { !isBlank($0) }), let end = text.lastIndex(where: { !isBlank($0) }) {
                expected = String(text[start...end])
            }
            XCTAssertTrue(text.trimmed.utf8.elementsEqual(expected.utf8), "\(Array(text.unicodeScalars))")
        }
    }
}
