import BylineCore
import XCTest

/// What the search tests compare: a store's answer to a search as paths, and which post each of the
/// index's documents is.
extension CachedBlogTestCase {
    /// The paths of the posts `store` finds for `search`.
    func paths(_ store: PostStore, _ search: String) -> Set<String> {
        Set(store.matches(PostQuery(search: search)).map { store.posts[$0].path })
    }

    /// Each post's document in `store`'s index, to its path; every post must have one.
    func pathsByDocument(_ store: PostStore, file: StaticString = #filePath, line: UInt = #line) throws -> [Int64: String] {
        var postOf: [Int64: String] = [:]
        for (number, document) in store.documentIDs.enumerated() {
            postOf[try XCTUnwrap(document, "post \(number) has a document", file: file, line: line)] = store.posts[number].path
        }
        return postOf
    }
}
