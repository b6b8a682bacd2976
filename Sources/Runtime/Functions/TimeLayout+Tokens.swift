/// The tokens of a Go time layout, found as Go's `nextStdChunk` finds them.
extension TimeLayout {
    enum Token: Equatable {
        case year2, year4, monthShort, monthLong, monthNumber, monthZero, weekdayShort, weekdayLong
        case day, daySpace, dayZero, yearDaySpace, yearDayZero
        case hour, hour12, hour12Zero, minute, minuteZero, second, secondZero, pmUpper, pmLower
        case zoneName
        /// A numeric zone offset; `iso` prints `Z` at offset zero.
        case offset(iso: Bool, colon: Bool, minutes: Bool, seconds: Bool)
        /// Fractional seconds: `.000` (`trim` false) or `.999` (`trim` true), `digits` long.
        case fraction(separator: Character, digits: Int, trim: Bool)
    }

    /// The literal text before the first token of `layout`, that token (nil when there is
    /// none), and the text after it. Go's `nextStdChunk`.
    static func nextToken(_ layout: Substring) -> (Substring, Token?, Substring) {
        let bytes = Array(layout.utf8)
        func has(_ text: String, at index: Int) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern
        }
        func split(_ index: Int, _ length: Int, _ token: Token) -> (Substring, Token?, Substring) {
            let start = layout.utf8.index(layout.startIndex, offsetBy: index)
            let end = layout.utf8.index(start, offsetBy: length)
            return (layout[..<start], token, layout[end...])
        }
        func lowerAfter(_ index: Int) -> Bool {
            index < bytes.count && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index])
        }
        let offsets: [(String, Token)] = [
            ("070000", .offset(iso: false, colon: false, minutes: true, seconds: true)),
            ("07:00:00", .offset(iso: false, colon: true, minutes: true, seconds: true)),
            ("0700", .offset(iso: false, colon: false, minutes: true, seconds: false)),
            ("07:00", .offset(iso: false, colon: true, minutes: true, seconds: false)),
            ("07", .offset(iso: false, colon: false, minutes: false, seconds: false)),
        ]
        for i in bytes.indices {
            switch bytes[i] {
            case UInt8(ascii: "J") where has("Jan", at: i):
                if has("January", at: i) { return split(i, 7, .monthLong) }
                if !lowerAfter(i + 3) { return split(i, 3, .monthShort) }
            case UInt8(ascii: "M"):
                if has("Mon", at: i) {
                    if has("Monday", at: i) { return split(i, 6, .weekdayLong) }
                    if !lowerAfter(i + 3) { return split(i, 3, .weekdayShort) }
                }
                if has("MST", at: i) { return split(i, 3, .zoneName) }
            case UInt8(ascii: "0"):
                let zeroForms: [Token] = [.monthZero, .dayZero, .hour12Zero, .minuteZero, .secondZero, .year2]
                if i + 1 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 1]) {
                    return split(i, 2, zeroForms[Int(bytes[i + 1] - UInt8(ascii: "1"))])
                }
                if has("002", at: i) { return split(i, 3, .yearDayZero) }
            case UInt8(ascii: "1"):
                return has("15", at: i) ? split(i, 2, .hour) : split(i, 1, .monthNumber)
            case UInt8(ascii: "2"):
                return has("2006", at: i) ? split(i, 4, .year4) : split(i, 1, .day)
            case UInt8(ascii: "_"):
                if has("_2", at: i) {
                    // `_2006` is a literal `_` and a year.
                    return has("_2006", at: i) ? split(i + 1, 4, .year4) : split(i, 2, .daySpace)
                }
                if has("__2", at: i) { return split(i, 3, .yearDaySpace) }
            case UInt8(ascii: "3"): return split(i, 1, .hour12)
            case UInt8(ascii: "4"): return split(i, 1, .minute)
            case UInt8(ascii: "5"): return split(i, 1, .second)
            case UInt8(ascii: "P") where has("PM", at: i): return split(i, 2, .pmUpper)
            case UInt8(ascii: "p") where has("pm", at: i): return split(i, 2, .pmLower)
            case UInt8(ascii: "-"), UInt8(ascii: "Z"):
                let iso = bytes[i] == UInt8(ascii: "Z")
                for (text, token) in offsets where has(text, at: i + 1) {
                    guard case .offset(_, let colon, let minutes, let seconds) = token else { continue }
                    return split(i, text.utf8.count + 1, .offset(iso: iso, colon: colon, minutes: minutes, seconds: seconds))
                }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "0") || bytes[i + 1] == UInt8(ascii: "9") else { break }
                var j = i + 1
                while j < bytes.count && bytes[j] == bytes[i + 1] { j += 1 }
                // The run of digits must end here to be a fraction.
                if j < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) { break }
                let separator = Character(Unicode.Scalar(bytes[i]))
                return split(i, j - i, .fraction(separator: separator, digits: j - i - 1, trim: bytes[i + 1] == UInt8(ascii: "9")))
            default:
                break
            }
        }
        return (layout, nil, layout[layout.endIndex...])
    }
}
