@testable import BylineCore
import BylineTestSupport
import Foundation
import XCTest

/// Unread counts beside each tag: counted in the same pass as the tag's posts among the results, from
/// the read marks kept by post number (`MarkSets`), shown as `3/14` (or `14` with nothing unread).
final class UnreadCountTests: XCTestCase {
    let golden = Golden()

    /// The shipped blog with `read` posts read and `saved` saved, the state loaded.
    private func state(read: Set<Int>, saved: Set<Int> = [], width: Int = 120, height: Int = 40,
                       glyphs: Glyphs = .unicode) throws -> AppState {
        var state = try AppFixture.state(width: width, height: height, glyphs: glyphs)
        var loaded = ReadingState()
        for (number, post) in state.store.posts.enumerated() where read.contains(number) || saved.contains(number) {
            loaded.posts[post.path] = StoredPost(key: PostKey(post), marks: PostMarks(read: read.contains(number), saved: saved.contains(number)),
                                                 firstSeen: 0)
        }
        AppFixture.send(&state, .readingStateLoaded(loaded))
        return state
    }

    /// Each row's counts as a plain scan finds them: the row's posts among the results, and those whose
    /// marks (looked up by path) are not read.
    private func scanned(_ state: AppState, _ row: AppState.TagRow) -> (count: Int, unread: Int) {
        let members: [Int]
        if row.key == AppState.savedKey {
            members = state.results.filter { state.marks(of: $0).saved }
        } else {
            let tag = state.store.tags.tag(named: row.key)!
            members = state.results.filter { tag.posts.contains($0) }
        }
        return (members.count, members.filter { !state.marks(of: $0).read }.count)
    }

    func assertRowsAsScanned(_ state: AppState, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(state.orderedTags.isEmpty, file: file, line: line)
        for row in state.orderedTags where !row.isHeading {
            let expected = scanned(state, row)
            XCTAssertEqual(row.count, expected.count, "count of \(row.name)", file: file, line: line)
            XCTAssertEqual(row.unread, expected.unread, "unread of \(row.name)", file: file, line: line)
        }
        XCTAssertEqual(state.markSets, MarkSets(reading: state.reading, store: state.store, numbering: state.numbering),
                       "the sets by number agree with the state by path", file: file, line: line)
    }

    // MARK: Counting

    func testBothCountsComeFromOnePassAndAgreeWithSeparateCounts() {
        var random = SplitMix(seed: 19)
        for capacity in [0, 1, 63, 64, 65, 200, 1_000] {
            func randomSet() -> PostSet { PostSet(capacity: capacity, members: (0..<capacity).filter { _ in random.next() % 3 == 0 }) }
            let (tag, current, read) = (randomSet(), randomSet(), randomSet())
            let counts = tag.intersectionCounts(current, outside: read)
            XCTAssertEqual(counts.all, tag.intersectionCount(current), "capacity \(capacity)")
            XCTAssertEqual(counts.unmarked, tag.intersection(current).subtracting(read).count, "capacity \(capacity)")
        }
    }

    func testNoUnreadCountsBeforeTheStateIsIn() throws {
        let state = try AppFixture.state()
        XCTAssertFalse(state.showsReadingMarks)
        XCTAssertTrue(state.orderedTags.allSatisfy { $0.unread == 0 })
    }

    func testEachRowCountsItsUnreadPostsAmongTheResults() throws {
        let state = try state(read: [0, 1, 4, 9], saved: [1, 2, 7])
        assertRowsAsScanned(state)
        let backend = state.orderedTags.first { $0.key == "backend" }!
        XCTAssertEqual(backend.count, 14)
        XCTAssertEqual(backend.unread, 10)
        XCTAssertEqual(state.orderedTags.first, AppState.TagRow(key: AppState.savedKey, name: "★ saved", count: 3, unread: 2, state: .off))
    }

    func testTheCountsFollowTheFilterTheKeysAndTheSort() throws {
        var state = try state(read: [0, 2, 3], saved: [0, 5])
        AppFixture.send(&state, .focusTags)
        state.tagCursor = "go"
        AppFixture.send(&state, .toggleRequired)
        assertRowsAsScanned(state)
        AppFixture.send(&state, .focusNextPane, .toggleRead, .moveDown, .toggleRead, .toggleSaved)
        assertRowsAsScanned(state)
        AppFixture.send(&state, .markAllRead)
        assertRowsAsScanned(state)
        XCTAssertTrue(state.orderedTags.allSatisfy { $0.unread == 0 }, "counted among the results, all read now")
        AppFixture.send(&state, .clearFilter)
        assertRowsAsScanned(state)
        AppFixture.send(&state, .toggleTagSort)
        assertRowsAsScanned(state)
    }

