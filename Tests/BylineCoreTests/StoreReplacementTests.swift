import BylineMarkdown
import BylineTestSupport
import XCTest
@testable import BylineCore

/// The reader takes a newly loaded or refreshed store without losing its place, and says what runs in
/// the background.
final class StoreReplacementTests: XCTestCase {
    private func statusLine(_ state: AppState) -> String {
        let screen = AppView.render(state)
        return screen.rows[state.height - 1]
    }

    func testLoadingStartsEmptyWithProgressAndEndsWithTheStore() throws {
        let store = try loadStore(Fixtures.shippedPosts)
        let empty = PostStore.assemble(root: store.root, realRoot: store.realRoot, layout: .plain, entries: [],
                                       finderDiagnostics: [], includeDrafts: false)
        var state = AppState(store: empty, blogName: "posts", width: 120, height: 40)
        AppFixture.send(&state, .resize(width: 120, height: 40), .progress(.init(verb: "loading", done: 43_000, total: 100_000)))
        XCTAssertTrue(statusLine(state).hasPrefix(" loading 43,000 of 100,000 posts · "), statusLine(state))
        XCTAssertFalse(statusLine(state).contains("0 of 0 posts"), "no count beside the loading one")
        // Keys answer while loading.
        AppFixture.send(&state, .moveDown, .focusNextPane, .showHelp, .back)
        AppFixture.send(&state, .storeReplaced(StoreUpdate(store, serial: 1)), .progress(nil))
        XCTAssertEqual(state.results.count, 14)
        XCTAssertEqual(state.selected, 0)
        XCTAssertNotNil(state.loaded[0], "the selected post's body is asked for once there are posts")
        XCTAssertTrue(statusLine(state).hasPrefix(" 14 of 14 posts · "), statusLine(state))
        XCTAssertFalse(statusLine(state).contains("loading"))
    }

    func testARefreshedStoreKeepsTheSelectionTheFilterAndTheSearch() throws {
        let folder = try TempFolder()
        for (index, tags) in [["go"], ["go", "rust"], ["rust"], ["go"]].enumerated() {
            try folder.write("p\(index).md", "---\ntitle: Post \(index)\ndate: 2024-01-0\(index + 1)\ntags: [\(tags.joined(separator: ", "))]\n---\nWords of post \(index).\n")
        }
        var state = AppState(store: try loadStore(folder.path), blogName: "b", width: 120, height: 40)
        AppFixture.send(&state, .resize(width: 120, height: 40))
        state.tagStates["go"] = .required
        AppFixture.send(&state, .startSearch, .insertText("words"), .submitPrompt, .moveDown)
        let selectedPath = state.store.posts[state.selected!].path
        XCTAssertEqual(state.results.map { state.store.posts[$0].path }, ["p3.md", "p1.md", "p0.md"])

        // A newer post arrives, one is removed; the numbers of the others change.
        try folder.write("p9.md", "---\ntitle: Newest\ndate: 2025-01-01\ntags: [go]\n---\nWords too.\n")
        try FileManager.default.removeItem(atPath: folder.path + "/p0.md")
        let refreshed = try loadStore(folder.path)
        var effects = Reducer.reduce(&state, .storeReplaced(StoreUpdate(refreshed, serial: 2)))
        XCTAssertTrue(effects.contains(.search(state.query)), "the search runs again on the new store")
        XCTAssertEqual(state.pendingSearch, state.query)
        XCTAssertTrue(statusLine(state).contains("searching"))
        AppFixture.settle(&state, effects)
        effects = []
        XCTAssertNil(state.pendingSearch)
        XCTAssertEqual(state.results.map { state.store.posts[$0].path }, ["p9.md", "p3.md", "p1.md"])
        XCTAssertEqual(state.store.posts[state.selected!].path, selectedPath, "the same post stays selected")
        XCTAssertEqual(state.tagStates, ["go": .required])
        XCTAssertEqual(state.search, "words")
        XCTAssertEqual(state.orderedTags, state.countedTags, "tag rows are counted in the new store")
        XCTAssertEqual(state.results, state.store.matches(state.query))
    }

