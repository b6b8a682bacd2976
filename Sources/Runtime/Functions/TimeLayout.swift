/// Go's `time.Time.Format` for whole-second Unix times: a layout written with the reference
/// time `Mon Jan 2 15:04:05 MST 2006` (functions.md, datetime.format).
///
/// Tokens: `2006 06` year, `01 1 Jan January` month, `02 2 _2` day, `002 __2` day of year,
/// `Mon Monday`, `15` hour, `03 3` 12-hour, `04 4` minute, `05 5` second, `PM pm`,
/// `.000 .999 ,000 ,999` fractions (zeros, or nothing for the `9` forms, since the seconds
/// are whole), `MST` zone name, `-0700 -07:00 -07 -070000 -07:00:00` offsets and their
/// `Z` forms, which print `Z` at offset zero. Names are English; other text is copied.
enum TimeLayout {
    /// The broken-down local time of `seconds` in `zone`.
    struct Fields {
        var year: Int64, month: Int, day: Int, yearDay: Int, weekday: Int  // weekday 0 = Sunday
        var hour: Int, minute: Int, second: Int
        var offset: Int  // seconds east of UTC
        var zoneName: String

        init(seconds: Int64, zone: ZoneInfo) {
            offset = zone.offset(at: seconds)
            zoneName = zone.name(at: seconds)
            let local = seconds &+ Int64(offset)  // wraps near Int64.max, as Go's time arithmetic does
            let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
            let secondOfDay = Int(local - days * 86400)
            (hour, minute, second) = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
            (year, month, day) = TimeLayout.civil(days: days)
            yearDay = Int(days - TimeLayout.days(year: year, month: 1, day: 1)) + 1
            weekday = Int(((days + 4) % 7 + 7) % 7)  // 1970-01-01 was a Thursday
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `seconds` formatted with the Go `layout` in `zone`.
    static func format(_ seconds: Int64, layout: String, zone: ZoneInfo) -> String {
        let t = Fields(seconds: seconds, zone: zone)
        var out = ""
        var rest = Substring(layout)
        while !rest.isEmpty {
            let (prefix, token, suffix) = nextToken(rest)
            out += prefix
            rest = suffix
            if let token { out += render(token, t) }
        }
        return out
    }

    /// Go's `Time.String` for a whole second: `2015-09-25 05:16:03 +0000 UTC`.
    static func goString(_ seconds: Int64, zone: ZoneInfo) -> String {
        format(seconds, layout: "2006-01-02 15:04:05.999999999 -0700 MST", zone: zone)
    }

    private static func render(_ token: Token, _ t: Fields) -> String {
        switch token {
        case .year2: return pad(Int(abs(t.year) % 100), 2)
        case .year4: return t.year < 0 ? "-" + pad(Int(-t.year), 4) : pad(Int(t.year), 4)
        case .monthShort: return String(monthNames[t.month - 1].prefix(3))
        case .monthLong: return monthNames[t.month - 1]
        case .monthNumber: return String(t.month)
        case .monthZero: return pad(t.month, 2)
        case .weekdayShort: return String(dayNames[t.weekday].prefix(3))
        case .weekdayLong: return dayNames[t.weekday]
        case .day: return String(t.day)
        case .daySpace: return (t.day < 10 ? " " : "") + String(t.day)
        case .dayZero: return pad(t.day, 2)
        case .yearDaySpace: return String(repeating: " ", count: t.yearDay < 10 ? 2 : t.yearDay < 100 ? 1 : 0) + String(t.yearDay)
        case .yearDayZero: return pad(t.yearDay, 3)
        case .hour: return pad(t.hour, 2)
        case .hour12: return String(t.hour % 12 == 0 ? 12 : t.hour % 12)
        case .hour12Zero: return pad(t.hour % 12 == 0 ? 12 : t.hour % 12, 2)
        case .minute: return String(t.minute)
        case .minuteZero: return pad(t.minute, 2)
        case .second: return String(t.second)
        case .secondZero: return pad(t.second, 2)
        case .pmUpper: return t.hour >= 12 ? "PM" : "AM"
        case .pmLower: return t.hour >= 12 ? "pm" : "am"
        case .zoneName:
            if !t.zoneName.isEmpty { return t.zoneName }
            return offsetText(t.offset, colon: false, minutes: true, seconds: false)  // Go's fallback `-0700`
        case .offset(let iso, let colon, let minutes, let seconds):
            if iso && t.offset == 0 { return "Z" }
            return offsetText(t.offset, colon: colon, minutes: minutes, seconds: seconds)
        case .fraction(let separator, let digits, let trim):
            // Whole seconds: the nanoseconds are zero, so `9` forms print nothing.
            return trim ? "" : String(separator) + String(repeating: "0", count: min(digits, 9))
        }
    }

    private static func offsetText(_ offset: Int, colon: Bool, minutes: Bool, seconds: Bool) -> String {
        let magnitude = abs(offset)
        var text = (offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2)
        if minutes { text += (colon ? ":" : "") + pad(magnitude / 60 % 60, 2) }
        if seconds { text += (colon ? ":" : "") + pad(magnitude % 60, 2) }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day number
    /// (days since 1970-01-01).
    static func civil(days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Hinnant's `days_from_civil`, the inverse of `civil(days:)`.
    static func days(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