    func testAToggleOfReadRecountsTheTagsOfThePost() throws {
        let start = try state(read: [])
        let tags = Set(start.store.posts[0].tags)
        var state = start
        AppFixture.send(&state, .toggleRead)
        XCTAssertTrue(state.marks(of: 0).read)
        for (before, after) in zip(start.orderedTags, state.orderedTags) {
            XCTAssertEqual(after.count, before.count)
            XCTAssertEqual(after.unread, before.unread - (tags.contains(before.key) ? 1 : 0), before.name)
        }
        AppFixture.send(&state, .toggleRead)
        XCTAssertEqual(state.orderedTags, start.orderedTags, "unread again: the counts as they were")
    }

    func testANewStoreNumbersTheReadMarksByPathAgain() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [x, y]\n---\nBody A.\n")
        try folder.write("b.md", "---\ntitle: B\ndate: 2024-01-02\ntags: [x]\n---\nBody B.\n")
        var state = AppState(store: try loadStore(folder.path), blogName: "b", width: 120, height: 40)
        AppFixture.send(&state, .resize(width: 120, height: 40), .readingStateLoaded(ReadingState()))
        // The newest, b.md, is post 0: read it.
        AppFixture.send(&state, .toggleRead)
        XCTAssertTrue(state.reading.marks(of: "b.md").read)
        XCTAssertEqual(state.orderedTags.first { $0.key == "x" }?.unread, 1)
        // A newer post comes first: every number moves, the read mark stays with b.md.
        try folder.write("c.md", "---\ntitle: C\ndate: 2024-01-03\ntags: [x]\n---\nBody C.\n")
        AppFixture.send(&state, .storeReplaced(StoreUpdate(try loadStore(folder.path), serial: 1)))
        XCTAssertEqual(state.store.posts.map(\.path), ["c.md", "b.md", "a.md"])
        XCTAssertEqual(state.markSets.numbering, state.numbering)
        XCTAssertEqual(Array(state.markSets.read), [1])
        XCTAssertEqual(state.orderedTags.first { $0.key == "x" }?.unread, 2)
        XCTAssertEqual(state.orderedTags.first { $0.key == "x" }?.count, 3)
        assertRowsAsScanned(state)
    }

    func testWithoutAKeptStateTheSessionsMarksAreCounted() throws {
        // `--no-state`: the runtime answers with an empty state; marks made in the session count.
        var state = try state(read: [])
        AppFixture.send(&state, .toggleRead, .moveDown, .toggleRead)
        assertRowsAsScanned(state)
        XCTAssertEqual(state.orderedTags.first { $0.key == "backend" }?.unread, 12)
    }

    // MARK: Marks made off the input thread

    /// The shipped blog's state with posts 1, 4 and 6 read, 2 saved, and 0 and 3 new since the last visit.
    private func loaded(_ store: PostStore) -> ReadingState {
        var loaded = ReadingState(lastVisit: 100)
        for (number, post) in store.posts.enumerated() {
            let marks = PostMarks(read: [1, 4, 6].contains(number), saved: number == 2)
            loaded.posts[post.path] = StoredPost(key: PostKey(post), marks: marks, firstSeen: [0, 3].contains(number) ? 200 : 50)
        }
        return loaded
    }

    func testTheMarksMadeWhileLoadingAreTakenForTheSameStore() throws {
        let start = try AppFixture.state()
        let plain = loaded(start.store)
        var prepared = plain
        prepared.prepared = PreparedMarks(reading: plain, store: start.store)
        XCTAssertTrue(prepared.prepared!.isFor(start.store))
        XCTAssertEqual(prepared.prepared?.newSinceLastVisit, 2)
        XCTAssertEqual(Array(prepared.prepared!.read), [1, 4, 6])
        let (fromPrepared, effects) = reduce(start, .readingStateLoaded(prepared))
        // The same next state as from the state alone (the sets and the count made here instead).
        XCTAssertEqual(fromPrepared, reduce(start, .readingStateLoaded(plain)).0)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(fromPrepared.note, "welcome back — 2 new posts since your last visit")
        XCTAssertNil(fromPrepared.reading.prepared, "taken, not kept")
        assertRowsAsScanned(fromPrepared)
    }

    func testMarksMadeForAnotherStoreOrBeforeSessionMarksAreNotTaken() throws {
        let start = try AppFixture.state()
        // Made for another store of equal posts (another load): its numbers are not trusted.
        let other = try loadStore(Fixtures.shippedPosts)
        var everyRead = ReadingState()
        for post in other.posts { everyRead.posts[post.path] = StoredPost(key: PostKey(post), marks: PostMarks(read: true), firstSeen: 0) }
        var foreign = loaded(start.store)
        foreign.prepared = PreparedMarks(reading: everyRead, store: other)
        XCTAssertFalse(foreign.prepared!.isFor(start.store))
        let next = reduce(start, .readingStateLoaded(foreign)).0
        XCTAssertEqual(Array(next.markSets.read), [1, 4, 6])
        assertRowsAsScanned(next)
        // A post marked in the session before the state came: its mark stands over the loaded one.
        var state = start
        AppFixture.send(&state, .toggleSaved)
        var mine = loaded(start.store)
        mine.prepared = PreparedMarks(reading: mine, store: start.store)
        let merged = reduce(state, .readingStateLoaded(mine)).0
        XCTAssertTrue(merged.markSets.saved.contains(0))
        assertRowsAsScanned(merged)
    }

    // MARK: Drawing

    func testTheCountReadsAsUnreadOverTotalOrTheTotalAlone() {
        func text(count: Int, unread: Int) -> StyledLine {
            TagCountText.line(AppState.TagRow(key: "go", name: "go", count: count, unread: unread, state: .off))
        }
        XCTAssertEqual(text(count: 14, unread: 3), StyledLine([StyledSpan("3", .strong), StyledSpan("/14")]))
        XCTAssertEqual(text(count: 14, unread: 0), StyledLine("14"))
        XCTAssertEqual(text(count: 0, unread: 0), StyledLine("0", .meta))
        XCTAssertEqual(text(count: 12_000, unread: 1_500).text, "1,500/12,000")
    }

    /// Read: the newest four posts and the ninth; saved: the second and third; the `go` tag required.
    private func golden(width: Int, height: Int, glyphs: Glyphs = .unicode) throws -> AppState {
        var state = try state(read: [0, 1, 2, 3, 8], saved: [1, 2], width: width, height: height, glyphs: glyphs)
        AppFixture.send(&state, .keyPressed, .focusTags)
        state.tagCursor = "go"
        AppFixture.send(&state, .toggleRequired)
        return state
    }

    func testGoldenScreensWithUnreadCounts() throws {
        for (width, height) in [(120, 40), (80, 24), (40, 12)] {
            let state = try golden(width: width, height: height)
            golden.assert(Golden.text(of: AppView.render(state)), named: "unread-counts.\(width)x\(height).txt")
        }
        // ASCII glyphs and no colour: the counts are digits and a slash, the unread number bold (`strong`).
        let ascii = try golden(width: 80, height: 24, glyphs: .ascii)
        golden.assert(Golden.text(of: AppView.render(ascii)), named: "unread-counts-ascii.80x24.txt")
    }
}

extension UnreadCountTests {
    func testTheSetsOfAReloadAreTheSetsBuiltFromTheState() throws {
        var state = try AppFixture.state()
        var loaded = ReadingState()
        for (number, post) in state.store.posts.enumerated() where number % 3 == 0 {
            loaded.posts[post.path] = StoredPost(key: PostKey(post), marks: PostMarks(read: true, saved: number % 2 == 0), firstSeen: 0)
        }
        AppFixture.send(&state, .readingStateLoaded(loaded), .moveDown)
        let store = try loadStore(Fixtures.shippedPosts)
        let numbers = Dictionary(uniqueKeysWithValues: store.posts.enumerated().map { ($1.path, $0) })
        XCTAssertEqual(MarkSets(reading: state.reading, numbers: numbers, capacity: store.posts.count, numbering: 3),
                       MarkSets(reading: state.reading, store: store, numbering: 3))
        AppFixture.send(&state, .storeReplaced(StoreUpdate(store, serial: 9)))
        XCTAssertEqual(state.markSets.numbering, state.numbering)
        assertRowsAsScanned(state)
    }
}
