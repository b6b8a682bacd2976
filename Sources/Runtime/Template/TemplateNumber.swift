/// A number constant (Go's `parse.NumberNode`): the value under every type that can
/// represent it, which simulates Go's untyped constants (`1` may be an int or a float
/// argument, `1.0` an int one, `1.5` only a float one).
///
/// Complex constants (`1+2i`, `2i`) are rejected at parse time: templates in mcl never
/// need them.
struct TemplateNumber: Sendable {
    var pos: Int
    var text: String
    var isInt = false
    var isUint = false
    var isFloat = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0

    /// Parses a number or character-constant token the way Go's `newNumber` does.
    /// - Throws: the parse error message (`illegal number syntax: "…"`, `integer overflow`,
    ///   `invalid syntax` for a bad character constant, or the unsupported complex form).
    init(pos: Int, text: String, kind: TemplateToken.Kind) throws(TemplateError) {
        self.pos = pos
        self.text = text
        if kind == .charConstant {
            let bytes = Array(text.utf8)
            guard let (value, _, next) = GoStrconv.unquoteChar(bytes, at: 1, quote: UInt8(ascii: "'")) else {
                throw TemplateError("invalid syntax")
            }
            guard next == bytes.count - 1 else { throw TemplateError("malformed character constant: \(text)") }
            (isInt, isUint, isFloat) = (true, true, true)
            (int64, uint64, float64) = (Int64(value), UInt64(value), Double(value))
            return
        }
        if kind == .complex || text.hasSuffix("i") {
            throw TemplateError("complex constant \(text) is not supported")
        }
        if let u = TemplateNumber.parseInteger(text, signed: false) {
            (isUint, uint64) = (true, u.magnitude)
        }
        if let i = TemplateNumber.parseInteger(text, signed: true) {
            let value: Int64? = i.negative
                ? (i.magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- i.magnitude) : nil)
                : (i.magnitude <= UInt64(Int64.max) ? Int64(i.magnitude) : nil)
            if let value {
                (isInt, int64) = (true, value)
                if value == 0 { (isUint, uint64) = (true, 0) }  // -0
            }
        }
        if isInt {
            (isFloat, float64) = (true, Double(int64))
        } else if isUint {
            (isFloat, float64) = (true, Double(uint64))
        } else if let f = TemplateNumber.parseFloat(text) {
            guard text.contains(where: { ".eEpP".contains($0) }) else {
                throw TemplateError("integer overflow: \(GoFormatter.quote(text))")
            }
            (isFloat, float64) = (true, f)
            if let i = Int64(exactly: f) { (isInt, int64) = (true, i) }
            if let u = UInt64(exactly: f) { (isUint, uint64) = (true, u) }
        }
        guard isInt || isUint || isFloat else { throw TemplateError("illegal number syntax: \(GoFormatter.quote(text))") }
    }

    /// Go's `strconv.ParseInt`/`ParseUint` with base 0 (prefixes `0x 0o 0b`, a leading `0`
    /// for octal, `_` between digits): the magnitude and sign, or nil on a syntax error or
    /// when the magnitude does not fit 64 bits. `signed` allows a leading `+`/`-`.
    static func parseInteger(_ text: String, signed: Bool) -> (magnitude: UInt64, negative: Bool)? {
        var s = Substring(text)
        var negative = false
        if let first = s.first, first == "+" || first == "-" {
            guard signed else { return nil }
            negative = first == "-"
            s = s.dropFirst()
        }
        var base: UInt64 = 10
        let lower = s.lowercased()
        if lower.hasPrefix("0x") { base = 16; s = s.dropFirst(2) }
        else if lower.hasPrefix("0o") { base = 8; s = s.dropFirst(2) }
        else if lower.hasPrefix("0b") { base = 2; s = s.dropFirst(2) }
        else if lower.hasPrefix("0") && s.count > 1 { base = 8; s = s.dropFirst() }
        guard underscoreOK(text), !s.isEmpty else { return nil }
        var value: UInt64 = 0
        var sawDigit = false
        for character in s where character != "_" {
            guard let digit = character.hexDigitValue, UInt64(digit) < base else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: base)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            sawDigit = true
        }
        return sawDigit ? (value, negative) : nil
    }

    /// Go's `strconv.ParseFloat` for the forms the lexer lets through (decimal with optional
    /// exponent, hexadecimal with a `p` exponent, `_` between digits); nil when invalid or
    /// out of range.
    static func parseFloat(_ text: String) -> Double? {
        guard underscoreOK(text) else { return nil }
        let cleaned = text.filter { $0 != "_" }
        let unsigned = cleaned.drop { $0 == "+" || $0 == "-" }.lowercased()
        if unsigned.hasPrefix("0x") {
            guard unsigned.contains("p") else { return nil }
        } else if unsigned.contains("p") || unsigned.hasPrefix("0o") || unsigned.hasPrefix("0b") {
            return nil
        }
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// Go's `underscoreOK`: each `_` sits between digits (a base prefix counts as a digit).
    static func underscoreOK(_ text: String) -> Bool {
        var s = text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }  // ASCII lower case
        if let first = s.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { s.removeFirst() }
        var saw = UInt8(ascii: "^")
        var i = 0
        var hex = false
        if s.count >= 2, s[0] == UInt8(ascii: "0"), [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")].contains(s[1]) {
            i = 2
            saw = UInt8(ascii: "0")
            hex = s[1] == UInt8(ascii: "x")
        }
        while i < s.count {
            let c = s[i]
            i += 1
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || (hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c)) {
                saw = UInt8(ascii: "0")
            } else if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = c
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
        }
        return saw != UInt8(ascii: "_")
    }
}
