import BylineCore
import BylineTestSupport
import XCTest

/// Live reload in the reducer: a change of the folder asks for a refresh and changes nothing else; a
/// reloaded store says what changed on the status line, keeps the selection and the reader's place,
/// and drops the body of a post whose file was rewritten, though its front matter and size stayed.
final class LiveReloadReducerTests: XCTestCase {
    func testAChangedFolderAsksForARefreshAndChangesNothingElse() throws {
        var state = try AppFixture.state()
        let before = state
        XCTAssertEqual(Reducer.reduce(&state, .folderChanged), [.refreshBlog])
        XCTAssertEqual(state, before, "the refresh is asked for, not shown")
    }

    func testTheNoteCountsNewChangedAndRemovedPosts() {
        XCTAssertNil(StoreChanges.Counts().note)
        XCTAssertEqual(StoreChanges.Counts(added: 2).note, "2 new posts")
        XCTAssertEqual(StoreChanges.Counts(changed: 1).note, "1 post changed")
        XCTAssertEqual(StoreChanges.Counts(removed: 1).note, "1 post removed")
        XCTAssertEqual(StoreChanges.Counts(added: 1_000, changed: 3, removed: 2).note, "1,000 new posts, 3 posts changed, 2 posts removed")
    }

    func testARewrittenPostIsReadAgainInTheReaderAtItsPlace() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n" + (1...80).map { "Line \($0) of A." }.joined(separator: "\n\n") + "\n")
        try folder.write("b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nBody B.\n")
        var state = AppState(store: try loadStore(folder.path), blogName: "b", width: 80, height: 24)
        AppFixture.send(&state, .resize(width: 80, height: 24), .moveDown, .openPost, .pageDown)
        guard case let .reading(reader) = state.mode else { return XCTFail("not reading: \(state.mode)") }
        XCTAssertGreaterThan(reader.scroll, 0)
        let selectedPath = state.selected.map { state.store.posts[$0].path }
        XCTAssertEqual(selectedPath, "a.md")
        // The same size and front matter: only the stamp tells the file was written again.
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n" + (1...80).map { "Line \($0) of a." }.joined(separator: "\n\n") + "\n")
        try folder.write("c.md", "---\ntitle: C\ndate: 2024-01-03\n---\nBody C.\n")
        try FileManager.default.removeItem(atPath: folder.path + "/b.md")
        let changes = StoreChanges(reread: ["a.md", "c.md"], announced: true)
        let effects = Reducer.reduce(&state, .storeReplaced(StoreUpdate(try loadStore(folder.path), serial: 1, changes: changes)))
        let post = try XCTUnwrap(state.readerPost)
        XCTAssertEqual(state.store.posts[post].path, "a.md", "the reader stays on its post")
        XCTAssertEqual(state.selected.map { state.store.posts[$0].path }, "a.md", "and the selection with it")
        XCTAssertNil(state.loaded[post], "the rewritten body is dropped")
        XCTAssertTrue(effects.contains(.loadBody(post)), "and read again: \(effects)")
        guard case let .reading(after) = state.mode else { return XCTFail("not reading: \(state.mode)") }
        XCTAssertEqual(after.scroll, reader.scroll, "at the same place")
        XCTAssertEqual(state.note, "1 new post, 1 post changed, 1 post removed", "a new file is new, not changed")
    }

    func testAQuietRefreshSaysNothing() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nBody A.\n")
        var state = AppState(store: try loadStore(folder.path), blogName: "b", width: 80, height: 24)
        try folder.write("b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nBody B.\n")
        _ = Reducer.reduce(&state, .storeReplaced(StoreUpdate(try loadStore(folder.path), serial: 1, changes: StoreChanges(reread: ["b.md"]))))
        XCTAssertEqual(state.store.posts.count, 2)
        XCTAssertNil(state.note, "the look behind a cached first screen is not news")
    }
}
