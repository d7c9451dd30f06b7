@testable import BylineCore
import BylineTestSupport
import Foundation
import XCTest

/// A paste, or a key held down, costs a bounded amount of work per key (issue 15 row 8: a 200 KB paste
/// into search cost 29 s of CPU; 5 KB with an 8.7 MB post present, 52 s).
final class PasteTests: XCTestCase {
    private func searching() throws -> AppState {
        var state = try AppFixture.state()
        AppFixture.send(&state, .startSearch)
        return state
    }

    /// 200,000 typed keys start at most one search per character the prompt keeps; every key past the
    /// limit asks for nothing at all.
    func testTwoHundredThousandTypedKeysStartABoundedNumberOfSearches() throws {
        var state = try searching()
        let text = Array("lorem ipsum dolor sit amet ")
        var searches = 0, effectsPastTheLimit = 0
        for index in 0..<200_000 {
            let effects = Reducer.reduce(&state, .insertText(String(text[index % text.count])))
            searches += effects.filter { if case .search = $0 { return true } else { return false } }.count
            if index >= AppState.maximumPromptLength { effectsPastTheLimit += effects.count }
        }
        XCTAssertEqual(state.search.count, AppState.maximumPromptLength)
        XCTAssertLessThanOrEqual(searches, AppState.maximumPromptLength)
        XCTAssertEqual(effectsPastTheLimit, 0)
    }

    /// A paste that arrives as one text (a bracketed paste) is one edit, cut to the prompt's limit
    /// before any work: one search, for the first 200 characters.
    func testAPasteIsOneEditCutToThePromptLimit() throws {
        var state = try searching()
        let paste = String(repeating: "lorem ipsum ", count: 20_000)
        let effects = Reducer.reduce(&state, .insertText(paste))
        XCTAssertEqual(state.search, String(paste.prefix(AppState.maximumPromptLength)))
        XCTAssertEqual(effects, [.search(state.query)])
        XCTAssertEqual(Reducer.reduce(&state, .insertText(paste)), [])
        XCTAssertEqual(state.search.count, AppState.maximumPromptLength)
    }

    /// The limit counts Unicode scalars, not `Character`s: a letter and its combining marks are one
    /// `Character`, and a paste of 100,000 marks (or zero-width joiners), typed a key at a time or
    /// pasted whole, must stop at the limit like any other text (fuzz/corpus/keys/paste-combining-*:
    /// 31 s when the limit counted characters).
    func testCombiningMarksAndJoinersCountTowardThePromptLimit() throws {
        var state = try searching()
        var searches = 0
        for key in ["e"] + Array(repeating: "\u{301}", count: 100_000) {
            searches += Reducer.reduce(&state, .insertText(key)).filter { if case .search = $0 { return true } else { return false } }.count
        }
        XCTAssertEqual(state.search.unicodeScalars.count, AppState.maximumPromptLength)
        XCTAssertLessThanOrEqual(searches, AppState.maximumPromptLength)
        var pasted = try searching()
        XCTAssertEqual(Reducer.reduce(&pasted, .insertText("a" + String(repeating: "\u{200D}", count: 100_000))).count, 1)
        XCTAssertEqual(pasted.search.unicodeScalars.count, AppState.maximumPromptLength)
        var finding = try AppFixture.state()
        AppFixture.send(&finding, .openPost, .startFind, .insertText("x" + String(repeating: "\u{200D}", count: 100_000)))
        guard case let .reading(reader) = finding.mode, case let .typing(text) = reader.find else { return XCTFail("\(finding.mode)") }
        XCTAssertEqual(text.unicodeScalars.count, AppState.maximumPromptLength)
        XCTAssertEqual(Keymap.pasteAction(String(repeating: "\u{301}", count: 100_000), in: .search).map { action -> Int in
            if case let .insertText(text) = action { return text.unicodeScalars.count } else { return -1 }
        }, AppState.maximumPromptLength)
    }

    /// The same in the reader's find prompt, and for a search asked by an SSH deep link.
    func testFindPromptAndDeepLinkSearchAreCutToThePromptLimit() throws {
        var state = try AppFixture.state()
        AppFixture.send(&state, .openPost, .startFind, .insertText(String(repeating: "x", count: 100_000)))
        guard case let .reading(reader) = state.mode, case let .typing(text) = reader.find else { return XCTFail("\(state.mode)") }
        XCTAssertEqual(text.count, AppState.maximumPromptLength)
        var linked = try AppFixture.state()
        AppFixture.send(&linked, .openDeepLink(.search(String(repeating: "go ", count: 50_000))))
        XCTAssertEqual(linked.search.count, AppState.maximumPromptLength)
    }

