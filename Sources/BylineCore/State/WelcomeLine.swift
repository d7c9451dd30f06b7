/// A moment as the reader's wall clock shows it: the local date and time of a time since 1970 at a
/// given distance from UTC. Computed here, without Foundation or the process's time zone, so the
/// welcome line is a pure function of its inputs (the runtime supplies each moment's UTC offset).
package struct LocalTime: Hashable, Sendable {
    package var year: Int
    /// 1 to 12.
    package var month: Int
    /// 1 to 31.
    package var day: Int
    package var hour: Int
    package var minute: Int
    /// Days from 1970-01-01 to this local date: "yesterday" is one less, whatever the months between.
    package var dayNumber: Int
    /// 0 for Sunday to 6 for Saturday.
    package var weekday: Int

    /// The local time of `seconds` since 1970 (UTC) where the clock is `utcOffset` seconds ahead of UTC
    /// (negative west of Greenwich; each moment its own, so a summer-time change between two is right).
    package init(seconds: Double, utcOffset: Int) {
        let local = Int((seconds + Double(utcOffset)).rounded(.down))
        let (days, secondOfDay) = Self.floorDivision(local, 86_400)
        dayNumber = days
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        weekday = (days % 7 + 7 + 4) % 7  // 1970-01-01 was a Thursday
        (year, month, day) = Self.civil(fromDays: days)
    }

    /// Year, month and day of a day number (Howard Hinnant's `civil_from_days`, proleptic Gregorian).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = Self.floorDivision(shifted, 146_097).0
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (Int, Int) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }
}

/// The last visit and this one on the reader's clock: what the welcome line's day phrase needs. Taken
/// by the runtime when it reads the reading state (`reduce` reads no clock).
package struct VisitClock: Hashable, Sendable {
    package var lastVisit: LocalTime
    package var now: LocalTime

    package init(lastVisit: LocalTime, now: LocalTime) {
        self.lastVisit = lastVisit
        self.now = now
    }
}

/// The status line's greeting for a returning reader: "welcome back — 5 new posts since Tuesday". A
/// first visit has none. Pure: the moments come as `LocalTime`s.
package enum WelcomeLine {
    /// Days back within which the last visit is named by its weekday: further back, a weekday would
    /// be read as the last one (a week ago Tuesday is "since 3 Nov").
    static let weekdayDays = 6

    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The whole line: `newPosts` posts first seen since the last visit (grouped: "1,204 new posts"),
    /// or "nothing new"; without a clock (none was read) "since your last visit".
    package static func text(newPosts: Int, clock: VisitClock?) -> String {
        let since = clock.map { "since " + phrase(lastVisit: $0.lastVisit, now: $0.now) } ?? "since your last visit"
        let what = newPosts == 0 ? "nothing new" : "\(StatusLine.grouped(newPosts)) new post\(newPosts == 1 ? "" : "s")"
        return "welcome back — \(what) \(since)"
    }

    /// When the last visit was, as a reader says it: "14:05" (today), "yesterday", "Tuesday" (within
    /// the last six days), "3 Nov", or "3 Nov 2025" (another year). A last visit later than now (a
    /// clock set back) is said by its time, as today's.
    package static func phrase(lastVisit: LocalTime, now: LocalTime) -> String {
        let days = now.dayNumber - lastVisit.dayNumber
        switch days {
        case ...0: return twoDigits(lastVisit.hour) + ":" + twoDigits(lastVisit.minute)
        case 1: return "yesterday"
        case 2...weekdayDays: return weekdays[lastVisit.weekday]
        default:
            let date = "\(lastVisit.day) \(months[lastVisit.month - 1])"
            return lastVisit.year == now.year ? date : date + " \(lastVisit.year)"
        }
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
