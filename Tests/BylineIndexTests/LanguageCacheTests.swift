import BylineCore
import Foundation
import XCTest

/// Issue 17: the cache keeps each post's language and each problem's kind, in its snapshot (the first
/// screen) and in its per-file records (a refresh after a change), so a cached start filters and checks
/// as a plain load does.
final class LanguageCacheTests: CachedBlogTestCase {
    override var generatedPosts: Int { 0 }

    func testLanguagesAndProblemKindsSurviveTheCache() throws {
        try blog.write("en/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n")
        try blog.write("fr/hello.md", "---\ntitle: Bonjour\ndate: 2024-01-01\n---\nSalut.\n")
        try blog.write("pt.md", "---\ntitle: Olá\nlang: pt_BR\ndate: someday\n---\nOi.\n")
        try persist()
        let reader = cachedBlog()
        let cached = try XCTUnwrap(reader.cachedStore())
        let plain = try plainStore()
        XCTAssertEqual(Set(plain.posts.compactMap(\.language)), ["en", "fr", "pt-BR"])
        XCTAssertEqual(cached.posts, plain.posts, "from the snapshot")
        XCTAssertEqual(cached.languages.tags, plain.languages.tags)
        XCTAssertEqual(cached.diagnostics, plain.diagnostics)
        XCTAssertEqual(plain.diagnostics.map(\.kind), [.field])

        // A changed file is read again; the others come from the cache's records of them.
        try blog.write("en/hello.md", "---\ntitle: Hello again\ndate: 2024-01-01\n---\nHi.\n")
        let refreshed = try reader.freshStore(startingFrom: cached)
        let replain = try plainStore()
        XCTAssertEqual(refreshed.posts, replain.posts)
        XCTAssertEqual(refreshed.languages.tags, replain.languages.tags)
        XCTAssertEqual(refreshed.diagnostics, replain.diagnostics)
    }
}
