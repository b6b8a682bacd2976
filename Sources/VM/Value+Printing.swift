/// Printing values as mcl prints them (errors, `Field:` lines, `fmt.printf("%v")`).
///
/// bool `true`; int decimal; float shortest round-trip decimal without exponent (`42`,
/// `3.14`); str Go-quoted (`"a\n"`); list `[1, 2]`; map `{k: v}` in key order; struct
/// `struct{a: 1; b: "x"}` in field order.
extension Value: CustomStringConvertible {
    public var description: String {
        var out = ""
        write(to: &out, quoteStrings: true)
        return out
    }

    /// Like `description`, but a top-level string is inserted raw (what `%v` and `%s` do).
    public var rawDescription: String {
        if case .str(let s) = self { return s }
        return description
    }

    private func write(to out: inout String, quoteStrings: Bool) {
        switch self {
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let f): out += Value.formatFloat(f)
        case .str(let s): out += quoteStrings ? Value.goQuote(s) : s
        case .list(let elements):
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += ", " }
                element.write(to: &out, quoteStrings: true)
            }
            out += "]"
        case .map(let map):
            out += "{"
            for i in 0..<map.count {
                if i > 0 { out += ", " }
                map.keys[i].write(to: &out, quoteStrings: true)
                out += ": "
                map.values[i].write(to: &out, quoteStrings: true)
            }
            out += "}"
        case .struct(let value):
            out += "struct{"
            for i in 0..<value.names.count {
                if i > 0 { out += "; " }
                out += value.names[i] + ": "
                value.values[i].write(to: &out, quoteStrings: true)
            }
            out += "}"
        case .function(let function):
            out += function.type.description
        }
    }

    /// Shortest decimal that reads back as `value`, never with an exponent and with no
    /// trailing `.0` (`42.0` → `42`, `1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`).
    /// NaN and infinities print as Go does: `NaN`, `+Inf`, `-Inf`.
    public static func formatFloat(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let negative = value.sign == .minus
        let (digits, pointPosition) = shortestDecimal(value)
        if digits == "0" { return negative ? "-0" : "0" }
        var result: String
        if pointPosition <= 0 {
            result = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            result = digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            result = digits[..<split] + "." + digits[split...]
        }
        return negative ? "-" + result : result
    }

    /// The shortest decimal digits that read back as the magnitude of the finite `value`, with
    /// no leading or trailing zeros (`"0"` for zero), and the number of digits before the
    /// decimal point, which may be negative or past the digits (`12.5` → `("125", 2)`,
    /// `0.001` → `("1", -2)`, `1e21` → `("1", 22)`).
    public static func shortestDecimal(_ value: Double) -> (digits: String, pointPosition: Int) {
        // Swift's description is the shortest round-trip form, possibly with an exponent.
        var text = "\(value.magnitude)"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var integerPart = text
        var fractionPart = ""
        if let dot = text.firstIndex(of: ".") {
            integerPart = String(text[..<dot])
            fractionPart = String(text[text.index(after: dot)...])
        }
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count + exponent  // digits before the decimal point
        // Normalise leading zeros so that `digits` starts with a significant digit.
        while digits.count > 1, digits.hasPrefix("0") { digits.removeFirst(); pointPosition -= 1 }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        return (digits, pointPosition)
    }

    /// Go's `strconv.Quote` (see `GoQuoting`).
    public static func goQuote(_ s: String) -> String { GoQuoting.quote(s) }

}
