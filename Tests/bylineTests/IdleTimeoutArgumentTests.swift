import ArgumentParser
@testable import byline
import XCTest

/// `--idle-timeout` names its range for every value outside it, as `show --width` does: `-5` said
/// "Missing value" (it looked like an option), and a value past 2,147,483 seconds passed and trapped
/// in the line reader (TERM=dumb), whose `poll` takes Int32 milliseconds.
final class IdleTimeoutArgumentTests: XCTestCase {
    private let message = "Error: --idle-timeout must be between 1 and 604800 seconds\n"

    func testAnOutOfRangeIdleTimeoutNamesTheRange() throws {
        for value in ["-5", "0", "-0", "604801", "3000000", "99999999999", "99999999999999999999999999"] {
            for command in [[], ["read"]] {
                let result = try BylineRunner.run(command + ["--idle-timeout", value, BylineRunner.shippedPosts])
                XCTAssertEqual(result.status, 64, "\(command) \(value): \(result.stderr)")
                XCTAssertTrue(result.stderr.hasPrefix(message), "\(command) \(value): \(result.stderr)")
                XCTAssertEqual(result.stdout, "", "\(command) \(value)")
            }
        }
        let words = try BylineRunner.run(["--idle-timeout", "soon", BylineRunner.shippedPosts])
        XCTAssertEqual(words.status, 64)
        XCTAssertTrue(words.stderr.contains("'soon' is invalid for '--idle-timeout <SECONDS>': not a whole number"), words.stderr)
    }

    func testTheRangeItselfIsTaken() throws {
        // Without a terminal the reader lists the posts and ends.
        for value in ["1", "604800", "+40", "0040"] {
            let result = try BylineRunner.run(["--idle-timeout", value, BylineRunner.shippedPosts])
            XCTAssertEqual(result.status, 0, "\(value): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("Worker Pools in Go"), value)
        }
    }

    /// The parser itself takes what is in range, as written, and names the range for the rest. (Until
    /// issue 16 this compared the hand-written `QuickRead` with swift-argument-parser: both took the
    /// first three and the quick one left the last three to the full one, whose message is asserted here.)
    func testTheParserTakesTheRangeAndNamesItForTheRest() throws {
        for (value, seconds) in [("1", 1), ("0600", 600), ("604800", 604800)] {
            let command = try XCTUnwrap(try Byline.parseAsRoot(["--idle-timeout", value, "posts"]) as? ReadCommand, value)
            XCTAssertEqual(command.launch, ReaderLaunch(path: "posts", idleTimeout: seconds), value)
        }
        for value in ["604801", "999999999", "-5"] {
            XCTAssertThrowsError(try Byline.parseAsRoot(["--idle-timeout", value, "posts"]), value) { error in
                XCTAssertEqual(Byline.exitCode(for: error).rawValue, 64, value)
                XCTAssertTrue(Byline.fullMessage(for: error).hasPrefix(message), "\(value): \(Byline.fullMessage(for: error))")
            }
        }
    }
}
