import BylineCore
import BylineMarkdown
import BylineTestSupport
import Foundation
import XCTest

/// The fixture blogs beside this file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static func path(_ name: String) -> String { root + "/" + name }
    /// A fixture site laid out as `generator` lays it out (Tests/Fixtures/Sites, shared by the test targets).
    static func site(_ generator: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Sites/\(generator)").path
    }
    /// The blog that ships in the repository.
    static let shippedPosts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("posts").path

    /// The titles of the shipped blog, newest first, as issue 2 lists them (shared with the CLI tests).
    static func shippedTitles() throws -> [String] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Shared/shipped-blog-titles.txt")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

func loadStore(_ path: String, drafts: Bool = false, whole: Bool = false) throws -> PostStore {
    try PostStore.load(root: path, options: .init(includeDrafts: drafts, readWholeFiles: whole), inspector: CmarkBodyInspector())
}

extension PostStore {
    func post(_ slug: String, file: StaticString = #filePath, line: UInt = #line) throws -> Post {
        try XCTUnwrap(posts.first { $0.slug == slug }, "no post \(slug) among \(posts.map(\.slug))", file: file, line: line)
    }
    var paths: [String] { posts.map(\.path) }
}
