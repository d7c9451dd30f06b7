import BylineCore
import XCTest

final class KeymapTests: XCTestCase {
    func testNoKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Action] = [:]
            for binding in Keymap.bindings where binding.contexts.contains(context) {
                for key in binding.keys {
                    XCTAssertNil(seen[key], "\(key.label) bound twice in \(context)")
                    seen[key] = binding.action
                }
            }
        }
    }

    func testEveryKeyActionIsReachable() {
        let keyActions: [Action] = [.moveDown, .moveUp, .pageDown, .pageUp, .moveToFirst, .moveToLast, .focusNextPane,
                                    .focusPreviousPane, .focusTags, .toggleRequired, .toggleExcluded, .toggleMatchMode,
                                    .toggleTagSort, .clearFilter, .startSearch, .startFind, .findNext, .findPrevious, .openPost,
                                    .nextPost, .previousPost, .back, .quit, .showHelp, .redraw, .submitPrompt, .cancelPrompt,
                                    .deleteBackward]
        let bound = Set(Keymap.bindings.map(\.action))
        for action in keyActions { XCTAssertTrue(bound.contains(action), "\(action) has no key") }
    }

    func testTheIssueKeys() {
        XCTAssertEqual(Keymap.action(for: .character(" "), in: .tags), .toggleRequired)
        XCTAssertEqual(Keymap.action(for: .character(" "), in: .list), .pageDown)
        XCTAssertEqual(Keymap.action(for: .character("q"), in: .list), .quit)
        XCTAssertEqual(Keymap.action(for: .character("q"), in: .reader), .back)
        XCTAssertEqual(Keymap.action(for: .escape, in: .help), .back)
        XCTAssertEqual(Keymap.action(for: .control("c"), in: .search), .quit)
        XCTAssertEqual(Keymap.action(for: .character("/"), in: .reader), .startFind)
        XCTAssertEqual(Keymap.action(for: .control("d"), in: .preview), .pageDown)
        XCTAssertEqual(Keymap.action(for: .backTab, in: .tags), .focusPreviousPane)
        XCTAssertNil(Keymap.action(for: .character("x"), in: .list))
    }

    func testTypingInPromptsIsText() {
        XCTAssertEqual(Keymap.action(for: .character("j"), in: .search), .insertText("j"))
        XCTAssertEqual(Keymap.action(for: .character("日"), in: .find), .insertText("日"))
        XCTAssertEqual(Keymap.action(for: .character("q"), in: .search), .insertText("q"))
        XCTAssertEqual(Keymap.action(for: .down, in: .search), .moveDown)
    }

    func testHelpListsEveryBinding() {
        let help = HelpContent.lines().map(\.text).joined(separator: "\n")
        for binding in Keymap.bindings {
            XCTAssertTrue(help.contains(binding.help), "help lacks \(binding.help)")
            XCTAssertTrue(help.contains(binding.keys.map(\.label).joined(separator: " ")), "help lacks keys of \(binding.help)")
        }
    }

    func testStatusHintsComeFromTheTable() {
        XCTAssertEqual(Keymap.hints(in: .tags), ["Tab pane", "j/k move", "Space require", "x exclude", "m AND/OR", "c clear", "/ search", "q quit", "? help"])
    }
}
