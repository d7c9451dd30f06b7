@testable import BylineCore
import BylineTestSupport
import XCTest

/// Golden screens of the list with the reading state in: unread and saved marks, with and without
/// Unicode, at the usual sizes, and the note of what is new since the last visit.
final class ReadingMarksGoldenTests: XCTestCase {
    let golden = Golden()

    /// The shipped blog with its newest post read, the second read and saved, the third saved, and
    /// the rest unread; five posts new since the last visit.
    private func state(width: Int, height: Int, glyphs: Glyphs = .unicode) throws -> AppState {
        var state = try AppFixture.state(width: width, height: height, glyphs: glyphs)
        let posts = state.store.posts
        // The last visit on a Tuesday, two days before this one (1970-01-06 and -08, UTC).
        var loaded = ReadingState(lastVisit: 100, clock: VisitClock(lastVisit: LocalTime(seconds: 5 * 86_400, utcOffset: 0),
                                                                     now: LocalTime(seconds: 7 * 86_400, utcOffset: 0)))
        for (number, post) in posts.enumerated() {
            let marks = PostMarks(read: number < 2, saved: number == 1 || number == 2)
            loaded.posts[post.path] = StoredPost(key: PostKey(post), marks: marks, firstSeen: number < 5 ? 200 : 50)
        }
        AppFixture.send(&state, .readingStateLoaded(loaded))
        return state
    }

    func testTheListMarksUnreadAndSavedPosts() throws {
        for (width, height) in [(120, 40), (80, 24), (40, 12)] {
            let state = try state(width: width, height: height)
            XCTAssertEqual(state.note, "welcome back — 5 new posts since Tuesday")
            golden.assert(Golden.text(of: AppView.render(state)), named: "reading-marks.\(width)x\(height).txt")
        }
        let ascii = try state(width: 80, height: 24, glyphs: .ascii)
        golden.assert(Golden.text(of: AppView.render(ascii)), named: "reading-marks-ascii.80x24.txt")
    }

    /// A returning reader with nothing new is welcomed too.
    func testNothingNewIsSaid() throws {
        var state = try AppFixture.state(width: 80, height: 24)
        var loaded = ReadingState(lastVisit: 1_000, clock: VisitClock(lastVisit: LocalTime(seconds: 1_000, utcOffset: 0),
                                                                       now: LocalTime(seconds: 40 * 86_400, utcOffset: 0)))
        for post in state.store.posts { loaded.posts[post.path] = StoredPost(key: PostKey(post), marks: PostMarks(), firstSeen: 50) }
        AppFixture.send(&state, .readingStateLoaded(loaded))
        XCTAssertEqual(state.note, "welcome back — nothing new since 1 Jan")
        golden.assert(Golden.text(of: AppView.render(state)), named: "welcome-nothing-new.80x24.txt")
    }

    func testMarksFollowTheKeys() throws {
        var state = try state(width: 80, height: 24)
        AppFixture.send(&state, .keyPressed, .toggleRead, .moveDown, .moveDown, .toggleSaved, .toggleRead)
        golden.assert(Golden.text(of: AppView.render(state)), named: "reading-marks-toggled.80x24.txt")
        AppFixture.send(&state, .markAllRead)
        let rows = AppView.render(state).rows
        XCTAssertFalse(rows.contains { $0.contains("•") }, "every post of the list is read")
        XCTAssertTrue(rows.contains { $0.contains("14 marked read") || $0.contains("marked read") })
    }

    func testNoMarksBeforeTheStateIsIn() throws {
        let state = try AppFixture.state(width: 80, height: 24)
        XCTAssertFalse(state.showsReadingMarks)
        XCTAssertFalse(AppView.render(state).rows.contains { $0.contains("•") || $0.contains("★") })
    }
}
