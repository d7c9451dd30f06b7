import BylineTestSupport
import Foundation
import XCTest

/// `list --json` of each fixture site (Tests/Fixtures/Sites, laid out as each generator lays out its
/// folders) against a golden: which files are posts, their dates, authors, languages and plain-text
/// summaries, and what `list` says on standard error (only files that could not be read as posts).
final class SiteListGoldenTests: XCTestCase {
    private let sites = BylineRunner.repository + "/Tests/Fixtures/Sites"

    func testListJSONOfEachGeneratorsSite() throws {
        let golden = Golden(folder: URL(fileURLWithPath: sites + "/Goldens"))
        let scratch = try ScratchFolder()
        for site in ["astro", "html", "hugo", "jekyll", "zola"] {
            // A cache folder of its own, so that no cache left by another run is read.
            let output = try BylineRunner.run(["list", "--json", sites + "/" + site],
                                              environment: ["XDG_CACHE_HOME": scratch.path, "HOME": scratch.path])
            XCTAssertEqual(output.status, 0, "\(site): \(output.stderr)")
            golden.assert(output.stdout + "--- standard error ---\n" + output.stderr, named: "\(site)/list.json.txt")
        }
    }
}
