import BylineMarkdown
import BylineTestSupport
import XCTest
@testable import BylineCore

/// Issue 17, languages: each post's language from `lang`/`language`, language folders and Hugo's
/// `name.fr.md`; translations sharing a slug; the languages as a filter.
final class LanguageTests: XCTestCase {
    private func languages(_ store: PostStore) -> [String: String] {
        Dictionary(uniqueKeysWithValues: store.posts.map { ($0.path, $0.language ?? "-") })
    }

    func testJekyllPostsTakeTheirLanguageFromFieldsAndFolders() throws {
        let store = try loadStore(Fixtures.site("jekyll"))
        // The site holds other posts of issue 17 too: only this test's files (`*language-*`) are looked at.
        let mine = { (path: String) in path.contains("language-") }
        XCTAssertEqual(languages(store).filter { mine($0.key) }, [
            "_posts/2024-05-01-language-release.md": "en",             // lang: en
            "fr/_posts/2024-05-01-language-release.md": "fr",          // fr/_posts/
            "_posts/pt-br/2024-05-01-language-release.md": "pt-BR",    // _posts/pt-br/
            "_posts/pt-br/2024-05-08-language-security.md": "pt-BR",
            "_posts/2024-05-09-language-field.md": "fr-FR",            // language: fr_FR, over the folder's none
        ])
        XCTAssertEqual(store.languages.tags.map(\.name), ["pt-BR", "en", "fr", "fr-FR"])
        // Three translations share the slug `language-release`: no warning.
        XCTAssertEqual(store.diagnostics.filter { mine($0.file) }, [])
    }

    func testHugoFileNamesNameTheLanguageAndTheSlugWithoutIt() throws {
        let store = try loadStore(Fixtures.site("hugo"))
        let notes = store.posts.filter { $0.path.hasPrefix("content/posts/language-notes") }
        XCTAssertEqual(notes.map(\.slug), ["language-notes", "language-notes"])
        // The page without a language is in the site's defaultContentLanguage (hugo.toml).
        XCTAssertEqual(Set(notes.map { $0.language ?? "-" }), ["fr", "en"])
        // A page bundle's translation, `index.fr.md` beside `index.md`, is a post too.
        let bundle = store.posts.filter { $0.path.hasPrefix("content/posts/language-bundle/") }
        XCTAssertEqual(Set(bundle.map { "\($0.slug) \($0.language ?? "-")" }), ["language-bundle en", "language-bundle fr"])
        XCTAssertFalse(store.diagnostics.contains { $0.kind == .duplicateSlug }, "\(store.diagnostics)")
    }

