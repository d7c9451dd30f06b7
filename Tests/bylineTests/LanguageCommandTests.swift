import Foundation
import XCTest

/// Issue 17 through the real binary: `list --lang`, and `show SLUG` among translations.
final class LanguageCommandTests: XCTestCase {
    private let site = BylineRunner.repository + "/Tests/Fixtures/Sites/jekyll"

    func testListByLanguage() throws {
        let french = try BylineRunner.run(["list", "--lang", "fr", site])
        XCTAssertEqual(french.status, 0, french.stderr)
        XCTAssertEqual(french.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.count, 4, french.stdout)
        XCTAssertTrue(french.stdout.hasPrefix("Notes de version\n"), french.stdout)
        XCTAssertTrue(french.stdout.contains("La version 2.0 est sortie\n"), french.stdout)
        XCTAssertEqual(french.stderr, "", "translations sharing a slug are not a problem")
        let none = try BylineRunner.run(["list", "--lang", "de", site])
        XCTAssertEqual(none.stdout, "")
        let json = try BylineRunner.run(["list", "--json", "--lang", "pt-BR", site])
        let posts = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(posts.map { $0["language"] as? String }, ["pt-BR", "pt-BR"])
    }

    func testShowPrefersTheReadersLanguageElseListsTheTranslations() throws {
        let french = try BylineRunner.run(["show", "language-release", site], environment: ["LANG": "fr_FR.UTF-8"])
        XCTAssertEqual(french.status, 0, french.stderr)
        XCTAssertTrue(french.stdout.hasPrefix("La version 2.0 est sortie\n"), french.stdout)

        let german = try BylineRunner.run(["show", "language-release", site], environment: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(german.status, 2)
        XCTAssertEqual(german.stdout, "")
        XCTAssertEqual(german.stderr, """
            byline: 3 posts answer to "language-release" in \(site); name one by its path:
              _posts/pt-br/2024-05-01-language-release.md  pt-BR  A versão 2.0 foi lançada
              fr/_posts/2024-05-01-language-release.md  fr  La version 2.0 est sortie
              _posts/2024-05-01-language-release.md  en  Release 2.0 is out

            """)
        let byPath = try BylineRunner.run(["show", "fr/_posts/2024-05-01-language-release.md", site], environment: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(byPath.status, 0, byPath.stderr)
    }
}
