@testable import BylineCore
import BylineTestSupport
import XCTest

/// The tag pane's "saved" row: at the top once the reading state is in, required or excluded like a
/// tag, combined with the tags, and kept up to date as posts are saved.
final class SavedRowTests: XCTestCase {
    let golden = Golden()

    /// The shipped blog with the posts numbered `saved` saved and nothing else kept.
    private func state(saved: [Int], width: Int = 120, height: Int = 40) throws -> AppState {
        var state = try AppFixture.state(width: width, height: height)
        var loaded = ReadingState()
        for number in saved {
            let post = state.store.posts[number]
            loaded.posts[post.path] = StoredPost(key: PostKey(post), marks: PostMarks(saved: true), firstSeen: 0)
        }
        AppFixture.send(&state, .readingStateLoaded(loaded))
        return state
    }

    func testTheRowComesWithTheReadingStateAndCountsTheSavedPosts() throws {
        let before = try AppFixture.state()
        XCTAssertFalse(before.orderedTags.contains { $0.key == AppState.savedKey })
        let state = try state(saved: [0, 3, 5])
        // Nothing is read yet: every post counted is also unread (`UnreadCountTests`).
        XCTAssertEqual(state.orderedTags.first, AppState.TagRow(key: AppState.savedKey, name: "★ saved", count: 3, unread: 3, state: .off))
        let allUnread = before.orderedTags.map { row in
            var row = row
            row.unread = row.count
            return row
        }
        XCTAssertEqual(Array(state.orderedTags.dropFirst()), allUnread, "the tags as they were, below it")
        XCTAssertEqual(state.tagCursor, before.tagCursor, "the cursor stays on its tag")
    }

    func testRequiredItListsTheSavedPostsAndCombinesWithTags() throws {
        var state = try state(saved: [0, 3, 5])
        AppFixture.send(&state, .focusTags, .moveUp)
        XCTAssertEqual(state.tagCursor, AppState.savedKey)
        let (required, effects) = { () -> (AppState, [Effect]) in
            var next = state
            let effects = Reducer.reduce(&next, .toggleRequired)
            return (next, effects)
        }()
        XCTAssertEqual(effects, [])
        XCTAssertEqual(required.results, [0, 3, 5])
        XCTAssertEqual(required.filterDescription, "saved")
        XCTAssertEqual(required.orderedTags.first?.state, .required)
        golden.assert(Golden.text(of: AppView.render(required)), named: "saved-row-required.120x40.txt")

        // With a tag: the saved posts that carry it.
        var tagged = required
        let go = tagged.store.tags.tag(named: "go")!.key
        tagged.tagStates[go] = .required
        AppFixture.settle(&tagged, Reducer.filterChanged(&tagged))
        XCTAssertEqual(tagged.results, required.results.filter { tagged.store.posts[$0].tags.contains("go") })
        XCTAssertEqual(tagged.filterDescription, "saved AND go")

        // Excluded: every other post.
        var excluded = state
        AppFixture.send(&excluded, .toggleExcluded)
        XCTAssertEqual(excluded.results, state.results.filter { ![0, 3, 5].contains($0) })
        XCTAssertEqual(excluded.filterDescription, "NOT saved")
    }

    func testSavingAPostCountsItAndFiltersAgain() throws {
        var state = try state(saved: [0])
        AppFixture.send(&state, .focusTags, .moveUp, .toggleRequired)
        XCTAssertEqual(state.results, [0])
        // Unsaved from the list: it leaves the saved list; the row counts none.
        AppFixture.send(&state, .focusNextPane, .toggleSaved)
        XCTAssertEqual(state.results, [])
        XCTAssertEqual(state.orderedTags.first?.count, 0)
        AppFixture.send(&state, .clearFilter, .moveDown, .toggleSaved)
        XCTAssertEqual(state.orderedTags.first?.count, 1)
        XCTAssertEqual(Array(state.markSets.saved), [1])
    }
}