    /// `n` and `N` in a long post search its lines once per find text, not once per key: with a body of
    /// 900 KB present, 300 presses of `n` for a text that is not there.
    func testFindNextInABigPostSearchesItOncePerText() throws {
        let folder = try TempFolder()
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 20) + "\n\n"
        try folder.write("big.md", "---\ntitle: Big\ndate: 2024-01-01\n---\n\n" + String(repeating: paragraph, count: 800))
        try folder.write("small.md", "---\ntitle: Small\ndate: 2023-01-01\n---\n\nFind me: needle.\n")
        var state = try AppFixture.state(folder.path)
        XCTAssertEqual(state.store.posts[state.selected!].title, "Big")
        let cache = ViewCache()
        AppFixture.send(&state, cache: cache, .openPost, .startFind, .insertText("absent"), .submitPrompt)
        let start = Date()
        for press in 0..<300 { AppFixture.send(&state, cache: cache, press % 2 == 0 ? .findNext : .findPrevious) }
        XCTAssertEqual(cache.findPasses, 1)
        XCTAssertEqual(state.note, "no match for \"absent\"")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "each n searched the whole post")
        // A text that is there: n moves from match to match, N back. Matches are counted, not lines: a
        // line holding the text twice is stepped through twice before the scroll moves on.
        AppFixture.send(&state, cache: cache, .startFind, .insertText("ipsum"), .submitPrompt)
        guard case let .reading(reader) = state.mode else { return XCTFail("\(state.mode)") }
        let first = reader.scroll
        XCTAssertEqual(reader.find, .active("ipsum", current: 0))
        var moved = reader, presses = 0
        repeat {
            AppFixture.send(&state, cache: cache, .findNext)
            presses += 1
            guard case let .reading(now) = state.mode else { return XCTFail("\(state.mode)") }
            moved = now
            XCTAssertEqual(moved.find, .active("ipsum", current: presses))
        } while moved.scroll == first && presses < 10
        XCTAssertGreaterThan(moved.scroll, first)
        for _ in 0..<presses { AppFixture.send(&state, cache: cache, .findPrevious) }
        guard case let .reading(back) = state.mode else { return XCTFail("\(state.mode)") }
        XCTAssertEqual(back.scroll, first)
        XCTAssertEqual(back.find, .active("ipsum", current: 0))
        XCTAssertEqual(cache.findPasses, 2)
    }

    /// A body search asked to stop stops inside a long body, between pieces, instead of folding it to the end.
    func testABodySearchStopsInsideALongBodyWhenCancelled() throws {
        let body = Array((String(repeating: "lorem ipsum dolor sit amet ", count: 200_000) + "needle").utf8)
        let term = try XCTUnwrap(SearchTerm(typed: "needle"))
        var asked = 0
        let found = body.withUnsafeBufferPointer { text in
            SearchText.containsAll([term], inWordsOf: text, cancelled: { asked += 1; return asked > 2 })
        }
        XCTAssertFalse(found)
        XCTAssertEqual(asked, 3)
        XCTAssertTrue(body.withUnsafeBufferPointer { SearchText.containsAll([term], inWordsOf: $0) })
    }
}

/// A bracketed paste (`Key.paste`) is prompt text, never commands.
final class PasteKeyTests: XCTestCase {
    func testAPasteIsPromptTextOnOneLineAndNothingElsewhere() {
        XCTAssertEqual(Keymap.action(for: .paste("go\nrust\tq"), in: .search), .insertText("go rust q"))
        XCTAssertEqual(Keymap.action(for: .paste("needle"), in: .find), .insertText("needle"))
        for context in [KeyContext.list, .tags, .preview, .reader, .help] {
            XCTAssertNil(Keymap.action(for: .paste("qqq/j\n"), in: context), "\(context)")
        }
        XCTAssertNil(Keymap.action(for: .paste(""), in: .search))
        guard case let .insertText(text) = Keymap.action(for: .paste(String(repeating: "x", count: 1_000_000)), in: .search) else {
            return XCTFail("a paste in the search prompt is text")
        }
        XCTAssertEqual(text.count, AppState.maximumPromptLength)
    }
}
