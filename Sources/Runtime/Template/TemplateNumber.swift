import VM

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
            guard let (value, _, next) = Strconv.unquoteChar(bytes, at: 1, quote: UInt8(ascii: "'")) else {
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
        // As Go's newNumber: ParseUint and ParseInt with base 0 (prefixes, `_`), then ParseFloat.
        if case (let u, nil) = Strconv.parseUint(Array(text.utf8)[...], base: 0, bitSize: 64) {
            (isUint, uint64) = (true, u)
        }
        if let i = try? Strconv.parseInt(text, base: 0, bitSize: 64) {
            (isInt, int64) = (true, i)
            if i == 0 { (isUint, uint64) = (true, 0) }  // -0
        }
        if isInt {
            (isFloat, float64) = (true, Double(int64))
        } else if isUint {
            (isFloat, float64) = (true, Double(uint64))
        } else if let f = try? Strconv.parseFloat(text) {
            guard text.contains(where: { ".eEpP".contains($0) }) else {
                throw TemplateError("integer overflow: \(GoQuoting.quote(text))")
            }
            (isFloat, float64) = (true, f)
            if let i = Int64(exactly: f) { (isInt, int64) = (true, i) }
            if let u = UInt64(exactly: f) { (isUint, uint64) = (true, u) }
        }
        guard isInt || isUint || isFloat else { throw TemplateError("illegal number syntax: \(GoQuoting.quote(text))") }
    }
}
