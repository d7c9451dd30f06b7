import BylineCore
import BylineIndex
import Foundation
import XCTest

/// The index keeps no word positions (`detail=column`, issue 20): a term that search sees as several
/// words side by side (`go-lang`, `東京`) is answered from the index's candidates, each checked against
/// its post's text as the scan checks. These posts hold the words of such terms apart, in other fields
/// or the other way round, so that the candidates are more than the answer and only the check can
/// tell them apart; every answer must be the scan's, and the one written here.
final class SeveralWordTermTests: CachedBlogTestCase {
    override var generatedPosts: Int { 0 }

    private func writePosts() throws {
        try blog.write("side.md", "---\ntitle: Notes\n---\nWe moved to go-lang last year; café-crème after.\n")
        try blog.write("apart.md", "---\ntitle: Lang and go\n---\nThe lang of go, apart: go to the lang.\n")
        try blog.write("fields.md", "---\ntitle: Go\nsummary: Language notes\n---\nNothing else.\n")
        try blog.write("tokyo.md", "---\ntitle: 東京の夜\n---\n中文 and 日本語 side by side.\n")
        try blog.write("kyoto.md", "---\ntitle: 京 and 東\n---\n文 中, 語 本 日: apart.\n")
        try blog.write("accent.md", "---\ntitle: Crème\n---\nCAFÉ Crème brûlée, in capitals.\n")
        try blog.write("accent-apart.md", "---\ntitle: Cafe\n---\nA creme elsewhere.\n")
        try blog.write("short.md", "---\ntitle: G\ntags: [x]\n---\nA go, a g, an x-y and x y.\n")
    }

    /// Searches whose terms have several words, one letter or two, accents, and several terms.
    static let searches = [
        "go-lang", "go-l", "go-la", "lang-go", "go", "g", "la", "l", "東京", "東", "京", "中文", "日本語", "本語", "文 中",
        "café-crème", "cafe-creme", "CAFÉ-CRÈME", "cafe-cr", "cafe creme", "creme-brulee", "crème-b", "x-y", "x y", "x-",
        "go-lang café-crème", "go-lang 東京", "lang go", "go-lang-last", "to-the-lang", "apart", "nothing-else",
    ]

    func testTermsOfSeveralWordsFindWhatTheScanFinds() throws {
        try writePosts()
        try persist()
        let cached = try XCTUnwrap(cachedBlog().cachedStore())
        XCTAssertNotNil(cached.searchIndex)
        XCTAssertEqual(cached.documentIDs.filter { $0 == nil }.count, 0, "every post is answered by the index")
        let plain = try plainStore()
        XCTAssertNil(plain.searchIndex)
        for search in Self.searches {
            XCTAssertEqual(paths(cached, search), paths(plain, search), search)
        }
        let expected: [String: Set<String>] = [
            "go-lang": ["side.md"], "go-la": ["side.md"], "lang-go": [], "東京": ["tokyo.md"], "中文": ["tokyo.md"],
            "本語": ["tokyo.md"], "文 中": ["tokyo.md", "kyoto.md"], "café-crème": ["side.md", "accent.md"],
            "CAFÉ-CRÈME": ["side.md", "accent.md"], "cafe-cr": ["side.md", "accent.md"],
            "cafe creme": ["side.md", "accent.md", "accent-apart.md"], "crème-b": ["accent.md"], "x-y": ["short.md"],
            "go-lang café-crème": ["side.md"], "go-lang 東京": [], "go-lang-last": ["side.md"], "to-the-lang": ["apart.md"],
            "nothing-else": ["fields.md"],
        ]
        for (search, wanted) in expected {
            XCTAssertEqual(paths(cached, search), wanted, search)
        }
    }

    /// The index alone (not the store around it) answers exactly too; its candidates are more than the
    /// answer, with the terms left to check; a search cancelled while they are checked gives up.
    func testTheIndexChecksItsOwnCandidates() throws {
        try writePosts()
        try persist()
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        let index = try XCTUnwrap(reader.cache)
        let postOf = try pathsByDocument(cached)
        let plain = try plainStore()
        for search in Self.searches {
            let terms = PostQuery(search: search).searchTerms
            let found = Set(try XCTUnwrap(index.documents(matchingAll: terms), search).compactMap { postOf[$0] })
            XCTAssertEqual(found, paths(plain, search), search)
        }
        let several = PostQuery(search: "go-lang t").searchTerms
        let found = try XCTUnwrap(index.candidates(matchingAll: several))
        XCTAssertEqual(Set(found.documents.compactMap { postOf[$0] }), ["side.md", "apart.md"])
        XCTAssertEqual(found.unsettled.map(\.words), [["go", "lang"]], "one word is settled by the index")
        XCTAssertEqual(try XCTUnwrap(index.candidates(matchingAll: PostQuery(search: "go").searchTerms)).unsettled, [])
        XCTAssertNil(cached.matches(PostQuery(search: "go-lang"), cancelled: { true }))
    }

    /// The store checks the index's candidates for a term of several words as it scans the posts the
    /// index does not hold: in list order, telling what it settled, over the candidates alone.
    func testTheStoreChecksTheCandidatesAsItScans() throws {
        try writePosts()
        try persist()
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        let index = try XCTUnwrap(reader.cache)
        let query = PostQuery(search: "go-lang")
        let candidates = try XCTUnwrap(index.candidates(matchingAll: query.searchTerms))
        XCTAssertEqual(candidates.documents.count, 3, "side.md, apart.md and fields.md hold go and lang...")
        var partials: [SearchPartial] = []
        let found = try XCTUnwrap(cached.matches(query, cancelled: { false }, progress: { partials.append($0) }))
        XCTAssertEqual(found.map { cached.posts[$0].path }, ["side.md"])
        XCTAssertEqual(partials.last?.total, 3, "only the candidates' text is read")
        XCTAssertEqual(partials.last?.done, 3)
        XCTAssertEqual(partials.last?.found, found)
    }

    /// A removed post's words stay in the index, dead, and so among its candidates: with no file's row
    /// to check it against, such a candidate is no answer.
    func testACandidateWithoutAFileIsNoAnswer() throws {
        try writePosts()
        try persist()
        try FileManager.default.removeItem(atPath: blog.path + "/side.md")
        XCTAssertEqual(try persist(), .updated(files: 0))
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        let index = try XCTUnwrap(reader.cache)
        XCTAssertGreaterThan(index.deadDocuments(), 0, "side.md's words stay in the index, dead")
        XCTAssertEqual(paths(cached, "go-lang"), [])
        XCTAssertEqual(try XCTUnwrap(index.documents(matchingAll: PostQuery(search: "go-lang").searchTerms)), [])
        XCTAssertEqual(paths(cached, "café-crème"), ["accent.md"])
    }
}
