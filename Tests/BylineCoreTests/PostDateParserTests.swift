import XCTest
@testable import BylineCore

final class PostDateParserTests: XCTestCase {
    private func iso(_ text: String) -> String? { PostDateParser.parse(text)?.iso8601 }

    func testDaysWithAndWithoutLeadingZeros() {
        XCTAssertEqual(iso("2024-04-09"), "2024-04-09")
        XCTAssertEqual(iso("2024-4-9"), "2024-04-09")
        XCTAssertEqual(iso("2024/04/09"), "2024-04-09")
        XCTAssertEqual(iso("  2024-04-09  "), "2024-04-09")
    }

    func testRFC3339() {
        XCTAssertEqual(iso("2024-04-09T10:30:00Z"), "2024-04-09T10:30:00Z")
        XCTAssertEqual(iso("2024-04-09t10:30:00z"), "2024-04-09T10:30:00Z")
        XCTAssertEqual(iso("2024-04-09T10:30:00+02:00"), "2024-04-09T10:30:00+02:00")
        XCTAssertEqual(iso("2024-04-09T10:30:00.250-05:00"), "2024-04-09T10:30:00.25-05:00")
        XCTAssertEqual(iso("2024-04-09T10:30:00"), "2024-04-09T10:30:00")
    }

    func testJekyllAndYAMLTimestamps() {
        XCTAssertEqual(iso("2013-11-22 05:00:00 +0000"), "2013-11-22T05:00:00Z")
        XCTAssertEqual(iso("2013-11-22 05:00:00 -0500"), "2013-11-22T05:00:00-05:00")
        XCTAssertEqual(iso("2001-12-14 21:59:43.10 -5"), "2001-12-14T21:59:43.1-05:00")
        XCTAssertEqual(iso("2024-04-09 10:30"), "2024-04-09T10:30:00")
        XCTAssertEqual(iso("2024-04-09 10:30 +05:30"), "2024-04-09T10:30:00+05:30")
    }

    func testMonthNames() {
        XCTAssertEqual(iso("Jul 08 2022"), "2022-07-08")
        XCTAssertEqual(iso("July 8, 2022"), "2022-07-08")
        XCTAssertEqual(iso("8 July 2022"), "2022-07-08")
        XCTAssertNil(iso("Ju 8 2022"))
    }

    func testRejectsWhatIsNotADate() {
        for text in ["", "yesterday", "2024-13-01", "2024-02-30", "2024-04-09 lunch", "2024-04-09T25:00:00Z",
                     "24-04-09", "2024-04-091", "2024-04-09T10:30:00+9999", "2024-04"] {
            XCTAssertNil(PostDateParser.parse(text), text)
        }
        XCTAssertNotNil(PostDateParser.parse("2024-02-29"))
        XCTAssertNil(PostDateParser.parse("2023-02-29"))
    }

    func testOrderUsesTheInstant() throws {
        let early = try XCTUnwrap(PostDateParser.parse("2024-04-09T10:00:00+02:00"))   // 08:00Z
        let late = try XCTUnwrap(PostDateParser.parse("2024-04-09T09:00:00Z"))
        let day = try XCTUnwrap(PostDateParser.parse("2024-04-09"))
        XCTAssertLessThan(early, late)
        XCTAssertLessThan(day, early)
        XCTAssertEqual(PostDateParser.parse("1970-01-02")?.secondsSinceEpoch, 86_400)
    }

    func testDatePrefixOfFileNames() throws {
        let found = try XCTUnwrap(PostDateParser.datePrefix(of: "2024-04-09-hello-world"))
        XCTAssertEqual(found.date.iso8601, "2024-04-09")
        XCTAssertEqual(found.rest, "hello-world")
        XCTAssertNil(PostDateParser.datePrefix(of: "hello-2024-04-09"))
        XCTAssertNil(PostDateParser.datePrefix(of: "2024-4-9-short"))
    }
}

/// Dates are packed (a store holds one per post), and packing never lets an impossible time through.
final class PackedPostDateTests: XCTestCase {
    func testImpossibleTimesAreStillRefused() {
        for time in [PostDate.Time(hour: -1, minute: 0), PostDate.Time(hour: 24, minute: 0), PostDate.Time(hour: 300, minute: 0),
                     PostDate.Time(hour: 1, minute: -5), PostDate.Time(hour: 1, minute: 60), PostDate.Time(hour: 1, minute: 1, second: 61),
                     PostDate.Time(hour: 1, minute: 1, nanosecond: -1), PostDate.Time(hour: 1, minute: 1, nanosecond: 1_000_000_000),
                     PostDate.Time(hour: 1, minute: 1, nanosecond: Int.max)] {
            XCTAssertNil(PostDate(year: 2024, month: 1, day: 1, time: time), "\(time)")
        }
        XCTAssertNil(PostDate(year: 40_000, month: 1, day: 1))
        XCTAssertNil(PostDate(year: 2024, month: 1, day: 1, time: .init(hour: 1, minute: 1), utcOffsetMinutes: 40_000))
    }

    func testFieldsReadBackAsWritten() throws {
        let date = try XCTUnwrap(PostDate(year: 9999, month: 12, day: 31, time: .init(hour: 23, minute: 59, second: 60, nanosecond: 999_999_999),
                                          utcOffsetMinutes: -24 * 60))
        XCTAssertEqual([date.year, date.month, date.day, date.time!.hour, date.time!.minute, date.time!.second, date.time!.nanosecond,
                        date.utcOffsetMinutes!], [9999, 12, 31, 23, 59, 60, 999_999_999, -1440])
        XCTAssertEqual(date.iso8601, "9999-12-31T23:59:60.999999999-24:00")
    }

    func testAPostTakesLittleMemory() {
        // 100,000 posts must fit the memory goal of issue 6; the date was 80 of a post's 168 bytes.
        XCTAssertLessThanOrEqual(MemoryLayout<PostDate?>.stride, 24)
        XCTAssertLessThanOrEqual(MemoryLayout<Post>.stride, 112)
    }
}
