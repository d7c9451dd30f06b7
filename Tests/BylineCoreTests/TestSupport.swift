import BylineCore
import BylineMarkdown
import Foundation
import XCTest

/// A folder under the system temp folder, removed when the test ends.
final class TempFolder {
    let path: String

    init(_ name: String = #function) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("byline-tests-\(getpid())")
        let folder = base.appendingPathComponent(name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` (UTF-8) at `relative`, creating folders.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func folder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }
}

/// The fixture blogs beside this file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static func path(_ name: String) -> String { root + "/" + name }
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
