/// Go's `strconv` number and bool parsing, with Go's grammar and error texts
/// (`strconv.ParseInt: parsing "x": invalid syntax`), for the convert module and the
/// `golang/strconv` wrappers. Quoting is in `Strconv+Quote.swift`.
enum Strconv {
    /// Go's `*strconv.NumError`: the failing function, its input and the reason.
    struct NumError: Error, Equatable {
        var function: String
        var input: String
        var reason: String

        /// Go's text: `strconv.ParseInt: parsing "x": invalid syntax`.
        var message: String { "strconv.\(function): parsing \(Strconv.quote(input)): \(reason)" }
    }

    static let invalidSyntax = "invalid syntax"
    static let outOfRange = "value out of range"

    /// Go's `ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False`.
    static func parseBool(_ text: String) throws(NumError) -> Bool {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: throw NumError(function: "ParseBool", input: text, reason: invalidSyntax)
        }
    }

    /// Go's `ParseInt`: optional sign, then digits in `base` (2...36, or 0 to read a `0b`,
    /// `0o`, `0x` or `0` prefix and allow `_` between digits); the value must fit `bitSize`
    /// bits (0 means 64). `function` names the Go function in errors (`Atoi` reuses this).
    static func parseInt(_ text: String, base: Int, bitSize: Int, function: String = "ParseInt")
        throws(NumError) -> Int64 {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { throw NumError(function: function, input: text, reason: invalidSyntax) }
        var digits = bytes[...]
        let negative = first == UInt8(ascii: "-")
        if negative || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        let (magnitude, failure) = parseUint(digits, base: base, bitSize: bitSize)
        if let failure, failure != outOfRange { throw NumError(function: function, input: text, reason: failure) }
        // A range error left `magnitude` at the maximum, which the checks below reject too.
        let cutoff = UInt64(1) << UInt64((bitSize == 0 ? 64 : bitSize) - 1)
        if !negative && magnitude >= cutoff || negative && magnitude > cutoff {
            throw NumError(function: function, input: text, reason: outOfRange)
        }
        return negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude)
    }

    /// Go's `ParseUint` on the digits after any sign: the value, or the maximum and a reason.
    static func parseUint(_ digits: ArraySlice<UInt8>, base: Int, bitSize: Int) -> (UInt64, String?) {
        guard !digits.isEmpty else { return (0, invalidSyntax) }
        let original = digits
        var digits = digits
        var base = base
        let prefixAllowed = base == 0
        switch base {
        case 2...36: break
        case 0:
            base = 10
            if digits.first == UInt8(ascii: "0") {
                let marker = digits.count >= 3 ? lower(digits[digits.startIndex + 1]) : 0
                switch marker {
                case UInt8(ascii: "b"): base = 2; digits = digits.dropFirst(2)
                case UInt8(ascii: "o"): base = 8; digits = digits.dropFirst(2)
                case UInt8(ascii: "x"): base = 16; digits = digits.dropFirst(2)
                default: base = 8; digits = digits.dropFirst()
                }
            }
        default: return (0, "invalid base \(base)")
        }
        guard (0...64).contains(bitSize) else { return (0, "invalid bit size \(bitSize)") }
        let bits = bitSize == 0 ? 64 : bitSize
        let maxValue = bits == 64 ? UInt64.max : (UInt64(1) << UInt64(bits)) - 1
        let cutoff = UInt64.max / UInt64(base) + 1  // the smallest n with n * base > UInt64.max
        var underscores = false
        var value: UInt64 = 0
        for byte in digits {
            if byte == UInt8(ascii: "_") && prefixAllowed { underscores = true; continue }
            let digit: UInt8
            if isDigit(byte) {
                digit = byte - UInt8(ascii: "0")
            } else if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower(byte)) {
                digit = lower(byte) - UInt8(ascii: "a") + 10
            } else {
                return (0, invalidSyntax)
            }
            guard Int(digit) < base else { return (0, invalidSyntax) }
            if value >= cutoff { return (maxValue, outOfRange) }
            let (next, overflow) = (value * UInt64(base)).addingReportingOverflow(UInt64(digit))
            if overflow || next > maxValue { return (maxValue, outOfRange) }
            value = next
        }
        if underscores && !underscoreOK(original) { return (0, invalidSyntax) }
        return (value, nil)
    }

    /// Go's `ParseFloat`: decimal or hexadecimal (`0x1p-2`, exponent required) floats with
    /// optional `_` between digits, `inf`/`infinity` with an optional sign and `nan` (no sign),
    /// in any case. `bitSize` 32 rounds to float32. Overflow is a range error, as in Go;
    /// underflow to zero is not.
    static func parseFloat(_ text: String, bitSize: Int = 64) throws(NumError) -> Double {
        let bytes = Array(text.utf8)
        if let special = specialFloat(bytes) { return special }
        guard isFloatSyntax(bytes) else { throw NumError(function: "ParseFloat", input: text, reason: invalidSyntax) }
        // The grammar is Go's; the digits are C's strtod (correctly rounded, as Go's).
        let digits = String(decoding: bytes.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        let value = bitSize == 32 ? Float(digits).map(Double.init) : Double(digits)
        guard let value else { throw NumError(function: "ParseFloat", input: text, reason: invalidSyntax) }
        if value.isInfinite { throw NumError(function: "ParseFloat", input: text, reason: outOfRange) }
        return value
    }

    /// Go's `special`: the whole text is `[+-]inf`, `[+-]infinity` or `nan`, any case.
    private static func specialFloat(_ bytes: [UInt8]) -> Double? {
        let asciiLower = bytes.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
        switch String(decoding: asciiLower, as: UTF8.self) {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return nil
        }
    }

    /// Whether `bytes` is a whole Go float literal (Go's `readFloat` consuming everything).
    private static func isFloatSyntax(_ s: [UInt8]) -> Bool {
        var i = 0
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        var hex = false
        if i + 2 < s.count, s[i] == UInt8(ascii: "0"), lower(s[i + 1]) == UInt8(ascii: "x") { hex = true; i += 2 }
        var underscores = false, sawDot = false, sawDigits = false
        digits: while i < s.count {
            switch s[i] {
            case UInt8(ascii: "_"): underscores = true
            case UInt8(ascii: "."): if sawDot { break digits }; sawDot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigits = true
            case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                guard hex else { break digits }
                sawDigits = true
            default: break digits
            }
            i += 1
        }
        guard sawDigits else { return false }
        if i < s.count, lower(s[i]) == (hex ? UInt8(ascii: "p") : UInt8(ascii: "e")) {
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard i < s.count, isDigit(s[i]) else { return false }
            while i < s.count, isDigit(s[i]) || s[i] == UInt8(ascii: "_") {
                if s[i] == UInt8(ascii: "_") { underscores = true }
                i += 1
            }
        } else if hex {
            return false  // a hex mantissa needs a `p` exponent
        }
        if underscores && !underscoreOK(s[..<i]) { return false }
        return i == s.count
    }

    /// Go's `underscoreOK`: every `_` sits between digits, or between a base prefix and a digit.
    static func underscoreOK(_ text: ArraySlice<UInt8>) -> Bool {
        var s = text
        if let first = s.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { s = s.dropFirst() }
        var saw: Character = "^"  // ^ start, 0 digit or prefix, _ underscore, ! anything else
        var hex = false
        if s.count >= 2, s.first == UInt8(ascii: "0"),
           [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")].contains(lower(s[s.startIndex + 1])) {
            hex = lower(s[s.startIndex + 1]) == UInt8(ascii: "x")
            saw = "0"
            s = s.dropFirst(2)
        }
        for byte in s {
            if isDigit(byte) || hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lower(byte)) {
                saw = "0"
            } else if byte == UInt8(ascii: "_") {
                if saw != "0" { return false }
                saw = "_"
            } else {
                if saw == "_" { return false }
                saw = "!"
            }
        }
        return saw != "_"
    }

    /// Go's `FormatInt`: lower-case digits in `base` 2...36; another base makes Go panic,
    /// here a fatal error.
    static func formatInt(_ value: Int64, base: Int64) -> String? {
        guard (2...36).contains(base) else { return nil }
        return String(value, radix: Int(base))
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }
    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
