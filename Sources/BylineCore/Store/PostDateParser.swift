/// Reads the date spellings that real blogs use, from YAML strings, TOML strings and file names.
///
/// Accepted: `2024-04-09`, `2024-4-9`, `2024/04/09`, RFC 3339 (`2024-04-09T10:30:00Z`,
/// `2024-04-09T10:30:00.25+02:00`), YAML timestamps (`2001-12-14 21:59:43.10 -5`), Jekyll's
/// `2013-11-22 05:00:00 +0000` and `-0500`, a time without seconds (`2024-04-09 10:30`), and days
/// with English month names (`Jul 08 2022`, `July 8, 2022`, `8 July 2022`).
/// Anything after a valid date that is not a time is an error: `2024-04-09 lunch` is not a date.
package enum PostDateParser {
    /// The date in `text`, or nil when it is not one of the accepted shapes.
    package static func parse(_ text: String) -> PostDate? {
        var scanner = DateScanner(Array(text.utf8))
        scanner.skipSpaces()
        guard let date = scanner.date() else { return parseWithMonthName(text) }
        scanner.skipSpaces()
        if scanner.atEnd { return date.post }
        guard scanner.skip(anyOf: "Tt") || scanner.sawSpaceBefore,
              let time = scanner.time() else { return nil }
        scanner.skipSpaces()
        var offset: Int?
        if !scanner.atEnd {
            guard let parsed = scanner.offset() else { return nil }
            offset = parsed
            scanner.skipSpaces()
        }
        guard scanner.atEnd else { return nil }
        return PostDate(year: date.year, month: date.month, day: date.day, time: time, utcOffsetMinutes: offset)
    }

    /// `Jul 08 2022` (Astro's starter), `July 8, 2022` and `8 July 2022`: a day, nothing more.
    static func parseWithMonthName(_ text: String) -> PostDate? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map { $0.lowercased() }
        guard words.count == 3 else { return nil }
        func month(_ word: String) -> Int? {
            guard word.count >= 3 else { return nil }
            return monthNames.firstIndex { $0.hasPrefix(word.hasSuffix(".") ? String(word.dropLast()) : word) }.map { $0 + 1 }
        }
        let year = Int(words[2]).flatMap { words[2].count == 4 ? $0 : nil }
        if let m = month(words[0]), let d = Int(words[1]), let year { return PostDate(year: year, month: m, day: d) }
        if let d = Int(words[0]), let m = month(words[1]), let year { return PostDate(year: year, month: m, day: d) }
        return nil
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]

    /// A `YYYY-MM-DD` prefix of a file or folder name (Jekyll's `2024-04-09-slug.md`), and the rest.
    package static func datePrefix(of name: Substring) -> (date: PostDate, rest: Substring)? {
        let bytes = Array(name.utf8)
        guard bytes.count >= 10 else { return nil }
        let shape = "dddd-dd-dd"
        for (byte, kind) in zip(bytes, shape.utf8) {
            if kind == UInt8(ascii: "d") ? !(48...57).contains(byte) : byte != kind { return nil }
        }
        guard let date = parse(String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        var rest = name.dropFirst(10)
        if let first = rest.first, first == "-" || first == "_" { rest = rest.dropFirst() }
        return (date, rest)
    }
}

/// A cursor over ASCII bytes with the small grammar of dates and times.
private struct DateScanner {
    struct Day { var year: Int, month: Int, day: Int
        var post: PostDate? { PostDate(year: year, month: month, day: day) }
    }

    let bytes: [UInt8]
    var index = 0
    /// Whether the last `skipSpaces` skipped anything (a space may separate date and time).
    var sawSpaceBefore = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func skipSpaces() {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        sawSpaceBefore = index > start
    }

    mutating func skip(anyOf characters: String) -> Bool {
        guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
        index += 1
        return true
    }

    /// Between `min` and `max` ASCII digits as a number.
    mutating func number(min: Int, max: Int) -> Int? {
        var value = 0, count = 0
        while count < max, index < bytes.count, (48...57).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            count += 1
        }
        return count >= min ? value : nil
    }

    mutating func date() -> Day? {
        guard let year = number(min: 4, max: 4) else { return nil }
        guard index < bytes.count else { return nil }
        let separator = bytes[index]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return nil }
        index += 1
        guard let month = number(min: 1, max: 2), index < bytes.count, bytes[index] == separator else { return nil }
        index += 1
        guard let day = number(min: 1, max: 2) else { return nil }
        if index < bytes.count, (48...57).contains(bytes[index]) { return nil }
        return Day(year: year, month: month, day: day)
    }

    mutating func time() -> PostDate.Time? {
        guard let hour = number(min: 1, max: 2), skip(anyOf: ":"), let minute = number(min: 2, max: 2) else { return nil }
        var second = 0, nanosecond = 0
        if skip(anyOf: ":") {
            guard let parsed = number(min: 2, max: 2) else { return nil }
            second = parsed
            if skip(anyOf: ".,") {
                let start = index
                guard let fraction = number(min: 1, max: 9) else { return nil }
                nanosecond = fraction
                for _ in (index - start)..<9 { nanosecond *= 10 }
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            }
        }
        return PostDate.Time(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
    }

    /// `Z`, `+05:00`, `+0500`, `+05`, or YAML's `-5`; minutes east of UTC.
    mutating func offset() -> Int? {
        if skip(anyOf: "Zz") { return 0 }
        guard index < bytes.count else { return nil }
        let sign: Int
        switch bytes[index] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        index += 1
        let start = index
        guard let hoursOrBoth = number(min: 1, max: 4) else { return nil }
        let digits = index - start
        var minutes: Int
        switch digits {
        case 1, 2:
            minutes = hoursOrBoth * 60
            if skip(anyOf: ":") {
                guard let extra = number(min: 2, max: 2) else { return nil }
                minutes += extra
            }
        case 4: minutes = (hoursOrBoth / 100) * 60 + hoursOrBoth % 100
        default: return nil
        }
        return sign * minutes
    }
}
