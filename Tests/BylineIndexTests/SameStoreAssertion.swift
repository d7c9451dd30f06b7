import BylineCore
import XCTest

/// The one check the reload tests make of a patched store: that it answers as the store a fresh load
/// of the same folder gives (posts and their order, tags and counts, languages, problems, old names,
/// files, the search through the cache), shared so that every reload test holds a patch to the same bar.
enum SameStoreAssertion {
    static func assertSameStore(_ patched: PostStore, _ plain: PostStore, _ context: String, searches: [String], slugs: [String] = [],
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(patched.posts, plain.posts, "posts and their order, \(context)", file: file, line: line)
        XCTAssertEqual(patched.tags.tags, plain.tags.tags, "tags, spellings and members, \(context)", file: file, line: line)
        XCTAssertEqual(patched.tags.tags.map(\.count), plain.tags.tags.map(\.count), "tag counts, \(context)", file: file, line: line)
        XCTAssertEqual(patched.tags.longestNameWidth, plain.tags.longestNameWidth, "tag width, \(context)", file: file, line: line)
        XCTAssertEqual(patched.languages.tags, plain.languages.tags, "languages and members, \(context)", file: file, line: line)
        XCTAssertEqual(patched.diagnostics, plain.diagnostics, "problems, \(context)", file: file, line: line)
        XCTAssertEqual(patched.aliases, plain.aliases, "old names, \(context)", file: file, line: line)
        XCTAssertEqual(patched.posts.indices.map(patched.absolutePath(of:)), plain.posts.indices.map(plain.absolutePath(of:)),
                       "files, \(context)", file: file, line: line)
        XCTAssertNotNil(patched.searchIndex, "searches through the cache, \(context)", file: file, line: line)
        XCTAssertEqual(patched.documentIDs.count, patched.posts.count, "a document slot per post, \(context)", file: file, line: line)
        for search in searches {
            for query in [PostQuery(search: search), PostQuery(requiredTags: ["go"], search: search)] {
                XCTAssertEqual(patched.matches(query), plain.matches(query), "\(query), \(context)", file: file, line: line)
            }
        }
        for slug in slugs {
            XCTAssertEqual(patched.number(ofSlug: slug), plain.number(ofSlug: slug), "\(slug), \(context)", file: file, line: line)
        }
    }
}
