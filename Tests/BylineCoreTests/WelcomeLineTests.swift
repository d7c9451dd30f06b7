import BylineCore
import XCTest

/// The welcome line's day phrase and counts, from moments given with their UTC offsets (no clock,
/// no time zone of the machine's).
final class WelcomeLineTests: XCTestCase {
    /// 2026-12-08 (a Tuesday) at 00:00 UTC, in seconds since 1970.
    private let tuesdayMidnight = 1_796_688_000.0
    private let hour = 3600.0, day = 86_400.0

    private func phrase(_ last: Double, _ now: Double, offset: Int = 0) -> String {
        WelcomeLine.phrase(lastVisit: LocalTime(seconds: last, utcOffset: offset), now: LocalTime(seconds: now, utcOffset: offset))
    }

    func testLocalTimeAgreesWithTheCalendar() {
        let time = LocalTime(seconds: tuesdayMidnight + 14 * hour + 5 * 60 + 59, utcOffset: 0)
        XCTAssertEqual([time.year, time.month, time.day, time.hour, time.minute, time.weekday], [2026, 12, 8, 14, 5, 2])
        let epoch = LocalTime(seconds: 0, utcOffset: 0)
        XCTAssertEqual([epoch.year, epoch.month, epoch.day, epoch.weekday, epoch.dayNumber], [1970, 1, 1, 4, 0])
        // West of Greenwich the first second of 1970 was still 31 Dec 1969, a Wednesday.
        let before = LocalTime(seconds: 0, utcOffset: -5 * 3600)
        XCTAssertEqual([before.year, before.month, before.day, before.hour, before.weekday, before.dayNumber], [1969, 12, 31, 19, 3, -1])
        // A leap day.
        let leap = LocalTime(seconds: 951_782_400, utcOffset: 0)  // 2000-02-29
        XCTAssertEqual([leap.year, leap.month, leap.day], [2000, 2, 29])
    }

    func testTodayIsTheTime() {
        let now = tuesdayMidnight + 20 * hour
        XCTAssertEqual(phrase(tuesdayMidnight + 14 * hour + 5 * 60, now), "14:05")
        XCTAssertEqual(phrase(tuesdayMidnight, now), "00:00", "the first second of the day is today")
        XCTAssertEqual(phrase(tuesdayMidnight + 9 * hour + 7 * 60, tuesdayMidnight + 9 * hour + 8 * 60), "09:07")
        XCTAssertEqual(phrase(now + hour, now), "21:00", "a last visit after now (a clock set back) is said by its time")
    }

    func testYesterdayEndsAtMidnight() {
        XCTAssertEqual(phrase(tuesdayMidnight - 1, tuesdayMidnight), "yesterday", "one second before midnight")
        XCTAssertEqual(phrase(tuesdayMidnight - day, tuesdayMidnight + day - 1), "yesterday", "almost 48 hours, still yesterday")
        XCTAssertEqual(phrase(tuesdayMidnight - 1, tuesdayMidnight + day), "Monday", "two days back by the calendar")
    }

    func testTheLastSixDaysAreWeekdays() {
        let now = tuesdayMidnight + 12 * hour
        let names = (2...6).map { phrase(now - Double($0) * day, now) }
        XCTAssertEqual(names, ["Sunday", "Saturday", "Friday", "Thursday", "Wednesday"])
        XCTAssertEqual(phrase(now - 7 * day, now), "1 Dec", "a week back is a date: the weekday would be today's")
        XCTAssertEqual(phrase(tuesdayMidnight - 6 * day, tuesdayMidnight + day - 1), "Wednesday", "six days at the edges")
        XCTAssertEqual(phrase(tuesdayMidnight - 6 * day - 1, tuesdayMidnight), "1 Dec")
    }

    func testOlderVisitsAreDatesWithTheYearWhenAnother() {
        let now = tuesdayMidnight
        XCTAssertEqual(phrase(now - 35 * day, now), "3 Nov")
        XCTAssertEqual(phrase(now - 400 * day, now), "3 Nov 2025")
        // New year's eve against new year's morning: yesterday, not a date of another year.
        let newYear = 1_798_761_600.0  // 2027-01-01 00:00 UTC
        XCTAssertEqual(phrase(newYear - 60, newYear + hour), "yesterday")
        XCTAssertEqual(phrase(newYear - 10 * day, newYear), "22 Dec 2026")
        XCTAssertEqual(phrase(newYear - 3 * day, newYear), "Tuesday")
    }

    func testTheOffsetDecidesTheDay() {
        // 23:30 UTC on Monday is already Tuesday 00:30 an hour east, and the same day as now there.
        let last = tuesdayMidnight - 30 * 60, now = tuesdayMidnight + 10 * hour
        XCTAssertEqual(phrase(last, now, offset: 0), "yesterday")
        XCTAssertEqual(phrase(last, now, offset: 3600), "00:30")
        // Each moment with its own offset (a summer-time change between them): 01:30 at +2 is 23:30 UTC.
        let clock = VisitClock(lastVisit: LocalTime(seconds: tuesdayMidnight - 30 * 60, utcOffset: 2 * 3600),
                               now: LocalTime(seconds: tuesdayMidnight + 5 * hour, utcOffset: 3600))
        XCTAssertEqual(WelcomeLine.text(newPosts: 2, clock: clock), "welcome back — 2 new posts since 01:30")
    }

    func testTheWholeLine() {
        let clock = VisitClock(lastVisit: LocalTime(seconds: tuesdayMidnight - 2 * day, utcOffset: 0),
                               now: LocalTime(seconds: tuesdayMidnight + hour, utcOffset: 0))
        XCTAssertEqual(WelcomeLine.text(newPosts: 5, clock: clock), "welcome back — 5 new posts since Sunday")
        XCTAssertEqual(WelcomeLine.text(newPosts: 1, clock: clock), "welcome back — 1 new post since Sunday")
        XCTAssertEqual(WelcomeLine.text(newPosts: 1204, clock: clock), "welcome back — 1,204 new posts since Sunday")
        XCTAssertEqual(WelcomeLine.text(newPosts: 0, clock: clock), "welcome back — nothing new since Sunday")
        XCTAssertEqual(WelcomeLine.text(newPosts: 3, clock: nil), "welcome back — 3 new posts since your last visit")
    }
}
