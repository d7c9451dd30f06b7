import BylineCore
import BylineTestSupport
import XCTest

final class DeepLinkTests: XCTestCase {
    func testTheThreeFormsAndEverythingElse() {
        XCTAssertEqual(DeepLink.parse("tag:go"), .tag("go"))
        XCTAssertEqual(DeepLink.parse("  post:worker-pools-in-go "), .post("worker-pools-in-go"))
        XCTAssertEqual(DeepLink.parse("search:token bucket"), .search("token bucket"))
        XCTAssertEqual(DeepLink.parse("TAG:Go"), .tag("Go"))
        XCTAssertEqual(DeepLink.parse("cat /etc/passwd"), .ignored("cat /etc/passwd"))
        XCTAssertEqual(DeepLink.parse("tag:"), .ignored("tag:"))
        XCTAssertEqual(DeepLink.parse(String(repeating: "x", count: 500)), .ignored(String(repeating: "x", count: 40) + "…"))
        XCTAssertNil(DeepLink.parse(nil))
        XCTAssertNil(DeepLink.parse("   "))
    }

    func testOpeningDeepLinks() throws {
        var state = try AppFixture.state()
        AppFixture.send(&state, .openDeepLink(.tag("GO")))
        XCTAssertEqual(state.filterDescription, "go")
        XCTAssertEqual(state.results.count, 10)

        state = try AppFixture.state()
        AppFixture.send(&state, .openDeepLink(.post("worker-pools-in-go")))
        XCTAssertEqual(state.mode, .reading(Reader(post: AppFixture.number(state, "worker-pools-in-go"))))

        state = try AppFixture.state()
        AppFixture.send(&state, .openDeepLink(.search("latency")))
        XCTAssertEqual(state.results.map { state.store.posts[$0].slug }, ["reducing-latency-in-go-apis"])

        state = try AppFixture.state()
        AppFixture.send(&state, .openDeepLink(.ignored("\u{1B}]0;owned\u{7}sh")))
        XCTAssertEqual(state.results.count, 14)
        let status = AppView.render(state).rows.last ?? ""
        XCTAssertTrue(status.contains("ignored \"␛]0;owned␇sh\""), status)

        state = try AppFixture.state()
        AppFixture.send(&state, .openDeepLink(.tag("no-such-tag")))
        XCTAssertEqual(state.note, "no tag \"no-such-tag\" in this blog")
        XCTAssertEqual(state.results.count, 14)
    }
}

final class TextSearchTests: XCTestCase {
    func testFindsBytesAnywhere() {
        XCTAssertTrue(TextSearch.contains(Array("token bucket".utf8), Array("bucket".utf8)))
        XCTAssertTrue(TextSearch.contains(Array("aaab".utf8), Array("aab".utf8)))
        XCTAssertTrue(TextSearch.contains(Array("日本語の文章".utf8), Array("語の".utf8)))
        XCTAssertTrue(TextSearch.contains(Array("x".utf8), Array("".utf8)))
        XCTAssertFalse(TextSearch.contains(Array("abc".utf8), Array("abcd".utf8)))
        XCTAssertFalse(TextSearch.contains(Array("".utf8), Array("a".utf8)))
        XCTAssertFalse(TextSearch.contains(Array("abab".utf8), Array("abb".utf8)))
        XCTAssertTrue(TextSearch.contains(Array(" a ab abc ".utf8), Array(" abc".utf8)))
    }
}

final class CaseInsensitiveSearchTests: XCTestCase {
    func testSearchIsStillCaseInsensitiveForEveryScript() throws {
        let folder = try TempFolder()
        try folder.write("a.md", "---\ntitle: A\n---\nThe LATENCY of Äpfel and ΣΟΦΙΑ in 東京.\n")
        let store = try loadStore(folder.path)
        for query in ["latency", "LATENCY", "äpfel", "σοφια", "東京", "latency äpfel"] {
            XCTAssertEqual(store.matches(PostQuery(search: query)).count, 1, query)
        }
        XCTAssertEqual(store.matches(PostQuery(search: "latency missing")).count, 0)
    }
}
