import ArgumentParser
@testable import byline
import XCTest

/// Command-line errors quote the command line, which anyone (over SSH, the visitor) can fill with
/// escape sequences: what reaches standard error is shown, never sent (issue 15 row 9).
final class ArgumentSafetyTests: XCTestCase {
    /// Bytes a terminal would act on: C0 controls but the newline, DEL, and C1 controls (in UTF-8).
    private func controls(in text: String) -> [String] {
        var found: [String] = []
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { found.append(String(format: "0x%02X at %d", byte, index)) }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { found.append("C1 at \(index)") }
        }
        return found
    }

    private let hostile = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\r\nINJECTED line\tand\u{9B}31m"

    func testEveryArgumentErrorShowsControlsInsteadOfSendingThem() throws {
        let commands: [[String]] = [
            ["--bad" + hostile], ["list", "--no-such" + hostile], ["list", "/no/such/" + hostile], ["show", hostile, "posts"],
            ["show", "x", "--theme", hostile], ["show", "x", "--width", hostile], ["show", "x", "--color", hostile],
            ["show", "x", "--width", "5", "--theme", hostile], ["tags", "--format", hostile], ["check", hostile],
            ["read", "--idle-timeout", hostile], [hostile, hostile, hostile], ["show", "x", "posts", hostile],
        ]
        for arguments in commands {
            let result = try BylineRunner.run(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertFalse(result.stderr.isEmpty, "\(arguments)")
            XCTAssertEqual(controls(in: result.stderr), [], "\(arguments): \(result.stderr)")
            XCTAssertEqual(controls(in: result.stdout), [], "\(arguments): \(result.stdout)")
            XCTAssertTrue(result.stderr.hasSuffix("\n"), "\(arguments)")
            XCTAssertFalse(result.stderr.split(separator: "\n").contains { $0.hasPrefix("INJECTED") },
                           "an argument's newline forged a line: \(result.stderr)")
        }
    }

    /// Arguments that are not UTF-8 at all, passed as raw bytes through the shell.
    func testInvalidUTF8ArgumentsAreShownSafely() throws {
        let script = #"exec "$0" "$@" "$(printf 'bad\377\376\033[31m\007')" "$(printf '\300\033]8;;x\033\\')""#
        for arguments in [["--width"], ["show", "x", "--theme"], ["list"], ["show"]] {
            let result = try BylineRunner.run(arguments, prefix: ["/bin/sh", "-c", script])
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertEqual(controls(in: result.stderr), [], "\(arguments): \(result.stderr)")
        }
    }

    /// 0, negative and absurd widths get the range, not "Missing value" or "invalid".
    func testAnOutOfRangeWidthNamesTheRange() throws {
        for width in ["0", "-5", "-0", "+3", "9", "1001", "65535", "99999999999999999999999999"] {
            let result = try BylineRunner.run(["show", "worker-pools-in-go", "--width", width])
            XCTAssertEqual(result.status, 64, width)
            XCTAssertTrue(result.stderr.hasPrefix("Error: --width must be between 10 and 1000 columns\n"), "\(width): \(result.stderr)")
        }
        let words = try BylineRunner.run(["show", "worker-pools-in-go", "--width", "wide"])
        XCTAssertEqual(words.status, 64)
        XCTAssertTrue(words.stderr.contains("'wide' is invalid for '--width <N>': not a whole number"), words.stderr)
        for width in ["10", "1000", "+40", "0040"] {
            let result = try BylineRunner.run(["show", "worker-pools-in-go", "--width", width])
            XCTAssertEqual(result.status, 0, "\(width): \(result.stderr)")
        }
    }

    /// The parser itself takes what is in range as the number written, and names the range for every
    /// other width. (Until issue 16 this compared the hand-written `QuickShow` with swift-argument-parser:
    /// they agreed on the first four, the quick one left `+40` and the out-of-range widths to the full
    /// one, whose answers are asserted here as they were.)
    func testTheParserTakesTheRangeAndNamesItForOtherWidths() throws {
        for (width, columns) in [("10", 10), ("80", 80), ("0080", 80), ("1000", 1000), ("+40", 40)] {
            let arguments = ["show", "hello", "--width", width]
            XCTAssertEqual(try XCTUnwrap(try Byline.parseAsRoot(arguments) as? ShowCommand, width).width, columns, width)
        }
        for width in ["0", "-5", "9", "1001", "99999", "99999999999999999999999999"] {
            XCTAssertThrowsError(try Byline.parseAsRoot(["show", "hello", "--width", width]), width) { error in
                XCTAssertEqual(Byline.exitCode(for: error).rawValue, 64, width)
                XCTAssertTrue(Byline.fullMessage(for: error).contains("--width must be between 10 and 1000 columns"),
                              "\(width): \(Byline.fullMessage(for: error))")
            }
        }
    }
}

/// `show` takes its width from the terminal or `$COLUMNS` within `TerminalWidth.usableRange`: either
/// can claim anything (`COLUMNS=100000000` laid a post out 100 million columns wide until killed).
final class EnvironmentWidthTests: XCTestCase {
    func testAClaimedWidthIsUsedWithinTheRange() throws {
        for (columns, widest) in [("100000000", 1000), ("99999999999999999999999", 1000), ("3", 10), ("0", 80), ("-5", 80), ("x", 80)] {
            let result = try BylineRunner.run(["show", "rate-limiting-in-go"], environment: ["COLUMNS": columns])
            XCTAssertEqual(result.status, 0, "\(columns): \(result.stderr)")
            let longest = result.stdout.split(separator: "\n").map(\.count).max() ?? 0
            XCTAssertLessThanOrEqual(longest, widest, columns)
            XCTAssertGreaterThan(longest, widest / 2, columns)
        }
    }
}
