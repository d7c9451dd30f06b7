import Foundation

/// The markdown fixtures beside the tests.
enum MarkdownFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let names = ["headings", "paragraphs", "code", "lists", "quotes", "tables", "links", "html-and-templates",
                        "mixed", "cjk", "emoji", "hostile"]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name + ".md"), encoding: .utf8)
    }
}
