@testable import BylineCore
import BylineTestSupport
import XCTest

/// Issue 17: a blog in several languages gets a Languages section in the tag pane, toggled with the
/// tag keys, and the reader starts in the reader's language when the blog has it.
final class LanguagePaneTests: XCTestCase {
    let golden = Golden()

    private func state(readerLanguage: String?, width: Int = 120, height: Int = 40) throws -> AppState {
        let store = try languagePosts()
        var state = AppState(store: store, blogName: "jekyll", width: width, height: height, readerLanguage: readerLanguage)
        AppFixture.settle(&state, Reducer.reduce(&state, .resize(width: width, height: height)))
        return state
    }

    /// The jekyll fixture site's language posts (`*language-*`) alone: the site holds other posts of issue 17
    /// too, whose tags and counts would be rows here.
    private func languagePosts() throws -> PostStore {
        let site = try loadStore(Fixtures.site("jekyll"))
        let mine = site.posts.indices.filter { site.posts[$0].path.contains("language-") }.map {
            PostStore.LoadedFile(path: site.posts[$0].path, absolutePath: site.absolutePath(of: $0), stamp: nil, post: site.posts[$0], diagnostics: [])
        }
        return PostStore.assemble(root: site.root, realRoot: site.realRoot, layout: site.layout, entries: mine, finderDiagnostics: [],
                                  includeDrafts: false)
    }

    private func titles(_ state: AppState) -> [String] { state.results.map { state.store.posts[$0].title } }

    func testTheReaderStartsInItsLanguageAndOneKeyShowsAll() throws {
        var state = try state(readerLanguage: "pt-PT")
        XCTAssertEqual(titles(state), ["SEGURANÇA: atualize já", "A versão 2.0 foi lançada"], "pt-PT reads the blog's pt-BR")
        XCTAssertEqual(state.filterDescription, "in pt-BR")
        XCTAssertEqual(state.note, "showing the posts in pt-BR, your language; c shows every post")
        let statusLine = AppView.render(state).rows.last ?? ""
        XCTAssertTrue(statusLine.contains("showing the posts in pt-BR, your language; c shows every post"), statusLine)
        AppFixture.send(&state, .clearFilter)
        XCTAssertEqual(state.results.count, 5)
        XCTAssertNil(state.readerLanguage, "the start is not repeated")

        XCTAssertEqual(try self.state(readerLanguage: "de-DE").results.count, 5, "a language the blog lacks filters nothing")
        XCTAssertEqual(try self.state(readerLanguage: nil).results.count, 5)
    }

    func testTheReaderWaitsForThePostsBeforeChoosing() throws {
        let loaded = try loadStore(Fixtures.site("jekyll"))
        let empty = PostStore.assemble(root: loaded.root, realRoot: loaded.realRoot, layout: .plain, entries: [], finderDiagnostics: [],
                                       includeDrafts: false)
        var state = AppState(store: empty, blogName: "jekyll", width: 120, height: 40, readerLanguage: "fr")
        XCTAssertEqual(state.readerLanguage, "fr")
        AppFixture.send(&state, .storeReplaced(StoreUpdate(loaded, serial: 1)))
        XCTAssertEqual(titles(state), ["Notes de version", "La version 2.0 est sortie"], "fr takes fr-FR too: one language")
        XCTAssertEqual(state.note, "showing the posts in fr and fr-FR, your language; c shows every post")
        XCTAssertEqual(LanguageTag.sameLanguage(in: ["pt-BR", "en", "fr", "fr-FR"], as: "fr-CA"), ["fr", "fr-FR"])
        XCTAssertEqual(LanguageTag.sameLanguage(in: ["pt-BR", "en", "fr"], as: "pt"), ["pt-BR"])
        XCTAssertEqual(LanguageTag.sameLanguage(in: ["pt-BR", "en"], as: "de-DE"), [])
    }

    func testLanguagesAreRowsUnderAHeadingToggledLikeTags() throws {
        var state = try state(readerLanguage: nil, width: 80, height: 24)
        let rows = state.orderedTags
        XCTAssertEqual(rows.map(\.name), ["release", "security", "Languages", "pt-BR", "en", "fr", "fr-FR"])
        XCTAssertEqual(rows.map(\.count), [4, 1, 0, 2, 1, 1, 1])
        AppFixture.send(&state, .focusTags, .moveDown, .moveDown)
        XCTAssertEqual(state.tagCursor, rows[3].key, "the heading is passed over")
        AppFixture.send(&state, .moveUp)
        XCTAssertEqual(state.tagCursor, rows[1].key)
        // Tag rows move as their counts among the results change; the cursor is put on a row by its key.
        for language in ["en", "fr"] {
            state.tagCursor = AppState.languageKeyPrefix + language
            AppFixture.send(&state, .toggleRequired)
        }
        XCTAssertEqual(state.filterDescription, "in en or fr")
        XCTAssertEqual(titles(state), ["La version 2.0 est sortie", "Release 2.0 is out"])
        state.tagCursor = "security"
        AppFixture.send(&state, .toggleExcluded)
        XCTAssertEqual(state.filterDescription, "NOT security AND in en or fr")
        golden.assert(Golden.text(of: AppView.render(state)), named: "languages.80x24.txt")
    }
}