    /// A first start's store comes back from the cache build searching through the new index: the very
    /// same posts, so the reader keeps its place, bodies and layouts as they are (no path is looked up),
    /// and a search under way runs again, through the index.
    func testTheSamePostsSearchingThroughANewCacheKeepEverything() throws {
        struct Everything: PostSearchIndex {
            let count: Int
            func documents(matchingAll terms: [SearchTerm]) -> [Int64]? { (0..<Int64(count)).map { $0 } }
        }
        let store = try loadStore(Fixtures.shippedPosts)
        var state = AppState(store: store, blogName: "posts", width: 120, height: 40)
        AppFixture.send(&state, .resize(width: 120, height: 40), .moveDown, .moveDown)
        let cache = ViewCache()
        _ = AppView.render(state, cache)
        let (selected, results, loaded) = (state.selected, state.results, state.loaded.keys.sorted())
        let (layouts, tagRows, numbering) = (cache.layoutCount, state.orderedTags, state.numbering)
        XCTAssertEqual(selected, 2)
        XCTAssertFalse(loaded.isEmpty)
        let indexed = store.searching(with: Everything(count: store.posts.count), documentIDs: store.posts.indices.map { Int64($0) })
        XCTAssertTrue(indexed.holdsSamePosts(as: state.store))
        var effects = Reducer.reduce(&state, .storeReplaced(StoreUpdate(indexed, serial: 1)))
        XCTAssertTrue(effects.isEmpty, "\(effects)")
        XCTAssertNotNil(state.store.searchIndex)
        XCTAssertEqual(state.selected, selected)
        XCTAssertEqual(state.results, results)
        XCTAssertEqual(state.loaded.keys.sorted(), loaded, "parsed bodies are kept")
        XCTAssertEqual(state.numbering, numbering, "post numbers mean the same posts")
        XCTAssertEqual(state.orderedTags, tagRows, "and what was counted")
        _ = AppView.render(state, cache)
        XCTAssertEqual(cache.layoutCount, layouts, "and the next frame finds what was laid out")

        // With a search under way, it runs again on the store that has the index.
        AppFixture.send(&state, .startSearch, .insertText("the"), .submitPrompt)
        effects = Reducer.reduce(&state, .storeReplaced(StoreUpdate(indexed, serial: 2)))
        XCTAssertTrue(effects.contains(.search(state.query)))

        // Equal posts loaded again are not the same posts: their numbers are found again by path.
        let again = try loadStore(Fixtures.shippedPosts)
        XCTAssertEqual(again.posts, store.posts)
        XCTAssertFalse(again.holdsSamePosts(as: store))
    }

    func testAPostReadWhileTheStoreChangesStaysOpen() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nBody A.\n")
        try folder.write("b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nBody B.\n")
        var state = AppState(store: try loadStore(folder.path), blogName: "b", width: 120, height: 40)
        AppFixture.send(&state, .resize(width: 120, height: 40), .moveDown, .openPost)
        XCTAssertEqual(state.readerPost.map { state.store.posts[$0].path }, "a.md")
        try folder.write("c.md", "---\ntitle: C\ndate: 2024-01-03\n---\nBody C.\n")
        AppFixture.send(&state, .storeReplaced(StoreUpdate(try loadStore(folder.path), serial: 1)))
        XCTAssertEqual(state.readerPost.map { state.store.posts[$0].path }, "a.md")
        XCTAssertNotNil(state.loaded[state.readerPost!], "an unchanged post keeps its parsed body")
        // The post's file went away: the reader goes back to the list.
        try FileManager.default.removeItem(atPath: folder.path + "/a.md")
        AppFixture.send(&state, .storeReplaced(StoreUpdate(try loadStore(folder.path), serial: 2)))
        XCTAssertNil(state.readerPost)
        XCTAssertEqual(state.mode, .browsing)
    }

    func testASearchThatReadsBodiesTellsHowFarItGot() throws {
        var state = try AppFixture.state()
        let effects = Reducer.reduce(&state, .startSearch) + Reducer.reduce(&state, .insertText("latenc"))
        XCTAssertTrue(effects.contains(.search(state.query)))
        XCTAssertTrue(statusLine(state).contains("posts · searching"), statusLine(state))
        _ = Reducer.reduce(&state, .searchProgress(SearchPartial(query: state.query, found: [], settledThrough: -1, done: 2048, total: 100_000)))
        XCTAssertTrue(statusLine(state).contains("searching 2,048 of 100,000"), statusLine(state))
        _ = Reducer.reduce(&state, .searchFinished(query: state.query, results: state.store.matches(state.query)))
        XCTAssertFalse(statusLine(state).contains("searching"), statusLine(state))
        XCTAssertEqual(state.results.count, 1)
    }

    func testTheScanSettlesItsFirstResultsInListOrder() throws {
        let folder = try TempFolder()
        for number in 0..<5000 { try folder.write("p\(number).md", "---\ntitle: P\(number)\n---\nword\(number % 7)\n") }
        let store = try loadStore(folder.path)
        let query = PostQuery(search: "word3")
        var reports: [SearchPartial] = []
        let found = try XCTUnwrap(store.matches(query, cancelled: { false }, progress: { reports.append($0) }))
        XCTAssertEqual(found.count, 5000 / 7 + (5000 % 7 > 3 ? 1 : 0))
        // Small blocks first, so the first screen of results is settled early.
        XCTAssertEqual(reports.map(\.done), [256, 768, 1792, 3840, 5000])
        XCTAssertTrue(reports.allSatisfy { $0.total == 5000 && $0.query == query })
        XCTAssertEqual(reports.map(\.settledThrough), [255, 767, 1791, 3839, 4999])
        for report in reports {
            XCTAssertEqual(report.found, found.filter { $0 <= report.settledThrough }, "settled results are the first final ones")
        }
    }
}
