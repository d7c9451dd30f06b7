@testable import BylineCore
import XCTest

/// The reading state's actions, each compared as the whole next state with its effects.
final class ReadingStateReducerTests: XCTestCase {
    private var start: AppState!

    override func setUpWithError() throws {
        start = try AppFixture.state()
    }


    private func key(_ state: AppState, _ post: Int) -> PostKey { PostKey(state.store.posts[post]) }

    private func stored(_ state: AppState, _ post: Int, _ marks: PostMarks, firstSeen: Double = 0) -> StoredPost {
        StoredPost(key: key(state, post), marks: marks, firstSeen: firstSeen)
    }

    func testStartAsksForTheReadingStateOnceTheBlogHasPosts() {
        var (next, effects) = reduce(start, .start(.complete))
        var expected = start!
        expected.readingStateLoad = .asked
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.loadReadingState])
        (next, effects) = reduce(start, .start(.refresh))
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.refreshBlog, .loadReadingState])
        // Asked once: a refreshed store does not ask again.
        XCTAssertFalse(reduce(next, .storeReplaced(StoreUpdate(start.store, serial: 5))).1.contains(.loadReadingState))
    }

    func testAnEmptyFirstStoreAsksWhenTheBlogHasLoaded() throws {
        let empty = PostStore.assemble(root: start.store.root, realRoot: start.store.realRoot, layout: .plain, entries: [],
                                       finderDiagnostics: [], includeDrafts: false)
        var state = AppState(store: empty, blogName: "posts", width: 120, height: 40)
        XCTAssertEqual(Reducer.reduce(&state, .start(.load)), [.loadBlog])
        XCTAssertEqual(state.readingStateLoad, .awaitingPosts)
        let effects = Reducer.reduce(&state, .storeReplaced(StoreUpdate(start.store, serial: 1)))
        XCTAssertEqual(state.readingStateLoad, .asked)
        XCTAssertEqual(effects.filter { $0 == .loadReadingState }.count, 1)
        XCTAssertFalse(Reducer.reduce(&state, .storeReplaced(StoreUpdate(start.store, serial: 2))).contains(.loadReadingState))
    }

    func testTheLoadedStateIsTakenAndSaysWhatIsNewSinceTheLastVisit() {
        let loaded = ReadingState(posts: [
            start.store.posts[0].path: stored(start, 0, PostMarks(), firstSeen: 200),
            start.store.posts[1].path: stored(start, 1, PostMarks(), firstSeen: 300),
            start.store.posts[2].path: stored(start, 2, PostMarks(read: true), firstSeen: 50),
        ], lastVisit: 100)
        let (next, effects) = reduce(start, .readingStateLoaded(loaded))
        var expected = start!
        expected.reading = loaded
        expected.readingStateLoad = .loaded
        // The read marks by number, for the tag pane's unread counts (`UnreadCountTests`).
        expected.rebuildMarkSets()
        expected.note = "welcome back — 2 new posts since your last visit"
        // The tag pane's "saved" row comes with it (`SavedRowTests`).
        expected.orderedTags = expected.countedTags
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [])
        // With the visits' times, the day; with nothing new, that too.
        var timed = loaded
        timed.clock = VisitClock(lastVisit: LocalTime(seconds: 86_400 * 5, utcOffset: 0), now: LocalTime(seconds: 86_400 * 7, utcOffset: 0))
        XCTAssertEqual(reduce(start, .readingStateLoaded(timed)).0.note, "welcome back — 2 new posts since Tuesday")
        timed.lastVisit = 1000
        XCTAssertEqual(reduce(start, .readingStateLoaded(timed)).0.note, "welcome back — nothing new since Tuesday")
        // A first visit says nothing.
        var first = loaded
        first.lastVisit = nil
        XCTAssertNil(reduce(start, .readingStateLoaded(first)).0.note)
    }

    func testChangesMadeBeforeTheStateArrivedStandOverIt() {
        var state = start!
        AppFixture.send(&state, .toggleSaved)
        let loaded = ReadingState(posts: [start.store.posts[0].path: stored(start, 0, PostMarks(read: true), firstSeen: 7)], lastVisit: nil)
        let (next, _) = reduce(state, .readingStateLoaded(loaded))
        XCTAssertEqual(next.reading.posts[start.store.posts[0].path], stored(start, 0, PostMarks(saved: true), firstSeen: 7))
    }

    func testToggleReadAndSavedChangeTheSelectedPostAndAreSaved() {
        var (next, effects) = reduce(start, .toggleRead)
        var expected = start!
        expected.reading.posts[start.store.posts[0].path] = stored(start, 0, PostMarks(read: true))
        expected.rebuildMarkSets()
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.saveReadingState(ReadingStateChange([.init(key: key(start, 0), marks: PostMarks(read: true), fields: .read)]))])
        (next, effects) = reduce(next, .toggleSaved)
        expected.reading.posts[start.store.posts[0].path] = stored(start, 0, PostMarks(read: true, saved: true))
        expected.rebuildMarkSets()
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.saveReadingState(ReadingStateChange([.init(key: key(start, 0), marks: PostMarks(read: true, saved: true), fields: .saved)]))])
        (next, effects) = reduce(next, .toggleRead)
        expected.reading.posts[start.store.posts[0].path] = stored(start, 0, PostMarks(saved: true))
        expected.rebuildMarkSets()
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.saveReadingState(ReadingStateChange([.init(key: key(start, 0), marks: PostMarks(saved: true), fields: .read)]))])
    }

    func testMarkAllReadMarksEveryUnreadPostOfTheList() {
        var state = start!
        AppFixture.send(&state, .moveDown, .toggleRead)
        let (next, effects) = reduce(state, .markAllRead)
        var expected = state
        for post in state.results where post != 1 {
            expected.reading.posts[state.store.posts[post].path] = stored(state, post, PostMarks(read: true))
        }
        expected.rebuildMarkSets()
        expected.note = "13 marked read"
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.saveReadingState(ReadingStateChange(state.results.filter { $0 != 1 }.map {
            .init(key: key(state, $0), marks: PostMarks(read: true), fields: .read)
        }))])
        let (again, none) = reduce(next, .markAllRead)
        expected.note = "every post here is read"
        XCTAssertEqual(again, expected)
        XCTAssertEqual(none, [])
    }

    func testOpeningAPostMarksItReadAndReturnsToWhereItWasLeft() {
        var state = start!
        state.reading.posts[start.store.posts[0].path] = stored(start, 0, PostMarks(saved: true, position: ReadingPosition(line: 9, width: 120)))
        let (next, effects) = reduce(state, .openPost)
        var expected = state
        var reader = Reader(post: 0, scroll: 9)
        reader.intent = .keepInPost
        expected.mode = .reading(reader)
        expected.reading.posts[start.store.posts[0].path] = stored(start, 0, PostMarks(read: true, saved: true,
                                                                                     position: ReadingPosition(line: 9, width: 120)))
        expected.rebuildMarkSets()
        expected.clampPositions()
        XCTAssertEqual(next, expected)
        XCTAssertEqual(effects, [.saveReadingState(ReadingStateChange([
            .init(key: key(start, 0), marks: PostMarks(read: true, saved: true, position: ReadingPosition(line: 9, width: 120)), fields: .read,
                  opened: true),
        ]))])
    }

    func testAPositionLeftAtAnotherWidthIsTakenInProportion() {
        var state = start!
        state.reading.posts[start.store.posts[0].path] = stored(start, 0, PostMarks(position: ReadingPosition(line: 30, width: 60)))
        let (next, _) = reduce(state, .openPost)
        XCTAssertEqual(next.openReader?.scroll, 15)
    }

    func testLeavingThePostKeepsWhereItWasLeft() {
        var state = start!
        AppFixture.send(&state, .openPost, .pageDown)
        let line = state.openReader!.scroll
        XCTAssertGreaterThan(line, 0)
        let (next, effects) = reduce(state, .back)
        let marks = PostMarks(read: true, position: ReadingPosition(line: line, width: 120))
        XCTAssertEqual(next.reading.posts[start.store.posts[0].path], stored(start, 0, marks))
        XCTAssertEqual(next.mode, .browsing)
        XCTAssertEqual(effects, [.saveReadingState(ReadingStateChange([.init(key: key(start, 0), marks: marks, fields: .position)]))])
        // Back at the top: no position is kept.
        AppFixture.send(&state, .moveToFirst)
        XCTAssertEqual(reduce(state, .back).1, [.saveReadingState(ReadingStateChange([.init(key: key(start, 0), marks: PostMarks(read: true), fields: .position)]))])
    }

    func testNextPostInTheReaderKeepsOneAndOpensTheOther() {
        var state = start!
        AppFixture.send(&state, .openPost, .pageDown)
        let line = state.openReader!.scroll
        let (next, effects) = reduce(state, .nextPost)
        XCTAssertEqual(next.readerPost, 1)
        XCTAssertEqual(effects.first, .saveReadingState(ReadingStateChange([
            .init(key: key(start, 0), marks: PostMarks(read: true, position: ReadingPosition(line: line, width: 120)), fields: .position),
            .init(key: key(start, 1), marks: PostMarks(read: true), fields: .read, opened: true),
        ])))
    }

    func testInterruptInTheReaderKeepsWhereItStopped() {
        var state = start!
        AppFixture.send(&state, .openPost, .pageDown)
        let line = state.openReader!.scroll
        let (next, effects) = reduce(state, .interrupt)
        XCTAssertEqual(next, state)
        XCTAssertEqual(effects, [.saveReadingState(ReadingStateChange([
            .init(key: key(start, 0), marks: PostMarks(read: true, position: ReadingPosition(line: line, width: 120)), fields: .position),
        ])), .interrupt])
        XCTAssertEqual(reduce(start, .interrupt).1, [.interrupt])
    }
}
