import BylineCore
import BylineIndex
import Foundation
import XCTest

/// Each two ideographs side by side in a field are indexed as one word (`IdeographPairs`, issue 20):
/// a term of two is answered by the index alone, a longer one by far fewer candidates, checked. These
/// posts put ideographs side by side in one field, across fields, across a line break or punctuation,
/// apart, reversed and beside Latin letters; every answer must be the scan's, and the one written here.
final class IdeographPairTests: CachedBlogTestCase {
    override var generatedPosts: Int { 0 }

    private func writePosts() throws {
        try blog.write("terminal.md", "---\ntitle: 终端\n---\nThe 终端机 is old.\n")
        // The title's last ideograph and the summary's first: side by side in no field.
        try blog.write("boundary.md", "---\ntitle: Old 终\nsummary: 端 and more\n---\nNothing here.\n")
        // Two tags are one field, their words side by side, as the scan sees them.
        try blog.write("tags.md", "---\ntitle: Tagged\ntags: [终, 端]\n---\nNothing here.\n")
        try blog.write("linebreak.md", "---\ntitle: Lines\n---\n东京\n终\n端\n")
        try blog.write("punctuation.md", "---\ntitle: Marks\n---\n东京终，端。\n")
        try blog.write("apart.md", "---\ntitle: Apart\n---\n终 a 端, 端终 and 京 东, 本日語.\n")
        try blog.write("latin.md", "---\ntitle: Mixed\n---\ngo终端 and 终端go, x東京y.\n")
        try blog.write("japanese.md", "---\ntitle: 日本語の本\n---\n東京都に住む。\n")
    }

    static let searches = [
        "终端", "终", "端", "端终", "终端机", "东京", "东京终", "东京终端", "京东", "日本", "日本語", "日本語の",
        "本日", "本日語", "東京都", "東京都に", "go终端", "终端go", "go终", "终端g", "x東京y", "x東", "東京y", "终端 端终",
        "终端 东京", "终-端", "终 端", "ア", "京东 终",
    ]

    func testPairsFindWhatTheScanFinds() throws {
        try writePosts()
        try persist()
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        let index = try XCTUnwrap(reader.cache)
        XCTAssertEqual(cached.documentIDs.filter { $0 == nil }.count, 0, "every post is answered by the index")
        let plain = try plainStore()
        let postOf = try pathsByDocument(cached)
        for search in Self.searches {
            XCTAssertEqual(paths(cached, search), paths(plain, search), search)
            let terms = PostQuery(search: search).searchTerms
            let found = Set(try XCTUnwrap(index.documents(matchingAll: terms), search).compactMap { postOf[$0] })
            XCTAssertEqual(found, paths(plain, search), "the index alone: \(search)")
        }
        let expected: [String: Set<String>] = [
            "终端": ["terminal.md", "tags.md", "linebreak.md", "punctuation.md", "latin.md"],
            "端终": ["apart.md"], "终端机": ["terminal.md"], "京东": ["apart.md"],
            "东京终端": ["linebreak.md", "punctuation.md"], "东京终": ["linebreak.md", "punctuation.md"], "本日": ["apart.md"],
            "日本語": ["japanese.md"], "日本語の": ["japanese.md"], "東京都に": ["japanese.md"],
            "go终端": ["latin.md"], "终端go": ["latin.md"], "终端g": ["latin.md"], "x東京y": ["latin.md"],
            "终端 端终": [], "终-端": ["terminal.md", "tags.md", "linebreak.md", "punctuation.md", "latin.md"],
            "终 端": ["terminal.md", "boundary.md", "tags.md", "linebreak.md", "punctuation.md", "apart.md", "latin.md"],
        ]
        for (search, wanted) in expected {
            XCTAssertEqual(paths(cached, search), wanted, search)
        }
    }

    /// A term of two ideographs is settled by the index (no text read); a longer one asks for its
    /// pairs, so a post holding its ideographs apart is no candidate; a term with Latin letters is checked.
    func testTwoIdeographsAreSettledByTheIndex() throws {
        try writePosts()
        try persist()
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        let index = try XCTUnwrap(reader.cache)
        let postOf = try pathsByDocument(cached)
        let pair = try XCTUnwrap(index.candidates(matchingAll: PostQuery(search: "终端").searchTerms))
        XCTAssertEqual(pair.unsettled, [], "two ideographs are one indexed word")
        XCTAssertEqual(Set(pair.documents.compactMap { postOf[$0] }),
                       ["terminal.md", "tags.md", "linebreak.md", "punctuation.md", "latin.md"])
        let apart = try XCTUnwrap(index.candidates(matchingAll: PostQuery(search: "端终").searchTerms))
        XCTAssertEqual(Set(apart.documents.compactMap { postOf[$0] }), ["apart.md"], "the reversed pair stands only there")
        let four = try XCTUnwrap(index.candidates(matchingAll: PostQuery(search: "东京终端").searchTerms))
        XCTAssertEqual(four.unsettled.map(\.words), [["东", "京", "终", "端"]], "a run of four is checked")
        XCTAssertEqual(Set(four.documents.compactMap { postOf[$0] }), ["linebreak.md", "punctuation.md"],
                       "apart.md holds all four ideographs but not their pairs")
        let mixed = try XCTUnwrap(index.candidates(matchingAll: PostQuery(search: "go终端").searchTerms))
        XCTAssertEqual(mixed.unsettled.map(\.words), [["go", "终", "端"]])
        XCTAssertEqual(Set(mixed.documents.compactMap { postOf[$0] }), ["latin.md"])
    }
}
