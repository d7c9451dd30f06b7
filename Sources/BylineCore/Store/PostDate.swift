/// A post's publication date as its author wrote it: a calendar day, or a day and time with or without
/// a UTC offset. Kept as written (not as a `Date`) so that `2024-04-09` prints back as `2024-04-09`.
package struct PostDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A wall-clock time on the post's day.
    package struct Time: Hashable, Sendable {
        // Packed (8 bytes, not 32): a store holds one date per post, 100,000 of them in a large blog.
        private var packedHour: UInt8, packedMinute: UInt8, packedSecond: UInt8
        private var packedNanosecond: UInt32
        package var hour: Int { get { Int(packedHour) } set { packedHour = Time.pack(newValue) } }
        package var minute: Int { get { Int(packedMinute) } set { packedMinute = Time.pack(newValue) } }
        package var second: Int { get { Int(packedSecond) } set { packedSecond = Time.pack(newValue) } }
        /// Fractional seconds, in nanoseconds.
        package var nanosecond: Int { get { Int(packedNanosecond) } set { packedNanosecond = UInt32(exactly: newValue) ?? .max } }

        package init(hour: Int, minute: Int, second: Int = 0, nanosecond: Int = 0) {
            packedHour = Time.pack(hour)
            packedMinute = Time.pack(minute)
            packedSecond = Time.pack(second)
            packedNanosecond = UInt32(exactly: nanosecond) ?? .max
        }

        /// A value that does not fit becomes 255, out of range for every field, so `PostDate.init`
        /// still refuses it.
        private static func pack(_ value: Int) -> UInt8 { UInt8(exactly: value) ?? .max }
    }

    private var packedYear: Int16, packedMonth: UInt8, packedDay: UInt8
    private var packedOffset: Int16?
    package var time: Time?
    package var year: Int { get { Int(packedYear) } set { packedYear = Int16(clamping: newValue) } }
    package var month: Int { get { Int(packedMonth) } set { packedMonth = UInt8(clamping: newValue) } }
    package var day: Int { get { Int(packedDay) } set { packedDay = UInt8(clamping: newValue) } }
    /// Offset from UTC in minutes; nil for a day or a local ("floating") time.
    package var utcOffsetMinutes: Int? {
        get { packedOffset.map(Int.init) }
        set { packedOffset = newValue.map { Int16(clamping: $0) } }
    }

    /// Returns nil when the day does not exist (`2024-02-30`) or a field is out of range.
    package init?(year: Int, month: Int, day: Int, time: Time? = nil, utcOffsetMinutes: Int? = nil) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...PostDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        if let time {
            guard (0...23).contains(time.hour), (0...59).contains(time.minute), (0...60).contains(time.second),
                  (0..<1_000_000_000).contains(time.nanosecond) else { return nil }
        }
        if let utcOffsetMinutes, abs(utcOffsetMinutes) > 24 * 60 { return nil }
        packedYear = Int16(year)
        packedMonth = UInt8(month)
        packedDay = UInt8(day)
        self.time = time
        packedOffset = time == nil ? nil : utcOffsetMinutes.map { Int16($0) }
    }

    /// Seconds since 1970-01-01T00:00:00Z; days and floating times count as UTC. Orders posts.
    package var secondsSinceEpoch: Int64 {
        let days = Int64(PostDate.daysFromCivil(year: year, month: month, day: day))
        var seconds = days * 86_400
        if let time {
            seconds += Int64(time.hour * 3600 + time.minute * 60 + time.second)
            seconds -= Int64((utcOffsetMinutes ?? 0) * 60)
        }
        return seconds
    }

    /// ISO 8601: `2024-04-09`, `2024-04-09T10:30:00`, `2024-04-09T10:30:00-05:00` (fractions kept).
    package var iso8601: String {
        var text = dayString
        guard let time else { return text }
        text += "T\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad(time.second, 2))"
        if time.nanosecond > 0 {
            var fraction = pad(time.nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        if let offset = utcOffsetMinutes {
            if offset == 0 { return text + "Z" }
            text += offset < 0 ? "-" : "+"
            text += "\(pad(abs(offset) / 60, 2)):\(pad(abs(offset) % 60, 2))"
        }
        return text
    }

    /// The calendar day alone, `2024-04-09`, as lists show it.
    package var dayString: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    package var description: String { iso8601 }

    package static func < (lhs: PostDate, rhs: PostDate) -> Bool {
        let (l, r) = (lhs.secondsSinceEpoch, rhs.secondsSinceEpoch)
        if l != r { return l < r }
        return (lhs.time?.nanosecond ?? 0) < (rhs.time?.nanosecond ?? 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
