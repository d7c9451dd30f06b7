import BylineCore
import XCTest

/// Issue 17: search ignores Latin diacritics, in the scan and in the cache's full-text index alike:
/// `seguranca`, `Segurança` and `SEGURANÇA` find the same posts, and `araujo` an author Araújo.
final class AccentSearchTests: CachedBlogTestCase {
    override var generatedPosts: Int { 0 }

    func testAccentsAndCaseFindTheSamePostsInTheScanAndTheIndex() throws {
        try blog.write("title.md", "---\ntitle: \"SEGURANÇA: atualize já\"\n---\nUma falha foi corrigida.\n")
        try blog.write("body.md", "---\ntitle: Versão 2.0\n---\nTraz uma correção de segurança.\n")
        try blog.write("decomposed.md", "---\ntitle: Decomposed\n---\nSegurânc\u{0327}a, written with a combining cedilla.\n")
        try blog.write("author.md", "---\ntitle: Notas\nauthor: José Araújo\n---\nTexto.\n")
        try blog.write("other.md", "---\ntitle: Outra\n---\nNada a ver: seguro, segue.\n")
        try persist()
        let cached = try XCTUnwrap(cachedBlog().cachedStore())
        XCTAssertNotNil(cached.searchIndex)
        XCTAssertEqual(cached.documentIDs.filter { $0 == nil }.count, 0, "every post is answered by the index")
        let plain = try plainStore()
        XCTAssertNil(plain.searchIndex)
        let wanted: Set = ["title.md", "body.md", "decomposed.md"]
        for store in [cached, plain] {
            for typed in ["seguranca", "Segurança", "SEGURANÇA", "SEGURÂNÇA"] {
                XCTAssertEqual(Set(store.matches(PostQuery(search: typed)).map { store.posts[$0].path }), wanted,
                               "\(typed), \(store.searchIndex == nil ? "scan" : "index")")
            }
            XCTAssertEqual(store.matches(PostQuery(search: "correcao")).map { store.posts[$0].path }, ["body.md"])
            XCTAssertEqual(store.matches(PostQuery(search: "jose araujo")).map { store.posts[$0].path }, ["author.md"], "authors too")
        }
    }
}