    func testTwoPostsOfOneLanguageWithOneSlugAreStillAClash() throws {
        let folder = try TempFolder()
        try folder.write("a/hello.md", "---\ntitle: A\nlang: en\n---\nA.\n")
        try folder.write("b/hello.md", "---\ntitle: B\nlang: en\n---\nB.\n")
        try folder.write("c/hello.md", "---\ntitle: C\nlang: fr\n---\nC.\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(store.diagnostics.map(\.description), ["b/hello.md: warning: slug \"hello\" is also used by a/hello.md"])
        XCTAssertEqual(store.diagnostics.map(\.kind), [.duplicateSlug])
    }

    func testABadLanguageFieldIsAWarningAndAFolderIsNoLanguageUnlessItIsACode() throws {
        let folder = try TempFolder()
        try folder.write("posts/a.md", "---\ntitle: A\nlang: english please\n---\nA.\n")
        try folder.write("de/b.md", "---\ntitle: B\n---\nB.\n")
        let store = try loadStore(folder.path)
        XCTAssertEqual(languages(store), ["posts/a.md": "-", "de/b.md": "de"])
        XCTAssertEqual(store.diagnostics.map(\.description),
                       ["posts/a.md:3:7: warning: `lang` \"english please\" is not a language tag (e.g. en, pt-BR); ignored"])
    }

    func testShowBySlugPrefersTheReadersLanguageElseNamesThemAll() throws {
        let store = try loadStore(Fixtures.site("jekyll"))
        func path(_ lookup: PostStore.Lookup) -> [String] {
            switch lookup {
            case let .post(number): return [store.posts[number].path]
            case let .several(numbers): return numbers.map { store.posts[$0].path }
            case .none: return []
            }
        }
        XCTAssertEqual(path(store.lookup("language-release", preferring: "fr-FR")), ["fr/_posts/2024-05-01-language-release.md"])
        XCTAssertEqual(path(store.lookup("language-release", preferring: "pt")), ["_posts/pt-br/2024-05-01-language-release.md"])
        guard case let .several(all) = store.lookup("language-release", preferring: "de") else { return XCTFail("ambiguous") }
        XCTAssertEqual(all.count, 3)
        guard case .several = store.lookup("language-release", preferring: nil) else { return XCTFail("ambiguous") }
        XCTAssertEqual(path(store.lookup("language-security", preferring: nil)), ["_posts/pt-br/2024-05-08-language-security.md"])
    }

    func testTheLanguageFilterCombinesWithTags() throws {
        let store = try loadStore(Fixtures.site("jekyll"))
        let titles = { (query: PostQuery) in store.matches(query).map { store.posts[$0].title } }
        XCTAssertEqual(titles(PostQuery(languages: store.languages(named: "fr"))), ["Notes de version", "La version 2.0 est sortie"])
        XCTAssertEqual(titles(PostQuery(requiredTags: ["security"], languages: store.languages(named: "pt_br"))), ["SEGURANÇA: atualize já"])
        XCTAssertEqual(titles(PostQuery(languages: store.languages(named: "de"))), [], "a language the blog lacks leaves nothing")
        XCTAssertEqual(titles(PostQuery(requiredTags: ["release"], excludedLanguages: ["fr", "fr-FR", "pt-BR"])), ["Release 2.0 is out"])
    }

    /// Where each generator's documentation puts a language's folder.
    func testLanguageFoldersOfEveryLayout() {
        XCTAssertEqual(LanguageTag.ofFolder("content/fr/posts", layout: .hugoOrZola), "fr")
        XCTAssertNil(LanguageTag.ofFolder("content/posts/it", layout: .hugoOrZola), "only the folder under content/")
        XCTAssertEqual(LanguageTag.ofFolder("src/content/blog/pt-br", layout: .astro), "pt-BR")
        XCTAssertEqual(LanguageTag.ofFolder("src/es/blog", layout: .plain), "es", "Eleventy's src/es/")
        XCTAssertEqual(LanguageTag.ofFolder("ja/posts", layout: .plain), "ja")
        XCTAssertEqual(LanguageTag.ofFolder("en/news/_posts", layout: .jekyll), "en")
        XCTAssertEqual(LanguageTag.ofFolder("_posts/de", layout: .jekyll), "de")
        XCTAssertNil(LanguageTag.ofFolder("_posts/2024", layout: .jekyll))
    }

    func testASitesDefaultLanguageIsReadFromItsConfiguration() {
        XCTAssertEqual(LanguageTag.siteDefault(configuration: "title = \"x\"\ndefaultContentLanguage = \"pt-br\"\n"), "pt-BR")
        XCTAssertEqual(LanguageTag.siteDefault(configuration: "defaultcontentlanguage: de\n"), "de", "Hugo's keys ignore case")
        XCTAssertEqual(LanguageTag.siteDefault(configuration: "{\n  \"defaultContentLanguage\": \"fr\",\n}"), "fr")
        XCTAssertEqual(LanguageTag.siteDefault(configuration: "base_url = \"/\"\ndefault_language = \"ja\"\n"), "ja", "Zola")
        XCTAssertNil(LanguageTag.siteDefault(configuration: "params:\n  defaultContentLanguage: de\n"), "nested: not the site's")
        XCTAssertNil(LanguageTag.siteDefault(configuration: "title = \"Only English, unsaid\"\n"))
    }

    func testTagsAreNormalizedAndNamesMustBeCodes() {
        XCTAssertEqual(LanguageTag.normalized("pt_BR.UTF-8"), "pt-BR")
        XCTAssertEqual(LanguageTag.normalized("ZH-hans"), "zh-Hans")
        XCTAssertEqual(LanguageTag.normalized("zh-hant-tw"), "zh-Hant", "eight bytes at most: the language and script")
        XCTAssertEqual(LanguageTag.normalized("es-419"), "es-419")
        XCTAssertNil(LanguageTag.normalized("C.UTF-8"))
        XCTAssertNil(LanguageTag.normalized("POSIX"))
        XCTAssertEqual(LanguageTag.fromName("pt-br"), "pt-BR")
        XCTAssertNil(LanguageTag.fromName("posts"))
        XCTAssertNil(LanguageTag.fromName("go"), "a topic folder, not ISO 639-1")
        XCTAssertEqual(LanguageTag.splitName("about.fr")?.name, "about")
        XCTAssertNil(LanguageTag.splitName("v1.2"))
        let environment = ["LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"]
        XCTAssertEqual(LanguageTag.ofLocale { environment[$0] }, "fr-FR")
        XCTAssertEqual(LanguageTag.ofLocale { ["LC_ALL": "C", "LANG": "de_DE"][$0] }, nil, "LC_ALL wins, and C names no language")
        XCTAssertEqual(LanguageTag.best(of: ["en", "fr", "fr-CA"], for: "fr-FR"), "fr")
        XCTAssertEqual(LanguageTag.best(of: ["en", "pt-BR"], for: "pt-PT"), "pt-BR")
        XCTAssertNil(LanguageTag.best(of: ["en"], for: "de-DE"))
    }
}
