import BylineCore
import BylineMarkdown
import BylineTestSupport
import XCTest

/// A patched store says where each old post went (`StoreChanges.renumbering`), and the reader takes it
/// without hashing every path: the state after such an update is the state a by-path update gives (the
/// reader on its rewritten post, the selection, the note, the bodies dropped and kept, the results).
final class LiveReloadRenumberingTests: XCTestCase {
    func testARenumberedUpdateGivesTheStateAByPathUpdateGives() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [x]\n---\n" + (1...80).map { "Line \($0) of A." }.joined(separator: "\n\n") + "\n")
        try folder.write("b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nBody B.\n")
        try folder.write("d.md", "---\ntitle: D\ndate: 2023-05-05\ntags: [x]\n---\nBody D.\n")
        let (first, firstRead) = try PostStore.loadKeepingReads(root: folder.path, inspector: CmarkBodyInspector())
        var base = PostStore.PatchBase(store: first, posts: first.posts.indices.map { firstRead.file($0, of: first).post } + firstRead.others.map(\.post),
                                       finderDiagnostics: firstRead.folderDiagnostics, includeDrafts: false)
        var state = AppState(store: first, blogName: "b", width: 80, height: 24)
        // Marks by path: d read, a saved, and c (not in the blog yet, back with the reload) read.
        var marks = ReadingState()
        for (path, mark) in [("d.md", PostMarks(read: true)), ("a.md", PostMarks(saved: true)), ("c.md", PostMarks(read: true))] {
            marks.posts[path] = StoredPost(key: PostKey(slug: String(path.dropLast(3)), path: path), marks: mark, firstSeen: 0)
        }
        AppFixture.send(&state, .resize(width: 80, height: 24), .readingStateLoaded(marks), .moveDown, .openPost, .pageDown)
        XCTAssertEqual(state.selected.map { state.store.posts[$0].path }, "a.md")
        let old = ["a.md", "b.md"].map { path in firstRead.file(first.number(of: path)!, of: first) }

        // a.md rewritten with a later date (it moves up), b.md removed, c.md new.
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-02-01\ntags: [x]\n---\n" + (1...80).map { "Line \($0) of a." }.joined(separator: "\n\n") + "\n")
        try folder.write("c.md", "---\ntitle: C\ndate: 2024-01-03\n---\nBody C.\n")
        try FileManager.default.removeItem(atPath: folder.path + "/b.md")
        let (fresh, freshRead) = try PostStore.loadKeepingReads(root: folder.path, inspector: CmarkBodyInspector())
        let new = ["a.md", "c.md"].map { path in freshRead.file(fresh.number(of: path)!, of: fresh) }
        let patched = try XCTUnwrap(PostStore.patch(&base, old: old, new: new, documents: [:], includeDrafts: false))
        XCTAssertEqual(patched.store.posts, fresh.posts)
        XCTAssertEqual(patched.store.tags.tags, fresh.tags.tags)
        XCTAssertEqual(patched.renumbering.newNumbers, [-1, 0, 2], "b (newest) gone, a moved to the top, d last")
        XCTAssertEqual(patched.renumbering.reread, [1])

        var byPath = state, renumbered = state
        let effectsByPath = Reducer.reduce(&byPath, .storeReplaced(StoreUpdate(patched.store, serial: 1, changes:
            StoreChanges(reread: ["a.md", "c.md"], announced: true))))
        let effectsRenumbered = Reducer.reduce(&renumbered, .storeReplaced(StoreUpdate(patched.store, serial: 1, changes:
            StoreChanges(reread: ["a.md", "c.md"], announced: true, renumbering: patched.renumbering))))
        XCTAssertEqual(renumbered, byPath)
        XCTAssertEqual(effectsRenumbered, effectsByPath)
        XCTAssertEqual(renumbered.readerPost.map { renumbered.store.posts[$0].path }, "a.md", "the reader stays on its post")
        XCTAssertEqual(renumbered.note, "1 new post, 1 post changed, 1 post removed")
        // The unread counts' marks carried through the renumbering, the new post's found by its path.
        XCTAssertEqual(renumbered.markSets, MarkSets(reading: renumbered.reading, store: renumbered.store, numbering: renumbered.numbering))
        XCTAssertEqual(Array(renumbered.markSets.read).map { renumbered.store.posts[$0].path }.sorted(), ["a.md", "c.md", "d.md"])
        XCTAssertEqual(Array(renumbered.markSets.saved).map { renumbered.store.posts[$0].path }, ["a.md"])
    }

    /// A renumbering of another store (its count differs) is not trusted: posts are found by path.
    func testARenumberingOfAnotherStoreIsIgnored() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nBody A.\n")
        var state = AppState(store: try PostStore.load(root: folder.path, inspector: CmarkBodyInspector()), blogName: "b", width: 80, height: 24)
        AppFixture.send(&state, .resize(width: 80, height: 24))
        try folder.write("b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nBody B.\n")
        let next = try PostStore.load(root: folder.path, inspector: CmarkBodyInspector())
        let wrong = PostStore.Renumbering(newNumbers: [0, 1, 2], reread: [])
        _ = Reducer.reduce(&state, .storeReplaced(StoreUpdate(next, serial: 1, changes: StoreChanges(reread: ["b.md"], announced: true, renumbering: wrong))))
        XCTAssertEqual(state.selected.map { state.store.posts[$0].path }, "a.md")
        XCTAssertEqual(state.note, "1 new post")
    }
}
