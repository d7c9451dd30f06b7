@testable import BylineCore
import XCTest

/// The tag rows the state keeps are always the rows counted afresh, whatever changed the filter.
final class TagRowsMemoTests: XCTestCase {
    func testRememberedRowsEqualAFreshCountAfterEveryKindOfChange() throws {
        var state = try AppFixture.state()
        XCTAssertEqual(state.orderedTags, state.countedTags)
        let steps: [[Action]] = [
            [.moveDown], [.moveDown, .moveUp],
            [.focusTags, .toggleRequired], [.moveDown, .toggleRequired], [.toggleMatchMode],
            [.moveDown, .toggleExcluded], [.toggleTagSort], [.toggleTagSort], [.moveDown],
            [.startSearch, .insertText("s"), .submitPrompt], [.clearFilter],
            [.startSearch, .insertText("zzzz-no-such-word"), .submitPrompt], [.clearFilter],
        ]
        for actions in steps {
            for action in actions {
                AppFixture.send(&state, action)
                XCTAssertEqual(state.orderedTags, state.countedTags, "after \(actions)")
                // Asked twice in a frame (the pane and the reducer): the same rows.
                XCTAssertEqual(state.orderedTags, state.countedTags, "after \(actions)")
            }
        }
    }

    func testCopiesOfAStateWithDifferentFiltersEachGetTheirOwnRows() throws {
        var first = try AppFixture.state()
        AppFixture.send(&first, .focusTags, .moveToLast, .toggleRequired)
        var second = first
        AppFixture.send(&second, .toggleRequired)
        // Copies made from one state: neither holds the other's rows.
        for _ in 0..<3 {
            XCTAssertEqual(first.orderedTags, first.countedTags)
            XCTAssertEqual(second.orderedTags, second.countedTags)
        }
        XCTAssertNotEqual(first.results, second.results)
    }
}
